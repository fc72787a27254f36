import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { localDay, localWeek, periodEnd, periodStart, type ReportPeriod } from './report-period'

export const ACTIVITY_GROUPS = ['day', 'week'] as const
export type ActivityGroup = (typeof ACTIVITY_GROUPS)[number]

export interface ActivityRow {
  group: string
  inbound: number
  outbound: number
  complaints: number
  /** Complaints per customer message, 0..1 (4 decimals); null without customer messages. */
  complaint_rate: number | null
  conversations: number
}

export interface HourOfWeekCell {
  /** ISO day of week in the report's zone: 1 = Monday … 7 = Sunday. */
  weekday: number
  /** Local hour 0..23 (wall clock, so a DST day has one hour twice or not at all). */
  hour: number
  inbound: number
  outbound: number
}

export interface ActivityReport {
  rows: ActivityRow[]
  hour_of_week: HourOfWeekCell[]
  /** Share of customer messages per local hour of day, 0..1, busiest first. */
  peak_hours: { hour: number; inbound: number; share: number }[]
}

export const complaintRate = (complaints: number, inbound: number): number | null =>
  inbound === 0 ? null : Math.round((complaints / inbound) * 10_000) / 10_000

/** When customers write and how many of them complain, per local day or week and hour of week. */
export async function activityReport(
  db: Executor,
  period: ReportPeriod,
  group: ActivityGroup,
): Promise<ActivityReport> {
  const tz = period.timeZone
  const inPeriod = sql`workspace_id = ${period.workspaceId} and bucket >= ${periodStart(period)} and bucket < ${periodEnd(period)}`
  const key = group === 'week' ? localWeek(sql`bucket`, tz) : localDay(sql`bucket`, tz)
  const rows = await queryRows<Record<string, string>>(
    db,
    sql`select ${key} as "group", sum(inbound) as inbound, sum(outbound) as outbound,
          sum(complaints) as complaints, sum(conversations) as conversations
        from analytics_activity where ${inPeriod} group by 1 order by 1`,
  )
  const cells = await queryRows<Record<string, string>>(
    db,
    sql`select extract(isodow from bucket at time zone ${tz})::int as weekday,
          extract(hour from bucket at time zone ${tz})::int as hour,
          sum(inbound) as inbound, sum(outbound) as outbound
        from analytics_activity where ${inPeriod} group by 1, 2 order by 1, 2`,
  )
  const hourOfWeek = cells.map((c) => ({
    weekday: Number(c.weekday),
    hour: Number(c.hour),
    inbound: Number(c.inbound),
    outbound: Number(c.outbound),
  }))
  const byHour = new Map<number, number>()
  for (const c of hourOfWeek) byHour.set(c.hour, (byHour.get(c.hour) ?? 0) + c.inbound)
  const allInbound = [...byHour.values()].reduce((a, b) => a + b, 0)
  return {
    rows: rows.map((r) => {
      const inbound = Number(r.inbound)
      const complaints = Number(r.complaints)
      return {
        group: r.group as string,
        inbound,
        outbound: Number(r.outbound),
        complaints,
        complaint_rate: complaintRate(complaints, inbound),
        conversations: Number(r.conversations),
      }
    }),
    hour_of_week: hourOfWeek,
    peak_hours: [...byHour]
      .map(([hour, inbound]) => ({
        hour,
        inbound,
        share: allInbound === 0 ? 0 : Math.round((inbound / allInbound) * 10_000) / 10_000,
      }))
      .sort((a, b) => b.inbound - a.inbound || a.hour - b.hour),
  }
}

/** Customer messages and complaints per local day, for the complaint-rate rule. */
export async function dailyComplaints(
  db: Executor,
  period: ReportPeriod,
): Promise<{ day: string; inbound: number; complaints: number }[]> {
  const rows = await queryRows<Record<string, string>>(
    db,
    sql`select ${localDay(sql`bucket`, period.timeZone)} as day, sum(inbound) as inbound, sum(complaints) as complaints
        from analytics_activity
        where workspace_id = ${period.workspaceId} and bucket >= ${periodStart(period)} and bucket < ${periodEnd(period)}
        group by 1 order by 1`,
  )
  return rows.map((r) => ({
    day: r.day as string,
    inbound: Number(r.inbound),
    complaints: Number(r.complaints),
  }))
}
