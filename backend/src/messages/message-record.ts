import type { ChannelRoute } from '../channels/channel-route'
import type { Identity } from '../contacts/identity'
import type { NormalizedContent } from '../whatsapp/normalize-message'

/** A WhatsApp message (either direction) as a webhook reported it, routed to its channel. */
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

/** The key a message is unique by: Meta's wamid within one channel. */
export const messageKey = (m: { channel: { id: string }; wamid: string }): string =>
  `${m.channel.id}|${m.wamid}`
