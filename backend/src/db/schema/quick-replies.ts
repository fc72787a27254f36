import { jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns'
import { workspaces } from './workspaces'

/** Saved answers with {{variables}}, sent as free text inside the customer-service window. */
export const quickReplies = pgTable(
  'quick_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Values used when a variable has no value for the contact, so nothing broken is sent. */
    defaults: jsonb('defaults').$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('quick_replies_key_uq').on(t.workspaceId, t.key)],
)

export type QuickReply = typeof quickReplies.$inferSelect
