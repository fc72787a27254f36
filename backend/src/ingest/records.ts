import type { NormalizedContent } from '../whatsapp/normalize-message'

/** A channel as the ingest needs it to route a change. */
export interface ChannelRoute {
  id: string
  workspaceId: string
  phoneNumberId: string
  wabaId: string | null
  defaultRegion: string
}

/** Who a webhook item is about. At least one of phone and bsuid is set. */
export interface Identity {
  phone: string | null
  waId: string | null
  bsuid: string | null
  parentBsuid: string | null
  username: string | null
  profileName: string | null
}

export interface MessageRecord {
  eventId: number
  channel: ChannelRoute
  wamid: string
  direction: 'inbound' | 'outbound'
  sender: 'customer' | 'business_app'
  identity: Identity
  sentAt: Date
  content: NormalizedContent
  error: { code: number; title: string | null; details: string | null } | null
  /** For `system` messages that move a customer to a new number or BSUID. */
  identityChange: { newPhone: string | null; newBsuid: string | null } | null
}

export interface StatusRecord {
  eventId: number
  channel: ChannelRoute
  wamid: string
  status: string
  occurredAt: Date
  recipientId: string | null
  recipientUserId: string | null
  error: { code: number; title: string | null; details: string | null } | null
  pricing: Record<string, unknown> | null
  conversation: Record<string, unknown> | null
  bizOpaqueCallbackData: string | null
}

export interface PreferenceRecord {
  channel: ChannelRoute
  identity: Identity
  category: string
  value: string
  at: Date
}

export interface ChannelEventRecord {
  eventId: number
  channel: ChannelRoute
  field: string
  kind: string
  errorCode: number | null
  payload: Record<string, unknown>
  occurredAt: Date
  dedupeKey: string
}

export interface ExtractedEvent {
  messages: MessageRecord[]
  statuses: StatusRecord[]
  preferences: PreferenceRecord[]
  channelEvents: ChannelEventRecord[]
  /** phone_number_ids in the envelope that no channel claims (yet). */
  unrouted: string[]
}
