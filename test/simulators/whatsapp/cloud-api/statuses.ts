/**
 * What happens to an accepted message afterwards: which status webhooks it gets (sent → delivered →
 * read, `delivered` skipped when read follows at once, or a single `failed`), when, in which order,
 * and how each status object looks (built on the shared envelope helpers).
 */
import { createHash } from 'node:crypto'
import { change, envelope, type NumberRef, status } from '../envelopes'
import { statusError } from './meta-errors'
import { between, chance, type Rng, shuffle } from './random'
import type { SentRecord } from './types'

export type StatusValue = 'sent' | 'delivered' | 'read' | 'failed'

export interface PlannedStatus {
  value: StatusValue
  /** Time the status happened (its `timestamp`). */
  at: number
  /** Delay after acceptance at which the webhook is posted. */
  postAfterMs: number
  /** Post it twice (at-least-once delivery). */
  duplicate: boolean
}

export interface PlanOptions {
  latency: { min: number; max: number }
  dropDeliveredRate: number
  duplicateRate: number
  reorder: boolean
}

/** Statuses in event order with the delays they are posted after; shuffled posting order when `reorder`. */
export function planStatuses(record: SentRecord, o: PlanOptions, rng: Rng): PlannedStatus[] {
  let values: StatusValue[]
  if (record.outcome === 'failed') values = ['failed']
  else if (record.outcome === 'delivered') values = ['sent', 'delivered']
  else values = chance(rng, o.dropDeliveredRate) ? ['sent', 'read'] : ['sent', 'delivered', 'read']

  let elapsed = 0
  const delays = values.map(() => (elapsed += between(rng, o.latency)))
  const postDelays = o.reorder ? shuffle(rng, delays) : delays
  return values.map((value, i) => ({
    value,
    at: record.acceptedAt + delays[i],
    postAfterMs: postDelays[i],
    duplicate: chance(rng, o.duplicateRate),
  }))
}

export interface StatusContext {
  number: NumberRef
  record: SentRecord
  /** Graph API major version of the send request; `pricing.type` exists from v24. */
  apiMajor: number
  /** The customer-service window was open when the message was sent. */
  windowOpen: boolean
}

/** One `statuses[]` item as Meta sends it. */
export function statusObject(ctx: StatusContext, value: StatusValue, at: number): Record<string, unknown> {
  const { record } = ctx
  const base: Record<string, unknown> =
    value === 'failed'
      ? {
          ...status(record.id, 'failed', record.waId ?? '', new Date(at)),
          errors: [statusError(record.error?.code ?? 131026)],
        }
      : withoutPricing(status(record.id, value, record.waId ?? '', new Date(at)))
  if (!record.waId) delete base.recipient_id
  if (record.userId) base.recipient_user_id = record.userId
  if (record.bizOpaqueCallbackData !== undefined) base.biz_opaque_callback_data = record.bizOpaqueCallbackData
  if (value === 'failed') return base
  const billable = record.category !== 'service' && !(record.category === 'utility' && ctx.windowOpen)
  return {
    ...base,
    conversation: {
      id: conversationId(ctx),
      ...(value === 'sent' ? { expiration_timestamp: String(Math.floor(at / 1000) + 24 * 3600) } : {}),
      origin: { type: record.category },
    },
    pricing: {
      billable,
      pricing_model: 'PMP',
      ...(ctx.apiMajor >= 24 ? { type: billable ? 'regular' : 'free_customer_service' } : {}),
      category: record.category,
    },
  }
}

/** The envelope carrying one status: entry id = WABA id, change field "messages", value.statuses. */
export function statusEnvelope(number: NumberRef, statusItem: Record<string, unknown>) {
  return envelope([{ wabaId: number.wabaId, changes: [change(number, { statuses: [statusItem] })] }])
}

function withoutPricing(s: Record<string, unknown>): Record<string, unknown> {
  const { pricing: _pricing, ...rest } = s
  return rest
}

function conversationId(ctx: StatusContext): string {
  const day = Math.floor(ctx.record.acceptedAt / (24 * 3600 * 1000))
  return createHash('md5')
    .update(`${ctx.number.phoneNumberId}|${ctx.record.recipient}|${ctx.record.category}|${day}`)
    .digest('hex')
}
