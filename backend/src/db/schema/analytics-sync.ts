import { sql } from 'drizzle-orm'
import { customType, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { workspaces } from './workspaces'

/**
 * CRM sync outcomes per connection and quarter hour (UTC), kept by a trigger on `crm_outbox`: a
 * change that leaves the outbox was written (or had nothing to write), a parked one failed.
 * No foreign key on the connection: the trigger fires while a deleted connection's changes are
 * removed, and the figures of past days stay after a connection is gone.
 */
/** Raw bytes; drizzle 0.45 has no built-in `bytea` column. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' })

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
    /**
     * For each change written: milliseconds from the first change the sync had not yet written to
     * the write, as 4-byte big-endian integers (`int4send`), for the daily p50/p95 per connection.
     */
    latenciesMs: bytea('latencies_ms').notNull().default(sql`''::bytea`),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.connectionId, t.bucket] })],
)
