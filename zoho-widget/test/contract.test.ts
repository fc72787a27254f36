import { intentSchema, sendAcceptedSchema as sharedSendAccepted } from '@scrm/shared'
import { describe, expect, it } from 'vitest'
import { sendAcceptedSchema, threadSchema } from '../src/api/schemas'
import { CORRECTABLE_INTENTS } from '../src/model/intents'
import { contact, HOUR, isoIn, message, tag, thread } from './fixtures'

describe('the widget reads the @scrm/shared thread contract', () => {
  it('reads a full thread view built with the shared schemas', () => {
    const view = thread({
      contact: contact({
        automation_paused_until: isoIn(HOUR),
        intent: { value: 'quote', confidence: 0.8, reason: 'asked for a quote', at: isoIn(0) },
        segment: { value: 'customer', reason: 'ordered', why: { note: 'ordered twice' }, at: isoIn(0) },
      }),
      tags: [tag('vip', 'VIP')],
      messages: [
        message({
          status: 'retrying',
          error: { code: null, title: null, details: null, reason: 'dns_failure', explanation: 'x' },
        }),
      ],
      next_cursor: 'c',
    })
    const read = threadSchema.parse(view)
    expect(read.contact?.automation_paused_until).toBe(view.contact?.automation_paused_until)
    expect(read.messages[0]?.error?.reason).toBe('dns_failure')
    expect(read.tags[0]?.label).toBe('VIP')
  })

  it('reads the archived month built with the shared schema, and nothing archived when absent', () => {
    expect(threadSchema.parse(thread({ archived_before: '2025-11' })).archived_before).toBe('2025-11')
    expect(threadSchema.parse(thread({ archived_before: null })).archived_before).toBeNull()
    expect(threadSchema.parse(thread()).archived_before ?? null).toBeNull()
  })

  it('keeps reading when the backend adds a status or an insight shape it does not know', () => {
    const view = JSON.parse(JSON.stringify(thread())) as Record<string, unknown> & {
      messages: Record<string, unknown>[]
      contact: Record<string, unknown>
    }
    view.messages[0] = { ...view.messages[0], status: 'scheduled', new_field: 1 }
    view.contact.sentiment = { something: 'else', nested: [1] }
    expect(threadSchema.safeParse(view).success).toBe(true)
  })

  it('reads a send answer built with the shared schema', () => {
    const accepted = sharedSendAccepted.parse({
      message_id: 'm',
      state: 'queued',
      duplicate: false,
      message: message(),
    })
    expect(sendAcceptedSchema.parse(accepted).message.id).toBe(accepted.message.id)
  })

  it('reads duplicate hints, number changes and message intents built with the shared schemas', () => {
    const view = thread({
      messages: [message({ intent: { value: 'quote', confidence: 0.55, suggestion: true } })],
      duplicates: [
        {
          candidate_id: '41',
          score: 0.86,
          other: { id: 'c2', name: null, phone: '+5511911112222' },
          reasons: [{ code: 'previous_phone', detail: '+5511911112222' }],
        },
      ],
      identity_changes: [
        {
          kind: 'phone',
          from: '+5511911112222',
          to: '+5511999990000',
          reason: 'number_change',
          at: isoIn(0),
        },
      ],
    })
    const read = threadSchema.parse(view)
    expect(read.duplicates?.[0]?.reasons[0]?.code).toBe('previous_phone')
    expect(read.identity_changes?.[0]?.from).toBe('+5511911112222')
    expect(read.messages[0]?.intent).toEqual({ value: 'quote', confidence: 0.55, suggestion: true })
  })

  it('offers exactly the intents the backend accepts, in its order', () => {
    expect([...CORRECTABLE_INTENTS]).toEqual(intentSchema.options)
  })
})
