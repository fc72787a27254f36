import { integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns'
import { workspaces } from './workspaces'

/** Approved WhatsApp templates a workspace may send, synced from Meta or registered by an admin. */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    wabaId: text('waba_id'),
    name: text('name').notNull(),
    language: text('language').notNull(),
    category: text('category', { enum: ['marketing', 'utility', 'authentication'] }).notNull(),
    status: text('status').notNull().default('APPROVED'),
    /** Number of {{n}} variables in the body, checked before a send. */
    bodyParams: integer('body_params').notNull().default(0),
    components: jsonb('components').$type<unknown[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('message_templates_uq').on(t.workspaceId, t.name, t.language)],
)

export type MessageTemplate = typeof messageTemplates.$inferSelect
