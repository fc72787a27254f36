import { type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { compareText } from '../lib/compare-text'
import { localDay, localWeek, periodEnd, periodStart, type ReportPeriod } from './report-period'
import { type PackedWaits, percentilesDisc, unpackWaits } from './wait-values'

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

/** One group's waits, unpacked once (a group's runs also go into the total). */
interface WaitRuns {
  first: boolean
  seconds: Int32Array
  business: Int32Array
}

function figures(rows: WaitRuns[]): ResponseFigures {
  const firsts = rows.filter((r) => r.first)
  const [median, p90] = percentilesDisc(
    rows.map((r) => r.seconds),
    FRACTIONS,
  )
  const [firstMedian, firstP90] = percentilesDisc(
    firsts.map((r) => r.seconds),
    FRACTIONS,
  )
  const [businessMedian, businessP90] = percentilesDisc(
    rows.map((r) => r.business),
    FRACTIONS,
  )
  const [firstBusinessMedian, firstBusinessP90] = percentilesDisc(
    firsts.map((r) => r.business),
    FRACTIONS,
  )
  const count = (runs: WaitRuns[], pick: (r: WaitRuns) => Int32Array) =>
    runs.reduce((sum, r) => sum + pick(r).length, 0)
  return {
    responses: count(rows, (r) => r.seconds),
    median_seconds: median ?? null,
    p90_seconds: p90 ?? null,
    first_responses: count(firsts, (r) => r.seconds),
    first_median_seconds: firstMedian ?? null,
    first_p90_seconds: firstP90 ?? null,
    business_responses: count(rows, (r) => r.business),
    business_median_seconds: businessMedian ?? null,
    business_p90_seconds: businessP90 ?? null,
    first_business_median_seconds: firstBusinessMedian ?? null,
    first_business_p90_seconds: firstBusinessP90 ?? null,
  }
}
const FRACTIONS = [0.5, 0.9]

/**
 * The period's waits per group, packed. Whole UTC hours inside the period that fall in one group
 * come from `analytics_response_digests` (one row per hour and agent); an hour the period's edge
 * or a local midnight cuts through (zones offset by 30 or 45 minutes) is read answer by answer
 * from `analytics_responses`. Either way each answer is counted once, in its own group.
 */
async function packedWaits(db: Executor, period: ReportPeriod, group: ServiceGroup): Promise<PackedRow[]> {
  const parts = group === 'day' || group === 'week' ? byLocalHours(period, group) : byEdges(period, group)
  return queryRows<PackedRow>(
    db,
    sql`select "group", first, string_agg(seconds, ''::bytea) as seconds,
               string_agg(business_seconds, ''::bytea) as business_seconds
        from (${parts}) parts group by 1, 2`,
  )
}

/** The packed columns of answers read one by one from `analytics_responses r`. */
const answerColumns = sql`r.first, int4send(r.seconds), coalesce(int4send(r.business_seconds), ''::bytea)`

/**
 * Per day or week: each hour of the period is whole when it lies inside the period and inside
 * one local day (or week); the others are read answer by answer.
 */
function byLocalHours(period: ReportPeriod, group: 'day' | 'week'): SQL {
  const start = periodStart(period)
  const end = periodEnd(period)
  const key = (at: SQL) => groupKey(group, period.timeZone, at, sql`''`)
  const lastInstant = sql`h.hour + interval '1 hour' - interval '1 microsecond'`
  return sql`
    with hours as (
      select hour, key, hour >= ${start} and hour + interval '1 hour' <= ${end} and key = end_key as whole
      from (select h.hour, ${key(sql`h.hour`)} as key, ${key(lastInstant)} as end_key
            from generate_series(date_trunc('hour', ${start}, 'UTC'), ${end} - interval '1 microsecond',
              interval '1 hour') h(hour)) h
    )
    select h.key as "group", d.first, d.seconds, d.business_seconds
    from hours h
    join analytics_response_digests d on d.workspace_id = ${period.workspaceId} and d.hour = h.hour
    where h.whole
    union all
    select ${key(sql`r.responded_at`)}, ${answerColumns}
    from hours h
    join analytics_responses r on r.workspace_id = ${period.workspaceId}
      and r.responded_at >= greatest(h.hour, ${start}) and r.responded_at < least(h.hour + interval '1 hour', ${end})
    where not h.whole`
}

/**
 * Overall or per agent only the period's ends can cut an hour: whole hours from the first full
 * one to the last come from the digests, the part-hours before and after from the answers.
 */
function byEdges(period: ReportPeriod, group: 'none' | 'agent'): SQL {
  const start = periodStart(period)
  const end = periodEnd(period)
  const firstWhole = sql`date_trunc('hour', ${start} + interval '1 hour' - interval '1 microsecond', 'UTC')`
  const key = (agent: SQL) => (group === 'agent' ? agent : sql`'all'`)
  // Scalar subqueries: computed once, then index bounds (date_trunc with a zone is not constant-folded).
  const at = (column: 'start' | 'first_whole' | 'whole_end' | 'stop') =>
    sql.raw(`(select ${column} from bounds)`)
  return sql`
    with bounds as materialized (
      select ${start} as start, ${firstWhole} as first_whole,
             greatest(date_trunc('hour', ${end}, 'UTC'), ${firstWhole}) as whole_end, ${end} as stop
    )
    select ${key(sql`d.agent`)} as "group", d.first, d.seconds, d.business_seconds
    from analytics_response_digests d
    where d.workspace_id = ${period.workspaceId} and d.hour >= ${at('first_whole')} and d.hour < ${at('whole_end')}
    union all
    select ${key(sql`r.agent`)}, ${answerColumns} from analytics_responses r
    where r.workspace_id = ${period.workspaceId}
      and r.responded_at >= ${at('start')} and r.responded_at < least(${at('first_whole')}, ${at('stop')})
    union all
    select ${key(sql`r.agent`)}, ${answerColumns} from analytics_responses r
    where r.workspace_id = ${period.workspaceId}
      and r.responded_at >= ${at('whole_end')} and r.responded_at < ${at('stop')}`
}

/** How fast people answered waiting customers, overall and per day, week or agent. */
export async function serviceReport(
  db: Executor,
  period: ReportPeriod,
  group: ServiceGroup,
): Promise<ServiceReport> {
  // The planner prices the per-answer half for every hour of the period (it runs for a handful),
  // which buys a JIT compilation of ~300 ms for ~20 ms of work: off for this one statement.
  const packed = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`)
    return packedWaits(tx, period, group)
  })
  const byGroup = new Map<string, WaitRuns[]>()
  for (const row of packed) {
    const runs = byGroup.get(row.group) ?? []
    runs.push({
      first: row.first,
      seconds: unpackWaits(row.seconds),
      business: unpackWaits(row.business_seconds),
    })
    byGroup.set(row.group, runs)
  }
  const rows =
    group === 'none'
      ? []
      : [...byGroup.keys()]
          .sort(compareText)
          .map((key) => ({ group: key, ...figures(byGroup.get(key) ?? []) }))
  return { total: figures([...byGroup.values()].flat()), rows }
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
