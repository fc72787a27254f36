import { sql } from 'drizzle-orm'
import { bigint, index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import type { FailureReason } from '../../lib/db-error'
import { tstz } from './columns'

export const WEBHOOK_EVENT_STATES = [
  'pending',
  'processing',
  'retry',
  'processed',
  'unrouted',
  'dead',
] as const
export type WebhookEventState = (typeof WEBHOOK_EVENT_STATES)[number]

/**
 * Every accepted webhook delivery, stored byte for byte before it is acknowledged. It is also the
 * ingest work queue: workers claim rows whose `next_attempt_at` has come with SKIP LOCKED.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    source: text('source').notNull(),
    rawBody: text('raw_body').notNull(),
    /** Routing keys read at ack time (WhatsApp phone_number_ids), for tenant-scoped listings. */
    routingKeys: text('routing_keys').array().notNull().default(sql`'{}'::text[]`),
    receivedAt: tstz('received_at').notNull().defaultNow(),
    state: text('state', { enum: WEBHOOK_EVENT_STATES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When a worker may next take it: retry time, or the end of the current claim's lease. */
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    /** The classified reason of the last failure (lib/db-error.ts); `last_error` says it in words. */
    failureReason: text('failure_reason').$type<FailureReason>(),
    processedAt: tstz('processed_at'),
  },
  (t) => [
    index('webhook_events_due_idx')
      .on(t.nextAttemptAt, t.id)
      .where(sql`${t.state} in ('pending', 'processing', 'retry')`),
    index('webhook_events_parked_idx').on(t.state, t.id).where(sql`${t.state} in ('dead', 'unrouted')`),
  ],
)

export type WebhookEvent = typeof webhookEvents.$inferSelect
