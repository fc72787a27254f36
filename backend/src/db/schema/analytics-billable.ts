import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { workspaces } from './workspaces'

/**
 * Messages Meta billed, counted once per message (a status webhook repeats `pricing` on sent,
 * delivered and read), per workspace, quarter hour (UTC) and pricing category. Kept by the
 * `analytics_billable` trigger on `message_status_events`; `analytics_billed_messages` remembers
 * which messages were counted.
 */
export const analyticsBillable = pgTable(
  'analytics_billable',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    bucket: tstz('bucket').notNull(),
    category: text('category').notNull(),
    messages: integer('messages').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.bucket, t.category] })],
)
