import { boolean, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns'
import { workspaces } from './workspaces'

/**
 * A workspace's automation and tagging rules. `definition` is validated by
 * `automation/rule-definition.ts` on the way in; `builtin` rules come from the default pack and
 * can be edited or disabled, and restored with the pack.
 */
export const rules = pgTable(
  'rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    enabled: boolean('enabled').notNull().default(true),
    /** Lower runs first; a rule can stop the ones after it. */
    position: integer('position').notNull().default(100),
    builtin: boolean('builtin').notNull().default(false),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('rules_workspace_key_uq').on(t.workspaceId, t.key)],
)

export type Rule = typeof rules.$inferSelect
