import { type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { localDay, localWeek, periodEnd, periodStart, type ReportPeriod } from './report-period'
import { type PackedWaits, percentileDisc, sortedWaits } from './wait-values'

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

/** The group of an answer given at `at` by `agent`. */
const groupKey = (group: ServiceGroup, timeZone: string, at: SQL, agent: SQL): SQL => {
  switch (group) {
    case 'day':
      return localDay(at, timeZone)
    case 'week':
      return localWeek(at, timeZone)
    case 'agent':
      return agent
    default:
      return sql`'all'`
  }
}

/** One group's packed waits, split by first answer or not (as the digests keep them). */
interface PackedRow {
  group: string
  first: boolean
  seconds: PackedWaits
  business_seconds: PackedWaits
}

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

function figures(rows: PackedRow[]): ResponseFigures {
  const firsts = rows.filter((r) => r.first)
  const all = sortedWaits(rows.map((r) => r.seconds))
  const first = sortedWaits(firsts.map((r) => r.seconds))
  const business = sortedWaits(rows.map((r) => r.business_seconds))
  const firstBusiness = sortedWaits(firsts.map((r) => r.business_seconds))
  return {
    responses: all.length,
    median_seconds: percentileDisc(all, 0.5),
    p90_seconds: percentileDisc(all, 0.9),
    first_responses: first.length,
    first_median_seconds: percentileDisc(first, 0.5),
    first_p90_seconds: percentileDisc(first, 0.9),
    business_responses: business.length,
    business_median_seconds: percentileDisc(business, 0.5),
    business_p90_seconds: percentileDisc(business, 0.9),
    first_business_median_seconds: percentileDisc(firstBusiness, 0.5),
    first_business_p90_seconds: percentileDisc(firstBusiness, 0.9),
  }
}

/**
 * The period's waits per group, packed. Whole UTC hours inside the period that fall in one group
 * come from `analytics_response_digests` (one row per hour and agent); an hour the period's edge
 * or a local midnight cuts through (zones offset by 30 or 45 minutes) is read answer by answer
 * from `analytics_responses`. Either way each answer is counted once, in its own group.
 */
async function packedWaits(db: Executor, period: ReportPeriod, group: ServiceGroup): Promise<PackedRow[]> {
  const start = periodStart(period)
  const end = periodEnd(period)
  const tz = period.timeZone
  const hourKey = groupKey(group, tz, sql`h.hour`, sql`d.agent`)
  const hourEndKey = groupKey(group, tz, sql`h.hour + interval '1 hour' - interval '1 microsecond'`, sql`''`)
  const whole =
    group === 'day' || group === 'week'
      ? sql`h.hour >= ${start} and h.hour + interval '1 hour' <= ${end} and ${groupKey(group, tz, sql`h.hour`, sql`''`)} = ${hourEndKey}`
      : sql`h.hour >= ${start} and h.hour + interval '1 hour' <= ${end}`
  return queryRows<PackedRow>(
    db,
    sql`with hours as (
          select hour, ${whole} as whole
          from generate_series(date_trunc('hour', ${start}, 'UTC'), ${end} - interval '1 microsecond', interval '1 hour') h(hour)
        ), parts as (
          select ${hourKey} as "group", d.first, d.seconds, d.business_seconds
          from hours h
          join analytics_response_digests d on d.workspace_id = ${period.workspaceId} and d.hour = h.hour
          where h.whole
          union all
          select ${groupKey(group, tz, sql`r.responded_at`, sql`r.agent`)}, r.first, int4send(r.seconds),
                 coalesce(int4send(r.business_seconds), ''::bytea)
          from hours h
          join analytics_responses r on r.workspace_id = ${period.workspaceId}
            and r.responded_at >= greatest(h.hour, ${start}) and r.responded_at < least(h.hour + interval '1 hour', ${end})
          where not h.whole
        )
        select "group", first, string_agg(seconds, ''::bytea) as seconds,
               string_agg(business_seconds, ''::bytea) as business_seconds
        from parts group by 1, 2`,
  )
}

/** How fast people answered waiting customers, overall and per day, week or agent. */
export async function serviceReport(
  db: Executor,
  period: ReportPeriod,
  group: ServiceGroup,
): Promise<ServiceReport> {
  const packed = await packedWaits(db, period, group)
  if (packed.length === 0) return { total: EMPTY, rows: [] }
  const byGroup = new Map<string, PackedRow[]>()
  for (const row of packed) byGroup.set(row.group, [...(byGroup.get(row.group) ?? []), row])
  const rows =
    group === 'none'
      ? []
      : [...byGroup.keys()]
          // the order Postgres's `order by` gave before: byte order of the group text
          .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
          .map((key) => ({ group: key, ...figures(byGroup.get(key) ?? []) }))
  return { total: figures(packed), rows }
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
