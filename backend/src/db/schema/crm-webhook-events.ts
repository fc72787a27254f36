import { sql } from 'drizzle-orm'
import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'

/**
 * CRM change notifications exactly as delivered (one row per event of a delivery), stored
 * before the delivery is acknowledged; `(provider, account_id, event_id)` drops redeliveries.
 */
export const crmWebhookEvents = pgTable(
  'crm_webhook_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    provider: text('provider').notNull(),
    accountId: text('account_id').notNull(),
    eventId: text('event_id').notNull(),
    occurredAt: tstz('occurred_at').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    receivedAt: createdAt(),
    attempts: integer('attempts').notNull().default(0),
    availableAt: tstz('available_at').notNull().defaultNow(),
    leaseUntil: tstz('lease_until'),
    processedAt: tstz('processed_at'),
    /** Why it was skipped or failed (unknown portal, unmapped property ...). */
    outcome: text('outcome'),
  },
  (t) => [
    uniqueIndex('crm_webhook_events_event_uq').on(t.provider, t.accountId, t.eventId),
    index('crm_webhook_events_due_idx').on(t.availableAt).where(sql`${t.processedAt} is null`),
  ],
)

export type CrmWebhookEvent = typeof crmWebhookEvents.$inferSelect
