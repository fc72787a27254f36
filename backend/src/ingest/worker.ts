import type { Database } from '../db/client'
import type { Logger } from '../lib/logger'
import { claimEvents } from './event-queue'
import { type ProcessOutcome, processEvents } from './process-events'

export interface IngestWorkerOptions {
  concurrency: number
  batchSize: number
  maxAttempts: number
  /** How often an idle loop looks for due work (retries, other processes' deliveries). */
  pollMs: number
  logger: Logger
  /** Called after a batch stored messages: automation and CRM sync have new work. */
  onMessages?: () => void
}

/**
 * Loops that drain the webhook event queue. In-process by default: the webhook route wakes it
 * as soon as a delivery is stored; as its own process it polls.
 */
export class IngestWorker {
  private running = false
  private loops: Promise<void>[] = []
  private wakers: (() => void)[] = []
  readonly totals: ProcessOutcome = {
    processed: 0,
    unrouted: 0,
    retried: 0,
    dead: 0,
    messages: 0,
    statuses: 0,
    inbound: 0,
    intelligenceMs: 0,
  }
  /**
   * Per processed batch: intelligence milliseconds per new customer message (the benchmark's
   * "cost of intelligence"); the latest 10,000 batches.
   */
  readonly intelligenceSamples: number[] = []

  constructor(
    private readonly db: Database,
    private readonly options: IngestWorkerOptions,
  ) {}

  start(): void {
    if (this.running) return
    this.running = true
    this.loops = Array.from({ length: this.options.concurrency }, () => this.loop())
  }

  async stop(): Promise<void> {
    this.running = false
    this.wake()
    await Promise.all(this.loops)
  }

  wake(): void {
    const wakers = this.wakers
    this.wakers = []
    for (const w of wakers) w()
  }

  /** Processes one batch; returns how many events it took. Tests and the CLI call it directly. */
  async runOnce(): Promise<number> {
    const events = await claimEvents(this.db, this.options.batchSize)
    if (events.length === 0) return 0
    const outcome = await processEvents(this.db, events, this.options)
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

  private async loop(): Promise<void> {
    while (this.running) {
      let took = 0
      try {
        took = await this.runOnce()
      } catch (error) {
        this.options.logger.error({ err: (error as Error).message }, 'ingest worker could not claim events')
      }
      if (took === 0 && this.running) await this.sleep(this.options.pollMs)
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.wakers.push(done)
    })
  }
}
