import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz, updatedAt } from './columns'
import type { InsightReason } from './contacts'
import { contacts } from './contacts'
import { rules } from './rules'
import { workspaces } from './workspaces'

/** A reminder for a rep (rules create them; the CRM sync turns them into CRM tasks). */
export const followUpTasks = pgTable(
  'follow_up_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    ruleId: uuid('rule_id').references(() => rules.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    priority: text('priority', { enum: ['low', 'medium', 'high'] })
      .notNull()
      .default('medium'),
    dueAt: tstz('due_at').notNull(),
    status: text('status', { enum: ['open', 'done', 'cancelled'] })
      .notNull()
      .default('open'),
    reason: jsonb('reason').$type<InsightReason>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('follow_up_tasks_contact_idx').on(t.contactId, t.dueAt)],
)

export type FollowUpTask = typeof followUpTasks.$inferSelect
