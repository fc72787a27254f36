import { sql } from 'drizzle-orm'
import type { SyncRound } from '../../backend/src/crm/sync/sync-connection'
import { queryRows } from '../../backend/src/db/query-rows'
import type { TestRuntime } from './test-runtime'

/**
 * Runs the CRM sync worker until nothing is due: the outbox (what is due within two seconds: a
 * settle delay) and the CRM change events. Sums what the rounds did.
 */
export async function drainCrmSync(rt: TestRuntime): Promise<SyncRound> {
  const total: SyncRound = { calls: 0, written: 0, failed: 0, claimed: 0 }
  for (let i = 0; i < 400; i++) {
    const round = await rt.crmSync.worker.runOnce()
    total.calls += round.calls
    total.written += round.written
    total.failed += round.failed
    total.claimed += round.claimed
    const [due] = await queryRows<{ n: number }>(
      rt.db.db,
      sql`select (select count(*) from crm_outbox
                   where parked_at is null and available_at <= clock_timestamp() + interval '2 seconds')
               + (select count(*) from crm_webhook_events where processed_at is null and available_at <= clock_timestamp()) as n`,
    )
    if (Number(due?.n ?? 0) === 0 && round.claimed === 0) return total
    if (round.claimed === 0) await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('CRM sync did not settle')
}
