import { bigint, boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { contacts } from './contacts'
import { workspaces } from './workspaces'

/**
 * One row per answer a person gave a waiting customer (written by the `analytics_rollup` trigger):
 * how long the customer waited, in whole seconds, and who answered. Medians and p90 are exact
 * `percentile_disc` over these rows.
 */
export const analyticsResponses = pgTable(
  'analytics_responses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** The answering message. */
    messageId: bigint('message_id', { mode: 'number' }).notNull(),
    /** The backend or CRM user who answered; `business_app` / `agent` when no user was named. */
    agent: text('agent').notNull(),
    askedAt: tstz('asked_at').notNull(),
    respondedAt: tstz('responded_at').notNull(),
    seconds: integer('seconds').notNull(),
    /**
     * The same wait counted inside the workspace's business hours only (analytics settings, in its
     * time zone), set by the `analytics_responses_business_seconds` trigger with the hours in force
     * when the answer was given; null while the workspace has no business hours.
     */
    businessSeconds: integer('business_seconds'),
    /** The first answer of its 24-hour conversation. */
    first: boolean('first').notNull(),
  },
  (t) => [index('analytics_responses_time_idx').on(t.workspaceId, t.respondedAt)],
)
