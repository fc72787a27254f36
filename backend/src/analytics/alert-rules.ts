import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { type AlertRule, analyticsAlerts } from '../db/schema'
import { dailyComplaints } from './activity-report'
import type { AnalyticsSettings } from './analytics-settings'
import { addDays, periodEnd, periodStart } from './report-period'
import { weeklyAgentMedians } from './service-report'

export interface RaisedAlert {
  rule: AlertRule
  subject: string
  period: string
  figures: Record<string, unknown>
  suggestion: string | null
}

/**
 * Stores alerts; one per (rule, subject, period), so evaluating a rule again over the same period
 * raises nothing new. The insert trigger queues the `alert.raised` event for webhook subscribers.
 */
export async function storeAlerts(db: Executor, workspaceId: string, alerts: RaisedAlert[]): Promise<number> {
  if (alerts.length === 0) return 0
  const stored = await db
    .insert(analyticsAlerts)
    .values(alerts.map((a) => ({ workspaceId, ...a })))
    .onConflictDoNothing()
    .returning({ id: analyticsAlerts.id })
  return stored.length
}

/** Over the threshold: `part / whole > percent %`, in integers so 5.0 % is not over 5 %. */
const over = (part: number, whole: number, percent: number) => whole > 0 && part * 100 > percent * whole
const under = (part: number, whole: number, percent: number) => whole > 0 && part * 100 < percent * whole
/** `part` of `whole` in percent, two decimals; null of nothing. */
export const percentOf = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 100

/**
 * Complaint rate over the threshold on `days` consecutive local days ending on `day`. The streak
 * is identified by its first day, so a streak that goes on raises once; a day without customer
 * messages breaks it.
 */
export async function complaintStreak(
  db: Executor,
  workspaceId: string,
  day: string,
  timeZone: string,
  settings: AnalyticsSettings,
): Promise<RaisedAlert[]> {
  const { complaint_rate_percent: percent, complaint_days: needed } = settings.alerts
  // Look back far enough to find where a long streak began (at most 60 days).
  const from = addDays(day, -60)
  const days = new Map(
    (await dailyComplaints(db, { workspaceId, from, to: day, timeZone })).map((d) => [d.day, d]),
  )
  const streak: { day: string; inbound: number; complaints: number; rate_percent: number | null }[] = []
  for (let d = day; d >= from; d = addDays(d, -1)) {
    const figures = days.get(d)
    if (!figures || !over(figures.complaints, figures.inbound, percent)) break
    streak.unshift({ ...figures, rate_percent: percentOf(figures.complaints, figures.inbound) })
  }
  if (streak.length < needed) return []
  const first = streak[0]?.day as string
  return [
    {
      rule: 'complaint_rate',
      subject: 'workspace',
      period: `${first}..`,
      figures: { threshold_percent: percent, days_required: needed, days: streak },
      suggestion: `Complaints were above ${percent} % of customer messages for ${streak.length} days in a row since ${first}: read the complaint threads and check for a common cause (a product, a delivery partner, a policy).`,
    },
  ]
}

/** Agents whose median response in the local week starting `weekStart` (a Monday) was over the threshold. */
export async function slowAgents(
  db: Executor,
  workspaceId: string,
  weekStart: string,
  timeZone: string,
  settings: AnalyticsSettings,
): Promise<RaisedAlert[]> {
  const limit = settings.alerts.agent_median_seconds
  const medians = await weeklyAgentMedians(db, workspaceId, weekStart, timeZone)
  return medians
    .filter((m) => m.median_seconds > limit)
    .map((m) => ({
      rule: 'agent_response_time' as const,
      subject: m.agent,
      period: `week of ${weekStart}`,
      figures: { threshold_seconds: limit, median_seconds: m.median_seconds, responses: m.responses },
      suggestion: `Median response ${formatDuration(m.median_seconds)} against a target of ${formatDuration(limit)}: review this agent's slowest conversations together, set up quick replies for the questions that recur, and check the shift covers the peak hours.`,
    }))
}

/** CRM connections whose sync success on the local `day` was under the threshold. */
export async function syncFailures(
  db: Executor,
  workspaceId: string,
  day: string,
  timeZone: string,
  settings: AnalyticsSettings,
): Promise<RaisedAlert[]> {
  const percent = settings.alerts.sync_success_percent
  const period = { workspaceId, from: day, to: day, timeZone }
  const rows = await queryRows<{ connection_id: string; succeeded: string; failed: string }>(
    db,
    sql`select connection_id, sum(succeeded) as succeeded, sum(failed) as failed from analytics_sync
        where workspace_id = ${workspaceId} and bucket >= ${periodStart(period)} and bucket < ${periodEnd(period)}
        group by 1 order by 1`,
  )
  return rows
    .map((r) => ({ connection: r.connection_id, succeeded: Number(r.succeeded), failed: Number(r.failed) }))
    .filter((r) => under(r.succeeded, r.succeeded + r.failed, percent))
    .map((r) => ({
      rule: 'sync_success' as const,
      subject: r.connection,
      period: day,
      figures: {
        threshold_percent: percent,
        succeeded: r.succeeded,
        failed: r.failed,
        success_percent: percentOf(r.succeeded, r.succeeded + r.failed),
      },
      suggestion:
        'Open the CRM review queue for this connection: each failed change is there with the CRM’s error, to fix and retry.',
    }))
}

export function formatDuration(seconds: number): string {
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`
}
