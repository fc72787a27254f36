import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { MessageItem } from '../../backend/src/whatsapp/envelope'
import { normalizeMessage } from '../../backend/src/whatsapp/normalize-message'

const KNOWN_TYPES = [
  'text',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'button',
  'interactive',
  'location',
  'contacts',
  'reaction',
  'order',
  'system',
  'edit',
  'revoke',
  'unsupported',
]
const ENVELOPE_KEYS = [
  'id',
  'from',
  'from_user_id',
  'from_parent_user_id',
  'to',
  'to_user_id',
  'timestamp',
  'type',
]

const own = (o: object, key: string): unknown => Object.getOwnPropertyDescriptor(o, key)?.value
const unknownType = fc.string({ minLength: 1 }).filter((t) => !KNOWN_TYPES.includes(t))
const anyType = fc.oneof(
  fc.constantFrom(...KNOWN_TYPES),
  unknownType,
  fc.constantFrom('__proto__', 'constructor', 'toString', 'id', 'context'),
)
const ids = fc.option(fc.oneof(fc.string(), fc.jsonValue()), { nil: undefined })
const optString = fc.option(fc.string(), { nil: undefined })

const schemaErrors = fc.array(
  fc.record({ code: fc.integer(), title: fc.string(), message: fc.string() }, { requiredKeys: ['code'] }),
  { maxLength: 2 },
)

/**
 * A message as loose as the zod schema lets through, with any extra key and any body; with
 * `beyondSchema`, `context` and `errors` may be any JSON too.
 */
function looseMessage(type: fc.Arbitrary<string>, beyondSchema = false) {
  return fc
    .record({
      extras: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 }),
      id: fc.string({ minLength: 1 }),
      timestamp: fc.date({ noInvalidDate: true }),
      type,
      body: fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())),
      from: beyondSchema ? ids : optString,
      from_user_id: beyondSchema ? ids : optString,
      to: beyondSchema ? ids : optString,
      context: fc.option(
        beyondSchema
          ? fc.oneof(fc.record({ id: ids, from: ids }, { requiredKeys: [] }), fc.jsonValue())
          : fc.record({ id: fc.string(), from: fc.string() }, { requiredKeys: [] }),
        { nil: undefined },
      ),
      errors: fc.option(beyondSchema ? fc.oneof(schemaErrors, fc.jsonValue()) : schemaErrors, {
        nil: undefined,
      }),
    })
    .map(({ extras, body, type, ...rest }) => {
      const message: Record<string, unknown> = { ...extras, [type]: body, type }
      for (const [k, v] of Object.entries(rest)) if (v !== undefined) message[k] = v
      return message as MessageItem
    })
}

describe('normalizeMessage', () => {
  it('never throws on a loose message, even beyond the schema, and always keeps its type', () => {
    fc.assert(
      fc.property(looseMessage(anyType, true), (message) => {
        const out = normalizeMessage(message)
        expect(out.type).toBe(message.type)
        expect(typeof out.payload).toBe('object')
        expect(out.payload).not.toBeNull()
        expect(out.relatedWamid === null || typeof out.relatedWamid === 'string').toBe(true)
        expect(typeof out.threadVisible).toBe('boolean')
      }),
      { numRuns: 2000 },
    )
  })

  it('gives text as a string or null for any message the schema accepts', () => {
    fc.assert(
      fc.property(looseMessage(anyType), (message) => {
        const out = normalizeMessage(message)
        expect(out.text === null || typeof out.text === 'string').toBe(true)
        expect(Array.isArray(out.payload)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps every key of an unknown type except the envelope ones in its payload', () => {
    fc.assert(
      fc.property(looseMessage(unknownType), (message) => {
        const out = normalizeMessage(message)
        const kept = Object.keys(message).filter((k) => !ENVELOPE_KEYS.includes(k))
        expect(Object.keys(out.payload).sort()).toEqual(kept.sort())
        for (const key of kept) expect(own(out.payload, key)).toEqual(own(message, key))
        expect(out.threadVisible).toBe(true)
        expect(out.media).toBeNull()
      }),
      { numRuns: 1000 },
    )
  })

  it("gives a text message's body as its text", () => {
    fc.assert(
      fc.property(looseMessage(fc.constant('text')), fc.string(), (message, body) => {
        const out = normalizeMessage({ ...message, text: { body } })
        expect(out.text).toBe(body === '' ? null : body)
        expect(out.payload.body).toBe(body)
        expect(out.threadVisible).toBe(true)
      }),
    )
  })

  it('keeps media references and hides reactions, edits and deletions behind their target', () => {
    const wamid = fc.string({ minLength: 1 })
    fc.assert(
      fc.property(
        looseMessage(fc.constantFrom('image', 'video', 'audio', 'document', 'sticker')),
        fc.record({ id: wamid, mime_type: wamid, sha256: wamid, filename: wamid }),
        (message, media) => {
          const out = normalizeMessage({ ...message, [message.type]: media })
          expect(out.media).toEqual({
            id: media.id,
            mimeType: media.mime_type,
            sha256: media.sha256,
            filename: media.filename,
            url: null,
          })
        },
      ),
    )
    fc.assert(
      fc.property(looseMessage(fc.constantFrom('reaction', 'edit', 'revoke')), wamid, (message, target) => {
        const body =
          message.type === 'reaction'
            ? { message_id: target, emoji: '👍' }
            : { original_message_id: target, message: { type: 'text', text: { body: 'new' } } }
        const out = normalizeMessage({ ...message, [message.type]: body })
        expect(out.relatedWamid).toBe(target)
        expect(out.threadVisible).toBe(false)
        if (message.type !== 'revoke') expect(out.text).toBe(message.type === 'reaction' ? '👍' : 'new')
      }),
    )
  })
})
