import { bigint, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { updatedAt } from './columns'
import { crmConnections } from './crm-connections'
import { workspaces } from './workspaces'

/** What the sync writes, as the storage estimate counts it (`crm/storage/`). */
export const CRM_STORAGE_KINDS = ['contact', 'message', 'task'] as const
export type CrmStorageKind = (typeof CRM_STORAGE_KINDS)[number]

/**
 * What the sync added to one CRM in one month, per kind of write: counted as the writes succeed
 * (never by scanning history), so the storage estimate is one indexed read. `units` is the cost
 * as the CRM counts it (bytes of data storage, or records where the CRM limits record counts —
 * the provider's storage profile says which); `bytes` is the text we sent, for comparison.
 * `month` is `YYYY-MM` in the workspace's time zone.
 */
export const crmStorageUsage = pgTable(
  'crm_storage_usage',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => crmConnections.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    kind: text('kind', { enum: CRM_STORAGE_KINDS }).notNull(),
    /** Records the CRM created for these writes (updates of existing records add none). */
    recordsCreated: integer('records_created').notNull().default(0),
    /** Successful writes (creates and updates). */
    writes: integer('writes').notNull().default(0),
    bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
    units: bigint('units', { mode: 'number' }).notNull().default(0),
    /** Messages thinning left out of the CRM (still in our thread). */
    skipped: integer('skipped').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.month, t.kind] })],
)

export type CrmStorageUsage = typeof crmStorageUsage.$inferSelect
