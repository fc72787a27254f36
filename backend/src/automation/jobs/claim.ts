import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { claimDue, type LeaseQueue, type LeaseTarget } from '../../jobs/lease-claim'

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
 * The automation queue: queued jobs whose time has come, and running ones whose worker died (lease
 * ran out). A job whose worker kept dying is failed by `runJob`, which knows how to say so.
 */
const automationJobQueue = (dueBefore: Date): LeaseQueue => ({
  table: 'automation_jobs',
  due: (at) =>
    sql`(state = 'queued' and run_after < ${dueBefore.toISOString()}::timestamptz)
        or (state = 'running' and lease_until <= ${at})`,
  orderBy: sql`run_after, id`,
  leaseColumn: 'lease_until',
  attemptsColumn: 'attempts',
  claimSet: sql`state = 'running'`,
  returning: sql`id, workspace_id, contact_id, rule_id, message_id, action, attempts`,
  held: sql`state = 'running'`,
})

/** Where a running job's lease lives, for the heartbeat that renews it while the job runs. */
export const automationJobLease: LeaseTarget = automationJobQueue(new Date(0))

/** Takes up to `limit` due jobs under a lease; any number of workers share the table. */
export async function claimAutomationJobs(
  db: Executor,
  options: { now: Date; limit: number; leaseMs: number },
): Promise<ClaimedAutomationJob[]> {
  // `now` has millisecond precision, `run_after` microseconds: a job queued within the same
  // millisecond as the pass (a rule that just fired, then woke the worker) counts as due.
  const dueBefore = new Date(options.now.getTime() + 1)
  const { rows } = await claimDue<Row>(db, automationJobQueue(dueBefore), options)
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
