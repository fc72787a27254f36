import type { Database } from '../../db/client'
import type { Logger } from '../../lib/logger'
import { SendRefused } from '../../outbound/refusal'
import type { ClaimedAutomationJob } from './claim'
import { JobError } from './job-error'
import { finishJob, retryJobLater } from './record-outcome'
import type { JobRunDeps, JobRunResult } from './run-job'

const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000

/**
 * Records why a job did not complete: a policy refusal ends it `refused` with the reason; a
 * failure that may pass goes back to the queue after base × 4^(attempt-1), until the last
 * attempt; anything else ends it `failed` with its code. An empty discount pool is logged as an
 * alert: every further customer the rule fires for would get no code.
 */
export async function settleFailure(
  db: Database,
  deps: JobRunDeps,
  job: ClaimedAutomationJob,
  error: unknown,
  now: Date,
  log: Logger,
): Promise<JobRunResult> {
  if (error instanceof SendRefused) {
    await finishJob(db, job, {
      state: 'refused',
      outcome: error.refusal,
      result: { reason: error.refusal, message: error.message },
      now,
    })
    log.info({ reason: error.refusal }, 'automated send refused by the sending policy')
    return 'refused'
  }
  const code = error instanceof JobError ? error.code : 'internal_error'
  const message = (error as Error).message ?? String(error)
  const retryable = error instanceof JobError ? error.retryable : true
  if (retryable && job.attempts < deps.maxAttempts) {
    const wait = Math.min(deps.retryBaseMs * 4 ** (job.attempts - 1), MAX_BACKOFF_MS)
    await retryJobLater(db, job, { runAfter: new Date(now.getTime() + wait), outcome: code, error: message })
    log.warn({ code, attempt: job.attempts, retryInMs: wait }, 'automation job failed; trying again later')
    return 'retry'
  }
  await finishJob(db, job, { state: 'failed', outcome: code, result: { error: message }, now })
  if (code === 'discount_pool_empty') {
    // Alert-worthy: every further customer this rule fires for gets no code until codes are loaded.
    log.error({ alert: 'discount_pool_empty', action: job.action }, 'discount pool is empty: load more codes')
  } else if (error instanceof JobError) {
    log.warn({ code, attempts: job.attempts }, `automation job failed: ${message}`)
  } else {
    log.error({ code, err: message, stack: (error as Error).stack }, 'automation job failed unexpectedly')
  }
  return 'failed'
}
