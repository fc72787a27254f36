import { sql } from 'drizzle-orm'
import { bigint, index, integer, pgTable, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { workspaces } from './workspaces'

/**
 * "Below 80 % over a rolling window": when reps' corrections show an intent is read right less
 * than that, the automations it triggers stop for the workspace until an admin confirms. One open
 * row (no `confirmed_at`) per workspace and intent; confirmed rows stay as history.
 */
export const intentAutomationPauses = pgTable(
  'intent_automation_pauses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    intent: text('intent').notNull(),
    /** Accuracy over the window when the alert was raised, and how many reviewed messages it held. */
    accuracy: real('accuracy').notNull(),
    reviewed: integer('reviewed').notNull(),
    raisedAt: tstz('raised_at').notNull(),
    confirmedAt: tstz('confirmed_at'),
    confirmedBy: text('confirmed_by'),
  },
  (t) => [
    uniqueIndex('intent_automation_pauses_open_uq')
      .on(t.workspaceId, t.intent)
      .where(sql`${t.confirmedAt} is null`),
    index('intent_automation_pauses_workspace_idx').on(t.workspaceId, t.raisedAt.desc()),
  ],
)

export type IntentAutomationPause = typeof intentAutomationPauses.$inferSelect
