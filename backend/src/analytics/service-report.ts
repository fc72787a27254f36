import { type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { localDay, localWeek, periodEnd, periodStart, type ReportPeriod } from './report-period'

export const SERVICE_GROUPS = ['none', 'day', 'week', 'agent'] as const
export type ServiceGroup = (typeof SERVICE_GROUPS)[number]

/** Response-time figures, in whole seconds. Median and p90 are `percentile_disc`: the smallest
 * recorded value with at least 50 % (90 %) of the values at or below it, so always a real wait.
 * The `business_` ones count only the seconds inside the workspace's business hours, over the
 * answers given while it had business hours (`business_responses` of them). */
export interface ResponseFigures {
  responses: number
  median_seconds: number | null
  p90_seconds: number | null
  first_responses: number
  first_median_seconds: number | null
  first_p90_seconds: number | null
  business_responses: number
  business_median_seconds: number | null
  business_p90_seconds: number | null
  first_business_median_seconds: number | null
  first_business_p90_seconds: number | null
}

export interface ServiceRow extends ResponseFigures {
  group: string
}

export interface ServiceReport {
  total: ResponseFigures
  rows: ServiceRow[]
}

const groupKey = (group: ServiceGroup, timeZone: string): SQL => {
  switch (group) {
    case 'day':
      return localDay(sql`responded_at`, timeZone)
    case 'week':
      return localWeek(sql`responded_at`, timeZone)
    case 'agent':
      return sql`agent`
    default:
      return sql`'all'`
  }
}

interface FigureRow {
  group: string
  responses: string
  median: number | null
  p90: number | null
  first_responses: string
  first_median: number | null
  first_p90: number | null
  business_responses: string
  business_median: number | null
  business_p90: number | null
  first_business_median: number | null
  first_business_p90: number | null
}

const n = (v: number | null) => (v === null ? null : Number(v))

const figures = (r: FigureRow): ResponseFigures => ({
  responses: Number(r.responses),
  median_seconds: n(r.median),
  p90_seconds: n(r.p90),
  first_responses: Number(r.first_responses),
  first_median_seconds: n(r.first_median),
  first_p90_seconds: n(r.first_p90),
  business_responses: Number(r.business_responses),
  business_median_seconds: n(r.business_median),
  business_p90_seconds: n(r.business_p90),
  first_business_median_seconds: n(r.first_business_median),
  first_business_p90_seconds: n(r.first_business_p90),
})

const EMPTY: ResponseFigures = {
  responses: 0,
  median_seconds: null,
  p90_seconds: null,
  first_responses: 0,
  first_median_seconds: null,
  first_p90_seconds: null,
  business_responses: 0,
  business_median_seconds: null,
  business_p90_seconds: null,
  first_business_median_seconds: null,
  first_business_p90_seconds: null,
}

async function responseFigures(db: Executor, period: ReportPeriod, key: SQL, extra: SQL = sql``) {
  return queryRows<FigureRow>(
    db,
    sql`select ${key} as "group", count(*) as responses,
          percentile_disc(0.5) within group (order by seconds) as median,
          percentile_disc(0.9) within group (order by seconds) as p90,
          count(*) filter (where first) as first_responses,
          percentile_disc(0.5) within group (order by seconds) filter (where first) as first_median,
          percentile_disc(0.9) within group (order by seconds) filter (where first) as first_p90,
          count(business_seconds) as business_responses,
          percentile_disc(0.5) within group (order by business_seconds) as business_median,
          percentile_disc(0.9) within group (order by business_seconds) as business_p90,
          percentile_disc(0.5) within group (order by business_seconds) filter (where first) as first_business_median,
          percentile_disc(0.9) within group (order by business_seconds) filter (where first) as first_business_p90
        from analytics_responses
        where workspace_id = ${period.workspaceId}
          and responded_at >= ${periodStart(period)} and responded_at < ${periodEnd(period)} ${extra}
        group by 1 order by 1`,
  )
}

/** How fast people answered waiting customers, overall and per day, week or agent. */
export async function serviceReport(
  db: Executor,
  period: ReportPeriod,
  group: ServiceGroup,
): Promise<ServiceReport> {
  const [total] = await responseFigures(db, period, sql`'all'`)
  const rows =
    group === 'none'
      ? []
      : (await responseFigures(db, period, groupKey(group, period.timeZone))).map((r) => ({
          group: r.group,
          ...figures(r),
        }))
  return { total: total ? figures(total) : EMPTY, rows }
}

/**
 * Each agent's median response in one local week (Monday `weekStart`), for the coaching rule: in
 * business hours where the answer has them (a question left overnight is not the agent's delay),
 * in wall-clock time otherwise.
 */
export async function weeklyAgentMedians(
  db: Executor,
  workspaceId: string,
  weekStart: string,
  timeZone: string,
): Promise<{ agent: string; responses: number; median_seconds: number }[]> {
  const period: ReportPeriod = { workspaceId, from: weekStart, to: weekStart, timeZone }
  const rows = await queryRows<{ agent: string; responses: string; median: number }>(
    db,
    sql`select agent, count(*) as responses,
          percentile_disc(0.5) within group (order by coalesce(business_seconds, seconds)) as median
        from analytics_responses
        where workspace_id = ${workspaceId}
          and responded_at >= ${periodStart(period)}
          and responded_at < ((${weekStart}::date + 7)::timestamp at time zone ${timeZone})
        group by agent order by agent`,
  )
  return rows.map((r) => ({
    agent: r.agent,
    responses: Number(r.responses),
    median_seconds: Number(r.median),
  }))
}
