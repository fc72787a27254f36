import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'

export interface ClaimedAutomationJob {
  id: number
  workspaceId: string
  contactId: string
  ruleId: string | null
  messageId: number | null
  action: Record<string, unknown>
  /** Including this run: it is also the fence that tells a stale worker its lease was lost. */
  attempts: number
}

type Row = {
  id: string | number
  workspace_id: string
  contact_id: string
  rule_id: string | null
  message_id: string | number | null
  action: Record<string, unknown>
  attempts: number
}

/**
 * Takes up to `limit` due jobs under a lease: queued ones whose time has come, and running ones
 * whose worker died (lease ran out). SKIP LOCKED lets any number of workers share the table.
 */
export async function claimAutomationJobs(
  db: Executor,
  options: { now: Date; limit: number; leaseMs: number },
): Promise<ClaimedAutomationJob[]> {
  const now = options.now.toISOString()
  // `now` has millisecond precision, `run_after` microseconds: a job queued within the same
  // millisecond as the pass (a rule that just fired, then woke the worker) counts as due.
  const dueBefore = new Date(options.now.getTime() + 1).toISOString()
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs).toISOString()
  const rows = await queryRows<Row>(
    db,
    sql`with due as (
          select id from automation_jobs
          where (state = 'queued' and run_after < ${dueBefore}::timestamptz)
             or (state = 'running' and lease_until <= ${now}::timestamptz)
          order by run_after, id
          limit ${options.limit}
          for update skip locked
        )
        update automation_jobs j
        set state = 'running', attempts = j.attempts + 1, lease_until = ${leaseUntil}::timestamptz
        from due where j.id = due.id
        returning j.id, j.workspace_id, j.contact_id, j.rule_id, j.message_id, j.action, j.attempts`,
  )
  return rows
    .map((r) => ({
      id: Number(r.id),
      workspaceId: r.workspace_id,
      contactId: r.contact_id,
      ruleId: r.rule_id,
      messageId: r.message_id === null ? null : Number(r.message_id),
      action: r.action,
      attempts: r.attempts,
    }))
    .sort((a, b) => a.id - b.id)
}
