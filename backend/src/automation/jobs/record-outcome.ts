import { and, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type AutomationJobState, automationJobs } from '../../db/schema'
import type { ClaimedAutomationJob } from './claim'
import { LeaseLost } from './job-error'

export interface JobEnd {
  state: Extract<AutomationJobState, 'done' | 'refused' | 'failed'>
  /** A machine code: the refusal reason, the failure code, or a note such as `order_not_found`. */
  outcome: string | null
  result: Record<string, unknown>
  now: Date
}

/**
 * Ends a job. Only the worker that holds the current lease may (same attempt number, still
 * running): a worker whose lease ran out and was replaced gets `LeaseLost`, which also rolls back
 * anything it did in the same transaction.
 */
export async function finishJob(db: Executor, job: ClaimedAutomationJob, end: JobEnd): Promise<void> {
  const rows = await db
    .update(automationJobs)
    .set({
      state: end.state,
      outcome: end.outcome,
      result: end.result,
      finishedAt: end.now,
      leaseUntil: null,
    })
    .where(fenced(job))
    .returning({ id: automationJobs.id })
  if (rows.length === 0) throw new LeaseLost(job.id)
}

/** Puts a job back for a later try, keeping why the last one failed. */
export async function retryJobLater(
  db: Executor,
  job: ClaimedAutomationJob,
  retry: { runAfter: Date; outcome: string; error: string },
): Promise<void> {
  const rows = await db
    .update(automationJobs)
    .set({
      state: 'queued',
      runAfter: retry.runAfter,
      outcome: retry.outcome,
      result: { error: retry.error, retry_at: retry.runAfter.toISOString() },
      leaseUntil: null,
    })
    .where(fenced(job))
    .returning({ id: automationJobs.id })
  if (rows.length === 0) throw new LeaseLost(job.id)
}

const fenced = (job: ClaimedAutomationJob) =>
  and(
    eq(automationJobs.id, job.id),
    eq(automationJobs.state, 'running'),
    eq(automationJobs.attempts, job.attempts),
  )
