import type { MessageItem } from './envelope'

/** What the ingest stores for one message, independent of where it came from. */
export interface NormalizedContent {
  type: string
  text: string | null
  payload: Record<string, unknown>
  media: {
    id: string | null
    mimeType: string | null
    sha256: string | null
    filename: string | null
    url: string | null
  } | null
  /** The message this one replies to, edits, deletes or reacts to. */
  relatedWamid: string | null
  /** Edits, deletions and reactions change their target instead of adding a bubble. */
  threadVisible: boolean
}

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker'])

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null)

/**
 * Turns one webhook message of any type into stored fields. Unknown types keep their whole
 * object as payload; nothing is dropped. Pure, so it is property-tested.
 */
export function normalizeMessage(message: MessageItem): NormalizedContent {
  const type = message.type
  const raw = message as Obj
  const body = isObj(raw[type]) ? (raw[type] as Obj) : {}
  const base: NormalizedContent = {
    type,
    text: null,
    payload: { ...body },
    media: null,
    relatedWamid: str(message.context?.id),
    threadVisible: true,
  }
  if (message.context) base.payload.context = message.context
  if (isObj(raw.referral)) base.payload.referral = raw.referral
  if (message.errors?.length) base.payload.errors = message.errors

  if (MEDIA_TYPES.has(type)) {
    base.text = str(body.caption)
    base.media = {
      id: str(body.id),
      mimeType: str(body.mime_type),
      sha256: str(body.sha256),
      filename: str(body.filename),
      url: str(body.url),
    }
    return base
  }

  switch (type) {
    case 'text':
      return { ...base, text: str(body.body) }
    case 'button':
      return { ...base, text: str(body.text) ?? str(body.payload) }
    case 'interactive': {
      const kind = str(body.type)
      const reply = kind && isObj(body[kind]) ? (body[kind] as Obj) : {}
      return { ...base, text: str(reply.title) ?? str(reply.body) ?? null }
    }
    case 'location': {
      const label = [str(body.name), str(body.address)].filter(Boolean).join(', ')
      return { ...base, text: label || null }
    }
    case 'contacts': {
      const cards = Array.isArray(raw.contacts) ? raw.contacts : []
      const names = cards
        .map((c) => (isObj(c) && isObj(c.name) ? str(c.name.formatted_name) : null))
        .filter((n): n is string => n !== null)
      return { ...base, payload: { ...base.payload, contacts: cards }, text: names.join(', ') || null }
    }
    case 'reaction':
      return {
        ...base,
        text: str(body.emoji),
        relatedWamid: str(body.message_id),
        threadVisible: false,
      }
    case 'order':
      return { ...base, text: str(body.text) }
    case 'system':
      return { ...base, text: str(body.body) }
    case 'edit': {
      const inner = isObj(body.message) ? (body.message as Obj) : {}
      const innerType = str(inner.type)
      const innerBody = innerType && isObj(inner[innerType]) ? (inner[innerType] as Obj) : {}
      return {
        ...base,
        text: str(innerBody.body) ?? str(innerBody.caption),
        relatedWamid: str(body.original_message_id),
        threadVisible: false,
      }
    }
    case 'revoke':
      return { ...base, relatedWamid: str(body.original_message_id), threadVisible: false }
    case 'unsupported': {
      const first = message.errors?.[0]
      return { ...base, text: str(first?.title) }
    }
    default:
      // A type we do not model yet: keep every top-level key except the envelope's own.
      return { ...base, payload: withoutCommonKeys(raw) }
  }
}

const COMMON_KEYS = new Set([
  'id',
  'from',
  'from_user_id',
  'from_parent_user_id',
  'to',
  'to_user_id',
  'timestamp',
  'type',
])

function withoutCommonKeys(raw: Obj): Obj {
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !COMMON_KEYS.has(k)))
}
