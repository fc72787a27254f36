import type { Database } from '../../db/client'
import { LeaseHeartbeat } from '../../jobs/lease-heartbeat'
import { WorkerLoop } from '../../jobs/worker-loop'
import { automationJobLease, claimAutomationJobs } from './claim'
import { type JobRunDeps, type JobRunResult, runJob } from './run-job'

export interface AutomationDeps extends JobRunDeps {
  /** How long a claimed job is this worker's without a heartbeat; past it another worker may run it again. */
  leaseMs: number
  /** How often a running job renews its lease (at most a third of it); default 5 s. */
  heartbeatMs?: number
  /** Jobs run at once within a batch: 1 on the embedded database, which has one connection. */
  concurrency: number
  /** Called when a batch queued sends, so an in-process sender picks them up at once. */
  onQueued?: () => void
}

export type AutomationTotals = Record<JobRunResult, number> & { claimed: number }

export const emptyTotals = (): AutomationTotals => ({
  claimed: 0,
  done: 0,
  refused: 0,
  failed: 0,
  retry: 0,
  lost: 0,
})

/**
 * One pass: claims up to `limit` due jobs and runs each to its end state. Tests drive the worker
 * through this with their own clock.
 */
export async function runAutomationJobs(
  db: Database,
  deps: AutomationDeps,
  options: { now?: Date; limit?: number } = {},
): Promise<AutomationTotals> {
  const now = options.now ?? new Date()
  const jobs = await claimAutomationJobs(db, { now, limit: options.limit ?? 10, leaseMs: deps.leaseMs })
  const totals = emptyTotals()
  totals.claimed = jobs.length
  const heartbeat = new LeaseHeartbeat(
    db,
    automationJobLease,
    { leaseMs: deps.leaseMs, heartbeatMs: deps.heartbeatMs ?? 5_000 },
    deps.logger,
  )
  await heartbeat.during(jobs, async () => {
    for (let i = 0; i < jobs.length; i += deps.concurrency) {
      const results = await Promise.all(
        jobs
          .slice(i, i + deps.concurrency)
          .map((job) => runJob(db, deps, job, now).finally(() => heartbeat.release([job.id]))),
      )
      for (const r of results) totals[r] += 1
    }
  })
  if (totals.done > 0) deps.onQueued?.()
  return totals
}

export interface AutomationWorkerOptions extends AutomationDeps {
  pollMs: number
  batchSize: number
}

/** Runs `runAutomationJobs` on the worker loop: at once while batches come back full, else every `pollMs` or when woken. */
export class AutomationWorker {
  readonly loop: WorkerLoop
  readonly totals = emptyTotals()

  constructor(
    private readonly db: Database,
    private readonly options: AutomationWorkerOptions,
  ) {
    this.loop = new WorkerLoop({
      name: 'automation',
      pollMs: options.pollMs,
      logger: options.logger,
      pass: async () => ((await this.runOnce()).claimed < options.batchSize ? 'idle' : 'busy'),
    })
  }

  start(): void {
    this.loop.start()
  }

  stop(): Promise<void> {
    return this.loop.stop()
  }

  /** Rules that just queued jobs call this so replies do not wait for the next poll. */
  wake(): void {
    this.loop.wake()
  }

  /** Runs passes until none is due (tests, CLI). */
  async drain(now?: Date): Promise<void> {
    while ((await this.runOnce(now)).claimed > 0) {}
  }

  async runOnce(now?: Date): Promise<AutomationTotals> {
    const pass = await runAutomationJobs(this.db, this.options, { now, limit: this.options.batchSize })
    for (const key of Object.keys(pass) as (keyof AutomationTotals)[]) this.totals[key] += pass[key]
    return pass
  }
}
