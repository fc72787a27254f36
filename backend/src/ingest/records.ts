import type { ChannelEventRecord } from '../channels/channel-events'
import type { ChannelRoute } from '../channels/channel-route'
import type { Identity } from '../contacts/identity'
import type { MessageRecord } from '../messages/message-record'
import type { StatusRecord } from '../messages/status-record'

/** A `user_preferences` change (marketing stop / resume) for one customer. */
export interface PreferenceRecord {
  channel: ChannelRoute
  identity: Identity
  category: string
  value: string
  at: Date
}

/** Everything one webhook envelope says, routed to channels. */
export interface ExtractedEvent {
  messages: MessageRecord[]
  statuses: StatusRecord[]
  preferences: PreferenceRecord[]
  channelEvents: ChannelEventRecord[]
  /** phone_number_ids in the envelope that no channel claims (yet). */
  unrouted: string[]
}
