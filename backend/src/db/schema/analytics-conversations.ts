import { boolean, index, pgTable, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { contacts } from './contacts'
import { workspaces } from './workspaces'

/**
 * Where each conversation stands for the rollups, kept by the `analytics_rollup` trigger on
 * `messages` (hand-written SQL in the analytics migration): the newest message time, when the
 * current 24-hour conversation began, and since when a customer waits for a person's answer.
 */
export const analyticsConversations = pgTable(
  'analytics_conversations',
  {
    contactId: uuid('contact_id')
      .primaryKey()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    lastMessageAt: tstz('last_message_at').notNull(),
    conversationStartedAt: tstz('conversation_started_at').notNull(),
    /** The earliest unanswered customer message; null when nobody waits. */
    waitingSince: tstz('waiting_since'),
    /** Whether the current conversation has had its first answer already. */
    answered: boolean('answered').notNull().default(false),
  },
  (t) => [index('analytics_conversations_workspace_idx').on(t.workspaceId)],
)
