import { date, jsonb, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { workspaces } from './workspaces'

/** The weekly reports as they were computed when the week ended, so later edits do not rewrite them. */
export const analyticsWeeklyReports = pgTable(
  'analytics_weekly_reports',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** Monday of the week, in the workspace's time zone. */
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    report: jsonb('report').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.weekStart] })],
)
