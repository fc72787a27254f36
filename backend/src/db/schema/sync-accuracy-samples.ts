import { doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { crmConnections } from './crm-connections'
import { workspaces } from './workspaces'

/** One field whose CRM value is not what the sync would write now (both sides as the CRM stores them). */
export interface SyncAccuracyDifference {
  record_id: string
  field: string
  ours: string | null
  crm: string | null
}

/**
 * The daily sync-accuracy sample of one connection: linked records read back from the CRM and
 * compared field by field with what the sync would write now. One row per connection and local
 * day; a run again that day replaces it.
 */
export const syncAccuracySamples = pgTable(
  'sync_accuracy_samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => crmConnections.id, { onDelete: 'cascade' }),
    /** `YYYY-MM-DD`, the workspace's local day of the scheduled slot. */
    day: text('day').notNull(),
    recordsSampled: integer('records_sampled').notNull(),
    fieldsCompared: integer('fields_compared').notNull(),
    fieldsEqual: integer('fields_equal').notNull(),
    /** Percent, two decimals; null when nothing could be compared. */
    accuracy: doublePrecision('accuracy'),
    /** The first differences found (capped); `differences_total` counts them all. */
    differences: jsonb('differences').$type<SyncAccuracyDifference[]>().notNull().default([]),
    differencesTotal: integer('differences_total').notNull().default(0),
    sampledAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sync_accuracy_samples_day_uq').on(t.connectionId, t.day),
    index('sync_accuracy_samples_ws_idx').on(t.workspaceId, t.connectionId, t.sampledAt.desc()),
  ],
)

export type SyncAccuracySample = typeof syncAccuracySamples.$inferSelect
