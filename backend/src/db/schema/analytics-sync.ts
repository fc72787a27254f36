import { integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { workspaces } from './workspaces'

/**
 * CRM sync outcomes per connection and quarter hour (UTC), kept by a trigger on `crm_outbox`: a
 * change that leaves the outbox was written (or had nothing to write), a parked one failed.
 * No foreign key on the connection: the trigger fires while a deleted connection's changes are
 * removed, and the figures of past days stay after a connection is gone.
 */
export const analyticsSync = pgTable(
  'analytics_sync',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id').notNull(),
    bucket: tstz('bucket').notNull(),
    succeeded: integer('succeeded').notNull().default(0),
    failed: integer('failed').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.connectionId, t.bucket] })],
)
