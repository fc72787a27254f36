import type { ChannelRoute } from '../channels/channel-route'

/** A delivery status (sent, delivered, read, failed ...) Meta reported for a message we sent. */
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
