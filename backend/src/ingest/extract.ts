import { createHash } from 'node:crypto'
import { toE164, waIdToE164 } from '@scrm/shared'
import type { ChannelEventRecord } from '../channels/channel-events'
import type { ChannelRoute } from '../channels/channel-route'
import type { Identity } from '../contacts/identity'
import type { MessageRecord } from '../messages/message-record'
import {
  type ContactProfile,
  contactProfileSchema,
  type Envelope,
  type ErrorItem,
  errorItemSchema,
  type MessageItem,
  messageItemSchema,
  metadataSchema,
  statusItemSchema,
  userPreferenceSchema,
} from '../whatsapp/envelope'
import { normalizeMessage } from '../whatsapp/normalize-message'
import type { ExtractedEvent } from './records'

type Obj = Record<string, unknown>
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null)

/**
 * Walks every entry, change and item of one stored envelope and turns it into records. Items that
 * cannot be stored as messages or statuses (malformed, unknown fields, value-level errors) become
 * channel events, so nothing in an envelope is silently skipped.
 */
export function extractEnvelope(
  eventId: number,
  envelope: Envelope,
  routes: ReadonlyMap<string, ChannelRoute>,
  receivedAt: Date,
): ExtractedEvent {
  const out: ExtractedEvent = { messages: [], statuses: [], preferences: [], channelEvents: [], unrouted: [] }
  for (const entry of envelope.entry) {
    for (const change of entry.changes) {
      const value = change.value
      const meta = metadataSchema.safeParse(value.metadata)
      if (!meta.success) {
        // Account-level fields (account_update, template status ...) carry no phone_number_id;
        // they belong to every channel of the WABA in `entry.id`.
        const wabaRoutes = [...routes.values()].filter((r) => r.wabaId === entry.id)
        for (const route of wabaRoutes) {
          out.channelEvents.push(
            channelEvent(eventId, route, change.field, change.field, null, value, receivedAt),
          )
        }
        continue
      }
      const route = routes.get(meta.data.phone_number_id)
      if (!route) {
        out.unrouted.push(meta.data.phone_number_id)
        continue
      }
      extractChange(eventId, change.field, value, route, receivedAt, out)
    }
  }
  out.unrouted = [...new Set(out.unrouted)]
  return out
}

function extractChange(
  eventId: number,
  field: string,
  value: Obj,
  route: ChannelRoute,
  receivedAt: Date,
  out: ExtractedEvent,
): void {
  const profiles = asArray(value.contacts)
    .map((c) => contactProfileSchema.safeParse(c))
    .flatMap((r) => (r.success ? [r.data] : []))
  const known = new Set(['messaging_product', 'metadata', 'contacts'])

  if (field === 'messages' || field === 'smb_message_echoes') {
    const echo = field === 'smb_message_echoes'
    const listKey = echo ? 'message_echoes' : 'messages'
    known.add(listKey)
    for (const item of asArray(value[listKey])) {
      const parsed = messageItemSchema.safeParse(item)
      if (!parsed.success) {
        out.channelEvents.push(
          channelEvent(eventId, route, field, 'malformed_message', null, { item }, receivedAt),
        )
        continue
      }
      const record = toMessageRecord(eventId, route, parsed.data, profiles, echo)
      if (record) out.messages.push(record)
      else
        out.channelEvents.push(
          channelEvent(eventId, route, field, 'unattributed_message', null, { item }, receivedAt),
        )
    }
    known.add('statuses')
    for (const item of asArray(value.statuses)) {
      const parsed = statusItemSchema.safeParse(item)
      if (!parsed.success) {
        out.channelEvents.push(
          channelEvent(eventId, route, field, 'malformed_status', null, { item }, receivedAt),
        )
        continue
      }
      const s = parsed.data
      out.statuses.push({
        eventId,
        channel: route,
        wamid: s.id,
        status: s.status,
        occurredAt: s.timestamp,
        recipientId: s.recipient_id ?? null,
        recipientUserId: s.recipient_user_id ?? null,
        error: firstError(s.errors),
        pricing: s.pricing ?? null,
        conversation: s.conversation ?? null,
        bizOpaqueCallbackData: s.biz_opaque_callback_data ?? null,
      })
    }
  }

  if (field === 'user_preferences') {
    known.add('user_preferences')
    for (const item of asArray(value.user_preferences)) {
      const parsed = userPreferenceSchema.safeParse(item)
      const identity = parsed.success
        ? identityOf(route, parsed.data.wa_id, parsed.data.user_id, undefined, profiles)
        : null
      if (!parsed.success || !identity) {
        out.channelEvents.push(
          channelEvent(eventId, route, field, 'malformed_preference', null, { item }, receivedAt),
        )
        continue
      }
      out.preferences.push({
        channel: route,
        identity,
        category: parsed.data.category,
        value: parsed.data.value,
        at: parsed.data.timestamp,
      })
    }
  }

  known.add('errors')
  for (const item of asArray(value.errors)) {
    const parsed = errorItemSchema.safeParse(item)
    const code = parsed.success ? parsed.data.code : null
    out.channelEvents.push(channelEvent(eventId, route, field, 'error', code, { error: item }, receivedAt))
  }

  // Whatever else the change carries (a new field, or extra keys on a known one) is kept too.
  const rest = Object.fromEntries(Object.entries(value).filter(([k]) => !known.has(k)))
  if (Object.keys(rest).length > 0) {
    out.channelEvents.push(channelEvent(eventId, route, field, field, null, rest, receivedAt))
  }
}

