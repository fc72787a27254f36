import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { percentOf } from './alert-rules'
import { localDay, periodEnd, periodStart, type ReportPeriod } from './report-period'
import { type PackedWaits, percentilesDisc, unpackWaits } from './wait-values'

/** One local day of a CRM connection's sync: how many changes were written, how many failed, how fast. */
export interface SyncDay {
  day: string
  succeeded: number
  failed: number
  /** succeeded ÷ settled, in percent with two decimals; null when nothing settled. */
  success_percent: number | null
  /** From the first change not yet written to its write, `percentile_disc` over the day's writes. */
  latency_p50_ms: number | null
  latency_p95_ms: number | null
}

/**
 * The daily sync success rate and latency of one connection, from the quarter-hour rollup the
 * outbox trigger keeps (`analytics_sync`): days with no settled change are left out.
 */
export async function syncDaily(
  db: Executor,
  connectionId: string,
  period: ReportPeriod,
): Promise<SyncDay[]> {
  const rows = await queryRows<{ day: string; succeeded: string; failed: string; latencies: PackedWaits }>(
    db,
    sql`select ${localDay(sql`bucket`, period.timeZone)} as day, sum(succeeded) as succeeded, sum(failed) as failed,
          string_agg(latencies_ms, ''::bytea) as latencies
        from analytics_sync
        where workspace_id = ${period.workspaceId} and connection_id = ${connectionId}
          and bucket >= ${periodStart(period)} and bucket < ${periodEnd(period)}
        group by 1 order by 1`,
  )
  return rows.map((r) => {
    const succeeded = Number(r.succeeded)
    const failed = Number(r.failed)
    const [p50, p95] = percentilesDisc([unpackWaits(r.latencies)], [0.5, 0.95])
    return {
      day: r.day,
      succeeded,
      failed,
      success_percent: percentOf(succeeded, succeeded + failed),
      latency_p50_ms: p50 ?? null,
      latency_p95_ms: p95 ?? null,
    }
  })
}
