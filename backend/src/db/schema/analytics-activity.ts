import { integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { workspaces } from './workspaces'

/**
 * Message counts per workspace and quarter hour (UTC), kept by the `analytics_rollup` trigger.
 * Quarter hours because every time zone's offset is a multiple of 15 minutes: any zone's hours
 * and days are exact sums of these buckets, so a report can be asked in any zone.
 */
export const analyticsActivity = pgTable(
  'analytics_activity',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    bucket: tstz('bucket').notNull(),
    inbound: integer('inbound').notNull().default(0),
    outbound: integer('outbound').notNull().default(0),
    /** Customer messages whose intent is `complaint` (follows corrections). */
    complaints: integer('complaints').notNull().default(0),
    /** 24-hour conversations that began in this quarter hour. */
    conversations: integer('conversations').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.bucket] })],
)
