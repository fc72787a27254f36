import { setTimeout as sleep } from 'node:timers/promises'

export interface DutyClock {
  now(): number
  sleep(ms: number): Promise<unknown>
}

const realClock: DutyClock = { now: () => performance.now(), sleep: (ms) => sleep(ms) }

/**
 * Paces background work that shares a process and a database with latency-sensitive work (the
 * archive beside webhook acks): after each unit of work it rests long enough that the work took at
 * most `share` of the wall time. Busy time is measured as wall time, so a unit slowed by a loaded
 * database or CPU counts as more work and earns a longer rest: the job backs off exactly when the
 * system is busiest.
 */
export class DutyCycle {
  #since: number

  constructor(
    /** The share of wall time the work may take, in (0, 1]; 1 never rests beyond `minRestMs`. */
    private readonly share: number,
    /** The shortest rest between two units (lets others' queued I/O through even at share 1). */
    private readonly minRestMs = 0,
    private readonly clock: DutyClock = realClock,
  ) {
    if (!(share > 0 && share <= 1)) throw new RangeError(`duty share must be in (0, 1], got ${share}`)
    this.#since = clock.now()
  }

  /** Call after a unit of work; resolves when the next unit may start. */
  async rest(): Promise<void> {
    const busy = this.clock.now() - this.#since
    const ms = Math.max(this.minRestMs, (busy * (1 - this.share)) / this.share)
    if (ms >= 1) await this.clock.sleep(ms)
    else await new Promise<void>((resolve) => setImmediate(resolve))
    this.#since = this.clock.now()
  }
}
