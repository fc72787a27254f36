import { boolean, customType, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { workspaces } from './workspaces'

/** Raw bytes; drizzle 0.45 has no built-in `bytea` column. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
})

/**
 * Every wait of `analytics_responses`, packed per workspace, UTC hour, agent and first-answer flag
 * (kept by statement triggers on that table). Each value is a 4-byte big-endian integer
 * (`int4send`), in no order. The service report reads a period's cells and computes its exact
 * medians and p90 from the values, so it reads one short row per hour and agent instead of one row
 * per answer; hours a period or a local day cuts through are read from `analytics_responses`.
 */
export const analyticsResponseDigests = pgTable(
  'analytics_response_digests',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The UTC hour the answers were given in. */
    hour: tstz('hour').notNull(),
    agent: text('agent').notNull(),
    first: boolean('first').notNull(),
    /** Wall-clock waits in whole seconds. */
    seconds: bytea('seconds').notNull(),
    /** Business-hours waits of the answers that have one. */
    businessSeconds: bytea('business_seconds').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.hour, t.agent, t.first] })],
)
