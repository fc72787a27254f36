/**
 * What an admin can subscribe a URL to. Each is emitted by a trigger on the table where it happens
 * (migration `event_webhooks`), in the same transaction as the change: an event exists exactly when
 * its change committed, whichever process or path made it.
 */
export const EVENT_TYPES = [
  'message.received',
  'message.status',
  'contact.created',
  'contact.tagged',
  'segment.changed',
  'review.created',
  'alert.raised',
] as const

export type EventType = (typeof EVENT_TYPES)[number]

/** How a delivery stands: waiting for its next try, taken by the sender, done, or given up. */
export const DELIVERY_STATES = ['pending', 'sending', 'delivered', 'failed'] as const
export type DeliveryState = (typeof DELIVERY_STATES)[number]
