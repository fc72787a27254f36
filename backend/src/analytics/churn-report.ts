import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { localDay, localWeek, periodEnd, periodStart, type ReportPeriod } from './report-period'

export const CHURN_GROUPS = ['day', 'week'] as const
export type ChurnGroup = (typeof CHURN_GROUPS)[number]

export interface ChurnReport {
  /** Contacts the churn rule marks at risk now (interaction fell and the mood is low). */
  at_risk_now: number
  /** Contacts that became at risk in the period and still are, per local day or week. */
  rows: { group: string; became_at_risk: number; average_sentiment: number | null }[]
}

/**
 * Churn risk from the rule that keeps `contacts.churn_risk_at` (issue #4): how many are at risk
 * now and when they became so. A contact that recovered is no longer counted, as the rule clears it.
 */
export async function churnReport(
  db: Executor,
  period: ReportPeriod,
  group: ChurnGroup,
): Promise<ChurnReport> {
  const key =
    group === 'week'
      ? localWeek(sql`churn_risk_at`, period.timeZone)
      : localDay(sql`churn_risk_at`, period.timeZone)
  const [now] = await queryRows<{ n: string }>(
    db,
    sql`select count(*) as n from contacts where workspace_id = ${period.workspaceId} and churn_risk_at is not null`,
  )
  const rows = await queryRows<Record<string, string | null>>(
    db,
    sql`select ${key} as "group", count(*) as n, round(avg(sentiment)::numeric, 4) as sentiment
        from contacts
        where workspace_id = ${period.workspaceId} and churn_risk_at is not null
          and churn_risk_at >= ${periodStart(period)} and churn_risk_at < ${periodEnd(period)}
        group by 1 order by 1`,
  )
  return {
    at_risk_now: Number(now?.n ?? 0),
    rows: rows.map((r) => ({
      group: r.group as string,
      became_at_risk: Number(r.n),
      average_sentiment: r.sentiment === null ? null : Number(r.sentiment),
    })),
  }
}
