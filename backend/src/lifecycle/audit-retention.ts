import { sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { queryRows } from '../db/query-rows'
import type { ScheduledJob } from '../jobs/scheduler'
import type { Logger } from '../lib/logger'

/**
 * Deletes a workspace's audit entries older than the audit retention, the only deletion the
 * append-only trigger lets through: it is allowed for this transaction alone (`scrm.audit_prune`).
 */
export async function pruneAudit(
  db: Database,
  workspaceId: string,
  retentionDays: number,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000)
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('scrm.audit_prune', 'on', true)`)
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`with d as (delete from audit_log where workspace_id = ${workspaceId}::uuid and at < ${cutoff.toISOString()}::timestamptz returning 1)
          select count(*)::int as n from d`,
    )
    return row?.n ?? 0
  })
}

export function auditRetentionJob(
  db: Database,
  options: { schedule: string; retentionDays: number; logger: Logger },
): ScheduledJob {
  return {
    name: 'audit-retention',
    schedule: options.schedule,
    async run({ workspaceId }) {
      const removed = await pruneAudit(db, workspaceId, options.retentionDays)
      if (removed > 0) options.logger.info({ workspaceId, removed }, 'audit entries past retention removed')
    },
  }
}
