import { type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { localDay, localWeek, periodEnd, periodStart, type ReportPeriod } from './report-period'

export const CHURN_GROUPS = ['day', 'week'] as const
export type ChurnGroup = (typeof CHURN_GROUPS)[number]

export interface ChurnRow {
  group: string
  /** Contacts that became at risk in the group and still are. */
  became_at_risk: number
  /** Their average current sentiment. */
  average_sentiment: number | null
  /** Every mark in the group, including contacts that recovered since. */
  marked: number
  /** Contacts that left churn risk in the group (the recovery rule cleared them). */
  recovered: number
}

export interface ChurnCohort {
  /** The local month the contacts first wrote (`YYYY-MM`). */
  cohort: string
  contacts: number
  /** Marked at risk at least once. */
  ever_at_risk: number
  at_risk_now: number
  /** Marked once, not at risk now. */
  recovered: number
}

export interface ChurnReport {
  /** Contacts the churn rule marks at risk now (interaction fell and the mood is low). */
  at_risk_now: number
  rows: ChurnRow[]
  /** Contacts first seen in the period, by the month they first wrote: how many slipped, how many came back. */
  cohorts: ChurnCohort[]
}

/**
 * Churn risk from the rule that keeps `contacts.churn_risk_at` (issue #4) and its history
 * (`churn_risk_changes`, one row per mark and per recovery): how many are at risk now, the trend
 * per local day or week, and cohorts by first-contact month. Read from those two indexed tables,
 * never from messages.
 */
export async function churnReport(
  db: Executor,
  period: ReportPeriod,
  group: ChurnGroup,
): Promise<ChurnReport> {
  const bucket = (at: SQL) =>
    group === 'week' ? localWeek(at, period.timeZone) : localDay(at, period.timeZone)
  const from = periodStart(period)
  const to = periodEnd(period)
  const [now] = await queryRows<{ n: string }>(
    db,
    sql`select count(*) as n from contacts where workspace_id = ${period.workspaceId} and churn_risk_at is not null`,
  )
  const current = await queryRows<{ group: string; n: string; sentiment: string | null }>(
    db,
    sql`select ${bucket(sql`churn_risk_at`)} as "group", count(*) as n, round(avg(sentiment)::numeric, 4) as sentiment
        from contacts
        where workspace_id = ${period.workspaceId} and churn_risk_at is not null
          and churn_risk_at >= ${from} and churn_risk_at < ${to}
        group by 1`,
  )
  const changes = await queryRows<{ group: string; marked: string; recovered: string }>(
    db,
    sql`select ${bucket(sql`at`)} as "group", count(*) filter (where at_risk) as marked,
               count(*) filter (where not at_risk) as recovered
        from churn_risk_changes
        where workspace_id = ${period.workspaceId} and at >= ${from} and at < ${to}
        group by 1`,
  )
  const rows = new Map<string, ChurnRow>()
  const row = (key: string) => {
    let r = rows.get(key)
    if (!r) {
      r = { group: key, became_at_risk: 0, average_sentiment: null, marked: 0, recovered: 0 }
      rows.set(key, r)
    }
    return r
  }
  for (const c of current) {
    const r = row(c.group)
    r.became_at_risk = Number(c.n)
    r.average_sentiment = c.sentiment === null ? null : Number(c.sentiment)
  }
  for (const c of changes) {
    const r = row(c.group)
    r.marked = Number(c.marked)
    r.recovered = Number(c.recovered)
  }
  const cohorts = await queryRows<Record<string, string>>(
    db,
    sql`select to_char(c.created_at at time zone ${period.timeZone}, 'YYYY-MM') as cohort, count(*) as contacts,
               count(*) filter (where c.churn_risk_at is not null or h.marked) as ever,
               count(*) filter (where c.churn_risk_at is not null) as now,
               count(*) filter (where c.churn_risk_at is null and h.marked) as recovered
        from contacts c
        left join lateral (select true as marked from churn_risk_changes h
                            where h.contact_id = c.id and h.at_risk limit 1) h on true
        where c.workspace_id = ${period.workspaceId} and c.created_at >= ${from} and c.created_at < ${to}
        group by 1 order by 1`,
  )
  return {
    at_risk_now: Number(now?.n ?? 0),
    rows: [...rows.values()].sort((a, b) => a.group.localeCompare(b.group)),
    cohorts: cohorts.map((c) => ({
      cohort: c.cohort as string,
      contacts: Number(c.contacts),
      ever_at_risk: Number(c.ever),
      at_risk_now: Number(c.now),
      recovered: Number(c.recovered),
    })),
  }
}