function toMessageRecord(
  eventId: number,
  route: ChannelRoute,
  item: MessageItem,
  profiles: ContactProfile[],
  echo: boolean,
): MessageRecord | null {
  const identity = echo
    ? identityOf(route, item.to, item.to_user_id, undefined, profiles)
    : identityOf(route, item.from, item.from_user_id, item.from_parent_user_id, profiles)
  if (!identity) return null
  const content = normalizeMessage(item)
  return {
    eventId,
    channel: route,
    wamid: item.id,
    direction: echo ? 'outbound' : 'inbound',
    sender: echo ? 'business_app' : 'customer',
    identity,
    sentAt: item.timestamp,
    content,
    error: firstError(item.errors),
    identityChange: item.type === 'system' ? identityChangeOf(route, content.payload) : null,
  }
}

/** Resolves the person behind an item from its ids and the change's `contacts[]`. */
export function identityOf(
  route: ChannelRoute,
  waId: string | undefined,
  userId: string | undefined,
  parentUserId: string | undefined,
  profiles: ContactProfile[],
): Identity | null {
  const profile =
    profiles.find((p) => (waId && p.wa_id === waId) || (userId && p.user_id === userId)) ??
    (profiles.length === 1 && !waId && !userId ? profiles[0] : undefined)
  const wa = waId ?? profile?.wa_id ?? null
  const phone = wa ? (waIdToE164(wa) ?? toE164(wa, route.defaultRegion)) : null
  const bsuid = userId ?? profile?.user_id ?? null
  if (!phone && !bsuid) return null
  return {
    phone,
    waId: wa,
    bsuid,
    parentBsuid: parentUserId ?? profile?.parent_user_id ?? null,
    username: profile?.profile?.username ?? null,
    profileName: profile?.profile?.name ?? null,
  }
}

const IDENTITY_CHANGES = new Set([
  'customer_changed_number',
  'user_changed_number',
  'user_changed_user_id',
  'customer_identity_changed',
])

/** Whether an envelope moves a person to a new number or BSUID (see processEvents for why it matters). */
export function changesIdentity(envelope: Envelope): boolean {
  return envelope.entry.some((entry) =>
    entry.changes.some((change) =>
      asArray(change.value.messages).some((m) => {
        const system = (m as Obj | null)?.system as Obj | undefined
        return (m as Obj | null)?.type === 'system' && IDENTITY_CHANGES.has(str(system?.type) ?? '')
      }),
    ),
  )
}

function identityChangeOf(route: ChannelRoute, system: Obj): MessageRecord['identityChange'] {
  const kind = str(system.type)
  const newWa = str(system.wa_id) ?? str(system.new_wa_id)
  if (kind === 'customer_changed_number' || kind === 'user_changed_number') {
    const newPhone = newWa ? (waIdToE164(newWa) ?? toE164(newWa, route.defaultRegion)) : null
    return newPhone ? { newPhone, newBsuid: str(system.user_id) } : null
  }
  if (kind === 'user_changed_user_id' || kind === 'customer_identity_changed') {
    const newBsuid = str(system.user_id)
    return newBsuid ? { newPhone: null, newBsuid } : null
  }
  return null
}

function firstError(errors: ErrorItem[] | undefined): MessageRecord['error'] {
  const e = errors?.[0]
  if (!e) return null
  return { code: e.code, title: e.title ?? e.message ?? null, details: e.error_data?.details ?? null }
}

function channelEvent(
  eventId: number,
  channel: ChannelRoute,
  field: string,
  kind: string,
  errorCode: number | null,
  payload: Obj,
  occurredAt: Date,
): ChannelEventRecord {
  const dedupeKey = createHash('sha256')
    .update(`${channel.phoneNumberId}\u0000${field}\u0000${kind}\u0000${JSON.stringify(payload)}`)
    .digest('hex')
  return { eventId, channel, field, kind, errorCode, payload, occurredAt, dedupeKey }
}
