import { sql } from 'drizzle-orm'
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { contacts } from './contacts'
import { messages } from './messages'
import { whatsappChannels } from './whatsapp-channels'
import { workspaces } from './workspaces'

/** `held`: a paused broadcast's jobs, out of the queue until it resumes. */
export const SEND_JOB_STATES = [
  'queued',
  'held',
  'sending',
  'unknown',
  'sent',
  'failed',
  'cancelled',
] as const
export type SendJobState = (typeof SEND_JOB_STATES)[number]

/** Who asked for a send; decides priority and which policy rules apply. */
export const SEND_KINDS = ['agent', 'automation', 'broadcast', 'api'] as const
export type SendKind = (typeof SEND_KINDS)[number]

/**
 * The durable send queue: one row per accepted outbound message. Senders in any number of
 * processes claim due rows with SKIP LOCKED; `sending` rows carry a lease, and a send whose
 * outcome is unknown waits for Meta's status webhook (matched by our id) before it is retried.
 */
export const sendJobs = pgTable(
  'send_jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    messageId: bigint('message_id', { mode: 'number' })
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => whatsappChannels.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** `to` (wa_id digits) or, for username users, the BSUID sent as `recipient`. */
    recipient: text('recipient').notNull(),
    kind: text('kind', { enum: SEND_KINDS }).notNull(),
    /** 0 = replies to customers first, 1 = automation, 2 = broadcasts. */
    priority: smallint('priority').notNull(),
    /** Meta's pricing category: service (free text), or the template's category. */
    category: text('category', { enum: ['service', 'marketing', 'utility', 'authentication'] }).notNull(),
    /** Business-initiated (outside the customer-service window): counts against the messaging tier. */
    businessInitiated: integer('business_initiated').notNull().default(0),
    contentHash: text('content_hash').notNull(),
    eventKey: text('event_key'),
    idempotencyKey: text('idempotency_key'),
    broadcastId: uuid('broadcast_id'),
    /** The Cloud API request body, without `to`/`recipient` (added at send time). */
    request: jsonb('request').$type<Record<string, unknown>>().notNull(),
    state: text('state', { enum: SEND_JOB_STATES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** Retries of a transient failure (5xx, timeouts), separate from rate-limit waits. */
    transientFailures: integer('transient_failures').notNull().default(0),
    pairBackoffs: integer('pair_backoffs').notNull().default(0),
    marketingCapRetries: integer('marketing_cap_retries').notNull().default(0),
    /** Earliest time to (re)try; for `sending`/`unknown`, when the lease or reconciliation ends. */
    notBefore: tstz('not_before').notNull().defaultNow(),
    lastError: text('last_error'),
    /**
     * When this send first failed to reach the Cloud API (network, token, no answer); it is retried
     * until SENDER_RECONCILE_MS after this, then failed. Cleared once Meta accepts it.
     */
    failingSince: tstz('failing_since'),
    sentAt: tstz('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('send_jobs_message_uq').on(t.messageId),
    uniqueIndex('send_jobs_idempotency_uq')
      .on(t.workspaceId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    uniqueIndex('send_jobs_broadcast_contact_uq')
      .on(t.broadcastId, t.contactId)
      .where(sql`${t.broadcastId} is not null`),
    index('send_jobs_due_idx')
      .on(t.channelId, t.priority, t.notBefore, t.id)
      .where(sql`${t.state} in ('queued', 'sending', 'unknown')`),
    index('send_jobs_contact_idx').on(t.contactId, t.createdAt),
  ],
)

export type SendJob = typeof sendJobs.$inferSelect
