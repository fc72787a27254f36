import { sql } from 'drizzle-orm'
import { bigint, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { contacts } from './contacts'
import { rules } from './rules'
import { workspaces } from './workspaces'

export const AUTOMATION_JOB_STATES = ['queued', 'running', 'done', 'refused', 'failed'] as const
export type AutomationJobState = (typeof AUTOMATION_JOB_STATES)[number]

/**
 * Actions a rule queued that reach outside the database (sends, order look-ups, discount codes).
 * Ingest only writes these rows; the automation worker runs them after commit, so a slow order
 * service never holds an ingest transaction. A refused send keeps its refusal reason here.
 */
export const automationJobs = pgTable(
  'automation_jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    ruleId: uuid('rule_id').references(() => rules.id, { onDelete: 'set null' }),
    /** The message that triggered it, when there was one. */
    messageId: bigint('message_id', { mode: 'number' }),
    action: jsonb('action').$type<Record<string, unknown>>().notNull(),
    state: text('state', { enum: AUTOMATION_JOB_STATES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    runAfter: tstz('run_after').notNull().defaultNow(),
    leaseUntil: tstz('lease_until'),
    /** Refusal reason (`automation_paused`, `cap_exceeded:…`) or error text. */
    outcome: text('outcome'),
    /** The queued message id, the discount code given, the order found ... */
    result: jsonb('result').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    finishedAt: tstz('finished_at'),
  },
  (t) => [
    index('automation_jobs_due_idx').on(t.runAfter).where(sql`${t.state} in ('queued', 'running')`),
    index('automation_jobs_contact_idx').on(t.contactId, t.createdAt),
  ],
)

export type AutomationJob = typeof automationJobs.$inferSelect
