import type { Database } from '../db/client'
import type { Logger } from '../lib/logger'
import {
  finishRun,
  type HeldRun,
  type HeldRunRow,
  heldRun,
  jobRunQueue,
  lastSlots,
  slotKey,
  startRun,
  workspaceZones,
} from './job-runs'
import { claimDue, renewLeases } from './lease-claim'
import { dueSlot, nextSlot, usableTimeZone } from './schedule'
import { WorkerLoop } from './worker-loop'

/** A periodic job, run once per workspace at each slot of its schedule in that workspace's time zone. */
export interface ScheduledJob {
  /** Stable: the run log and the slot lease are keyed by it. */
  name: string
  /** Five-field cron pattern, e.g. "0 * * * *" (hourly), "30 6 * * 1-5" (06:30 on weekdays). */
  schedule: string
  run(context: { workspaceId: string; scheduledFor: Date }): Promise<void>
}

export interface SchedulerOptions {
  jobs: ScheduledJob[]
  logger: Logger
  /** Longest sleep between passes; a pass wakes earlier for a slot due sooner. Default 30 s. */
  pollMs?: number
  /** A run's lease, renewed every third of it while the run goes on. Default 5 min (the runtime passes LEASE_MS). */
  leaseMs?: number
  /** Takeovers of a run whose process died before it is logged as failed. Default 3. */
  maxAttempts?: number
  /**
   * Slots at or before this never run for a job that has no run yet in a workspace (a new job,
   * a new workspace): default the scheduler's creation, so a first start does not fire at once.
   */
  since?: Date
}

export interface RunReport {
  job: string
  workspaceId: string
  scheduledFor: Date
  outcome: 'ok' | 'failed'
  durationMs: number
}

/**
 * Runs periodic jobs on the worker loop. Any number of processes may run a scheduler with the same
 * jobs: each (job, workspace, slot) runs exactly once, in whichever process inserts its job_runs
 * row first; a run whose process died is taken over when its lease runs out. After downtime only
 * the latest missed slot runs.
 */
export class Scheduler {
  readonly loop: WorkerLoop
  private readonly jobs: Map<string, ScheduledJob>
  private readonly pollMs: number
  private readonly leaseMs: number
  private readonly maxAttempts: number
  private readonly since: Date

  constructor(
    private readonly db: Database,
    private readonly options: SchedulerOptions,
  ) {
    this.jobs = new Map(options.jobs.map((j) => [j.name, j]))
    this.pollMs = options.pollMs ?? 30_000
    this.leaseMs = options.leaseMs ?? 300_000
    this.maxAttempts = options.maxAttempts ?? 3
    this.since = options.since ?? new Date()
    this.loop = new WorkerLoop({
      name: 'scheduler',
      pollMs: this.pollMs,
      logger: options.logger,
      pass: async () => {
        const next = (await this.runOnce()).nextAt
        const wait = next ? next.getTime() - Date.now() : this.pollMs
        return { delayMs: Math.min(this.pollMs, Math.max(0, wait)) }
      },
    })
  }

  start(): void {
    if (this.jobs.size > 0) this.loop.start()
  }

  stop(): Promise<void> {
    return this.loop.stop()
  }

  /**
   * One pass at `now`: takes over abandoned runs, then runs every slot due. Returns what ran and
   * the next slot of any job, so the loop sleeps until then.
   */
  async runOnce(now = new Date()): Promise<{ runs: RunReport[]; nextAt: Date | null }> {
    const names = [...this.jobs.keys()]
    const runs: RunReport[] = []
    if (names.length === 0) return { runs, nextAt: null }
    const { rows: abandoned, deadLettered } = await claimDue<HeldRunRow>(
      this.db,
      jobRunQueue(names, this.maxAttempts),
      { limit: 10, leaseMs: this.leaseMs },
    )
    if (deadLettered > 0) this.options.logger.error({ runs: deadLettered }, 'scheduled runs given up')
    for (const row of abandoned) runs.push(await this.execute(heldRun(row)))

    const last = await lastSlots(this.db, names)
    let nextAt: Date | null = null
    for (const workspace of await workspaceZones(this.db)) {
      const zone = usableTimeZone(workspace.timeZone)
      for (const job of this.jobs.values()) {
        const after = last.get(slotKey(job.name, workspace.id)) ?? this.since
        const slot = dueSlot(job.schedule, zone, after, now)
        if (slot) {
          const run = await startRun(
            this.db,
            { job: job.name, workspaceId: workspace.id, scheduledFor: slot },
            this.leaseMs,
          )
          if (run) runs.push(await this.execute(run))
        }
        const next = nextSlot(job.schedule, zone, now)
        if (next && (!nextAt || next < nextAt)) nextAt = next
      }
    }
    return { runs, nextAt }
  }

  private async execute(run: HeldRun): Promise<RunReport> {
    const job = this.jobs.get(run.job) as ScheduledJob
    const started = performance.now()
    const heartbeat = setInterval(() => {
      renewLeases(this.db, jobRunQueue([run.job], this.maxAttempts), [run], this.leaseMs).catch((error) =>
        this.options.logger.warn({ err: (error as Error).message, job: run.job }, 'run lease renewal failed'),
      )
    }, this.leaseMs / 3)
    heartbeat.unref()
    let error: string | null = null
    try {
      await job.run({ workspaceId: run.workspaceId, scheduledFor: run.scheduledFor })
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught)
      this.options.logger.error(
        { err: error, job: run.job, workspaceId: run.workspaceId, scheduledFor: run.scheduledFor },
        'scheduled job failed',
      )
    } finally {
      clearInterval(heartbeat)
    }
    const durationMs = performance.now() - started
    const logged = await finishRun(this.db, run, { durationMs, error })
    if (!logged)
      this.options.logger.warn(
        { job: run.job, runId: run.id },
        'scheduled run lost its lease before it finished',
      )
    return {
      job: run.job,
      workspaceId: run.workspaceId,
      scheduledFor: run.scheduledFor,
      outcome: error === null ? 'ok' : 'failed',
      durationMs,
    }
  }
}
