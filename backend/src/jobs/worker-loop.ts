import type { Logger } from '../lib/logger'

/**
 * What one pass tells the loop: `busy` — it found a full batch, run again at once; `idle` — wait
 * the poll interval (or a wake-up); `{ delayMs }` — the worker knows when its next work is due.
 */
export type PassOutcome = 'busy' | 'idle' | { delayMs: number }

export interface WorkerLoopOptions {
  /** Names the loop in logs and in health reports ("ingest", "sender" …). */
  name: string
  /** One pass over the worker's queue. Throwing counts as a failed pass and backs off. */
  pass: () => Promise<PassOutcome>
  /** How long an idle loop waits before it looks again (work from other processes, retries). */
  pollMs: number
  logger: Logger
  /** Lanes running passes side by side; each sleeps and wakes on its own. Default 1. */
  concurrency?: number
  /**
   * First wait after a failed pass (default `pollMs`); doubles per failure in a row up to `maxMs`
   * (default 10 s, so work resumes within seconds of the database coming back).
   */
  errorBackoff?: { baseMs?: number; maxMs?: number }
}

export interface LoopHealth {
  name: string
  running: boolean
  /** When the loop last started; a loop that has not ticked yet is judged from here. */
  startedAt: Date | null
  /** When a pass last ended, failed or not; null before the first. */
  lastTickAt: Date | null
  /** Failed passes since the last one that succeeded. */
  consecutiveFailures: number
  lastError: string | null
}

interface Lane {
  /** Set by a wake during this lane's pass: one more pass follows at once, however many wakes came. */
  again: boolean
  /** Ends the current sleep early; null while the lane runs a pass. */
  interrupt: (() => void) | null
  /** The current sleep is an error back-off, which a wake does not cut short. */
  backingOff: boolean
}

/**
 * The one polling loop every background worker runs on: passes while there is work, sleeps when
 * there is none, wakes on demand, backs off when a pass fails, and stops only after the pass in
 * progress has ended. Its timers are unref'd: a loop alone never keeps a process alive.
 */
export class WorkerLoop {
  readonly name: string
  private readonly lanes: Lane[] = []
  private lanePromises: Promise<void>[] = []
  private active = false
  private failures = 0
  private lastError: string | null = null
  #lastTickAt: Date | null = null
  private startedAt: Date | null = null

  constructor(private readonly options: WorkerLoopOptions) {
    this.name = options.name
  }

  get running(): boolean {
    return this.active
  }

  get lastTickAt(): Date | null {
    return this.#lastTickAt
  }

  start(): void {
    if (this.active) return
    this.active = true
    this.startedAt = new Date()
    const lanes = Math.max(1, this.options.concurrency ?? 1)
    this.lanes.length = 0
    for (let i = 0; i < lanes; i++) this.lanes.push({ again: false, interrupt: null, backingOff: false })
    this.lanePromises = this.lanes.map((lane) => this.runLane(lane))
  }

  /** Resolves once every lane has finished the pass it was in. */
  async stop(): Promise<void> {
    if (!this.active) {
      await Promise.all(this.lanePromises)
      return
    }
    this.active = false
    for (const lane of this.lanes) lane.interrupt?.()
    await Promise.all(this.lanePromises)
  }

  /** New work arrived: sleeping lanes pass now; a lane mid-pass passes once more right after. */
  wake(): void {
    if (!this.active) return
    for (const lane of this.lanes) {
      if (lane.interrupt) {
        if (!lane.backingOff) lane.interrupt()
      } else lane.again = true
    }
  }

  health(): LoopHealth {
    return {
      name: this.name,
      running: this.active,
      startedAt: this.startedAt,
      lastTickAt: this.#lastTickAt,
      consecutiveFailures: this.failures,
      lastError: this.lastError,
    }
  }

  private async runLane(lane: Lane): Promise<void> {
    while (this.active) {
      lane.again = false
      let wait: number
      let backingOff = false
      try {
        const outcome = await this.options.pass()
        this.failures = 0
        this.lastError = null
        wait =
          outcome === 'busy' ? 0 : outcome === 'idle' ? this.options.pollMs : Math.max(0, outcome.delayMs)
      } catch (error) {
        this.failures += 1
        this.lastError = error instanceof Error ? error.message : String(error)
        wait = this.backoffMs()
        backingOff = true
        // A warning, not an error: the pass is retried after the back-off (a database restart
        // shows as a few of these, then the loop carries on by itself).
        this.options.logger.warn(
          { err: this.lastError, loop: this.name, failures: this.failures, retryInMs: wait },
          `${this.name} pass failed; retrying`,
        )
      }
      this.#lastTickAt = new Date()
      if (!this.active) return
      if (lane.again && !backingOff) continue
      if (wait > 0) await this.sleep(lane, wait, backingOff)
    }
  }

  private backoffMs(): number {
    const base = this.options.errorBackoff?.baseMs ?? this.options.pollMs
    const max = this.options.errorBackoff?.maxMs ?? 10_000
    return Math.min(max, base * 2 ** Math.min(this.failures - 1, 20))
  }

  private sleep(lane: Lane, ms: number, backingOff: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        lane.interrupt = null
        lane.backingOff = false
        resolve()
      }
      const timer = setTimeout(done, ms)
      timer.unref()
      lane.backingOff = backingOff
      lane.interrupt = done
    })
  }
}

/** The loops one process runs, so health checks can ask each when it last ticked. */
export class LoopRegistry {
  private readonly loops = new Map<string, WorkerLoop>()

  add(...loops: WorkerLoop[]): void {
    for (const loop of loops) this.loops.set(loop.name, loop)
  }

  list(): WorkerLoop[] {
    return [...this.loops.values()]
  }

  health(): LoopHealth[] {
    return this.list().map((l) => l.health())
  }

  /** Running loops whose last pass ended (or, before the first, that started) over `maxAgeMs` ago. */
  stale(maxAgeMs: number, now = new Date()): LoopHealth[] {
    return this.health().filter((h) => {
      const since = h.lastTickAt ?? h.startedAt
      return h.running && since !== null && now.getTime() - since.getTime() > maxAgeMs
    })
  }
}
