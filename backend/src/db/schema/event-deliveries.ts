import { sql } from 'drizzle-orm'
import { bigint, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { eventSubscriptions } from './event-subscriptions'
import { workspaces } from './workspaces'

/**
 * One event for one subscription: the queue the delivery worker claims and the log an admin reads
 * (and replays from). Tried with back-off until `expires_at` (a day after the event), then failed.
 */
export const eventDeliveries = pgTable(
  'event_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => eventSubscriptions.id, { onDelete: 'cascade' }),
    /** The event's id: the same for every subscription that receives it (receivers dedupe on it). */
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    state: text('state', { enum: ['pending', 'sending', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    leaseUntil: tstz('lease_until'),
    expiresAt: tstz('expires_at').notNull().default(sql`now() + interval '24 hours'`),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    deliveredAt: tstz('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('event_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.state} in ('pending', 'sending')`),
    index('event_deliveries_subscription_idx').on(t.subscriptionId, t.id.desc()),
  ],
)

export type EventDelivery = typeof eventDeliveries.$inferSelect
