import { and, desc, eq, gte, lte, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { analyticsWeeklyReports } from '../db/schema'
import type { AnalyticsSettings } from './analytics-settings'
import { costReport } from './cost-report'
import { funnelReport } from './funnel-report'
import { addDays, type ReportPeriod } from './report-period'
import { serviceReport } from './service-report'

/** The three weekly reports (service per agent, funnel per intent, cost) for the local week from Monday `weekStart`. */
export async function computeWeeklyReport(
  db: Executor,
  workspaceId: string,
  weekStart: string,
  timeZone: string,
  settings: AnalyticsSettings,
): Promise<Record<string, unknown>> {
  const period: ReportPeriod = { workspaceId, from: weekStart, to: addDays(weekStart, 6), timeZone }
  return {
    week_start: weekStart,
    week_end: period.to,
    time_zone: timeZone,
    service: await serviceReport(db, period, 'agent'),
    funnel: await funnelReport(db, period, 'intent'),
    cost: await costReport(db, period, 'none', settings),
  }
}

/**
 * Stores a week's reports once: the first snapshot of a week stands, so a report read months
 * later shows what managers saw then, whatever was corrected or erased since.
 */
export async function snapshotWeek(
  db: Executor,
  workspaceId: string,
  weekStart: string,
  timeZone: string,
  settings: AnalyticsSettings,
): Promise<boolean> {
  const report = await computeWeeklyReport(db, workspaceId, weekStart, timeZone, settings)
  const stored = await db
    .insert(analyticsWeeklyReports)
    .values({ workspaceId, weekStart, report })
    .onConflictDoNothing()
    .returning({ week: analyticsWeeklyReports.weekStart })
  return stored.length > 0
}

export interface WeeklySnapshot {
  week_start: string
  created_at: string
  report: Record<string, unknown>
}

/** Stored weekly reports, newest week first, optionally between two Mondays. */
export async function listWeeklyReports(
  db: Executor,
  workspaceId: string,
  range: { from?: string; to?: string; limit: number },
): Promise<WeeklySnapshot[]> {
  const rows = await db
    .select()
    .from(analyticsWeeklyReports)
    .where(
      and(
        eq(analyticsWeeklyReports.workspaceId, workspaceId),
        range.from ? gte(analyticsWeeklyReports.weekStart, range.from) : sql`true`,
        range.to ? lte(analyticsWeeklyReports.weekStart, range.to) : sql`true`,
      ),
    )
    .orderBy(desc(analyticsWeeklyReports.weekStart))
    .limit(range.limit)
  return rows.map((r) => ({
    week_start: r.weekStart,
    created_at: r.createdAt.toISOString(),
    report: r.report,
  }))
}
