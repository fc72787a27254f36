import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { workspaces } from './workspaces'

export const tags = pgTable(
  'tags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** Stable machine key (`high_intent`), used by rules and CRM enumeration options. */
    key: text('key').notNull(),
    /** What people see; any language (`高意向`). */
    label: text('label').notNull(),
    color: text('color'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tags_workspace_key_uq').on(t.workspaceId, t.key)],
)

export type Tag = typeof tags.$inferSelect
