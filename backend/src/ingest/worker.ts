import type { Database } from '../db/client'
import { DEFAULT_LEASE, LeaseHeartbeat, type LeaseTiming } from '../jobs/lease-heartbeat'
import { WorkerLoop } from '../jobs/worker-loop'
import type { Logger } from '../lib/logger'
import { claimEvents, webhookEventLease } from './event-queue'
import { emptyOutcome, type ProcessOutcome, processEvents } from './process-events'

export interface IngestWorkerOptions {
  concurrency: number
  batchSize: number
  maxAttempts: number
  /** How often an idle loop looks for due work (retries, other processes' deliveries). */
  pollMs: number
  logger: Logger
  /** Called after a batch stored messages: automation and CRM sync have new work. */
  onMessages?: () => void
  /** Claim lease and its heartbeat while a batch is processed; default 15 s / 5 s. */
  lease?: LeaseTiming
}

/**
 * Lanes that drain the webhook event queue. In-process by default: the webhook route wakes it
 * as soon as a delivery is stored; as its own process it polls.
 */
export class IngestWorker {
  readonly loop: WorkerLoop
  readonly totals: ProcessOutcome = emptyOutcome()
  /**
   * Per processed batch: intelligence milliseconds per new customer message (the benchmark's
   * "cost of intelligence"); the latest 10,000 batches.
   */
  readonly intelligenceSamples: number[] = []
  private readonly heartbeat: LeaseHeartbeat
  private readonly lease: LeaseTiming

  constructor(
    private readonly db: Database,
    private readonly options: IngestWorkerOptions,
  ) {
    this.lease = options.lease ?? DEFAULT_LEASE
    this.heartbeat = new LeaseHeartbeat(db, webhookEventLease, this.lease, options.logger)
    this.loop = new WorkerLoop({
      name: 'ingest',
      concurrency: options.concurrency,
      pollMs: options.pollMs,
      logger: options.logger,
      pass: async () => ((await this.runOnce()) < options.batchSize ? 'idle' : 'busy'),
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

  /** Processes one batch; returns how many events it took. Tests and the CLI call it directly. */
  async runOnce(): Promise<number> {
    const events = await claimEvents(
      this.db,
      this.options.batchSize,
      this.options.maxAttempts,
      this.lease.leaseMs,
    )
    if (events.length === 0) return 0
    const outcome = await this.heartbeat.during(events, () => processEvents(this.db, events, this.options))
    for (const key of Object.keys(outcome) as (keyof ProcessOutcome)[]) this.totals[key] += outcome[key]
    if (outcome.inbound > 0) {
      this.intelligenceSamples.push(outcome.intelligenceMs / outcome.inbound)
      if (this.intelligenceSamples.length > 10_000) this.intelligenceSamples.shift()
    }
    if (outcome.messages > 0) this.options.onMessages?.()
    return events.length
  }

  /** Runs until no event is due. */
  async drain(): Promise<void> {
    while ((await this.runOnce()) > 0) {}
  }
}
