import { sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { claimDue, type LeaseQueue } from '../jobs/lease-claim'
import { LeaseHeartbeat } from '../jobs/lease-heartbeat'
import { WorkerLoop } from '../jobs/worker-loop'
import type { Logger } from '../lib/logger'
import { type ClaimedMedia, fetchMediaObject, type MediaJobDeps } from './fetch-media'

/** The media queue: pending rows whose wait is over, and fetches whose worker died (lease ran out). */
export const mediaQueue = (maxAttempts: number): LeaseQueue => ({
  table: 'media_objects',
  idType: 'uuid',
  due: (at) =>
    sql`(state = 'pending' and run_after <= ${at}) or (state = 'fetching' and lease_until < ${at})`,
  orderBy: sql`run_after, id`,
  leaseColumn: 'lease_until',
  attemptsColumn: 'attempts',
  claimSet: sql`state = 'fetching'`,
  returning: sql`id, workspace_id, channel_id, kind, meta_media_id, meta_sha256, source_mime_type, attempts`,
  // Only rows whose worker died on every try get here: ordinary failures settle themselves.
  deadLetter: {
    maxAttempts,
    set: sql`state = 'failed', lease_until = null, failure_reason = 'worker_stopped',
             failure_detail = 'the fetch was interrupted on every attempt'`,
  },
  held: sql`state = 'fetching'`,
})

export interface MediaWorkerOptions extends MediaJobDeps {
  logger: Logger
  pollMs: number
  batchSize: number
  /** Fetches at once: 1 on the embedded database; downloads are I/O, images a little CPU. */
  concurrency: number
  leaseMs: number
  heartbeatMs: number
}

export interface MediaTotals {
  claimed: number
  stored: number
  retrying: number
  failed: number
}

/** Runs media fetches on the shared worker loop; ingest wakes it when new media arrived. */
export class MediaWorker {
  readonly loop: WorkerLoop
  readonly totals: MediaTotals = { claimed: 0, stored: 0, retrying: 0, failed: 0 }

  constructor(
    private readonly db: Database,
    private readonly options: MediaWorkerOptions,
  ) {
    this.loop = new WorkerLoop({
      name: 'media',
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

  wake(): void {
    this.loop.wake()
  }

  /** Runs passes until nothing is due now (tests, CLI). */
  async drain(): Promise<void> {
    while ((await this.runOnce()).claimed > 0) {}
  }

  async runOnce(): Promise<MediaTotals> {
    const queue = mediaQueue(this.options.maxAttempts)
    const { rows, deadLettered } = await claimDue<ClaimedMedia>(this.db, queue, {
      limit: this.options.batchSize,
      leaseMs: this.options.leaseMs,
    })
    if (deadLettered > 0) this.options.logger.error({ objects: deadLettered }, 'media fetches given up')
    const pass: MediaTotals = { claimed: rows.length, stored: 0, retrying: 0, failed: deadLettered }
    const heartbeat = new LeaseHeartbeat(
      this.db,
      queue,
      { leaseMs: this.options.leaseMs, heartbeatMs: this.options.heartbeatMs },
      this.options.logger,
    )
    await heartbeat.during(rows, async () => {
      for (let i = 0; i < rows.length; i += this.options.concurrency) {
        await Promise.all(
          rows.slice(i, i + this.options.concurrency).map(async (row) => {
            const outcome = await fetchMediaObject({ ...this.options, db: this.db }, row).finally(() =>
              heartbeat.release([row.id]),
            )
            if (outcome.state === 'stored') pass.stored += 1
            else {
              if (outcome.state === 'pending') pass.retrying += 1
              else pass.failed += 1
              this.options.logger.warn(
                {
                  mediaObject: row.id,
                  reason: outcome.reason,
                  attempt: row.attempts,
                  final: outcome.state === 'failed',
                },
                'media fetch failed',
              )
            }
          }),
        )
      }
    })
    for (const key of Object.keys(pass) as (keyof MediaTotals)[]) this.totals[key] += pass[key]
    return pass
  }
}
