import type { Executor } from '../db/client'
import type { Logger } from '../lib/logger'
import { type LeaseTarget, renewLeases } from './lease-claim'

export interface LeaseTiming {
  /** A claim's lease: how long a dead worker's rows stay taken. */
  leaseMs: number
  /** How often live work renews it; capped at a third of the lease, so two missed beats are survivable. */
  heartbeatMs: number
}

/** Short leases, renewed while the work goes on: a crashed worker's rows come back within `leaseMs`. */
export const DEFAULT_LEASE: LeaseTiming = { leaseMs: 15_000, heartbeatMs: 5_000 }

export interface HeldRow {
  id: number | string
  /** The claim's attempt count where the queue keeps one: it fences renewal after a takeover. */
  attempts?: number
}

/**
 * Renews the leases of the rows this process is working on, every heartbeat, until released. A row
 * renewal no longer finds (finished, re-queued, or taken over after a stall) is dropped. A failed
 * beat (database away) is logged and retried at the next one: the work itself fails or finishes on
 * its own, and a lease that ran out meanwhile is what lets another worker take over.
 */
export class LeaseHeartbeat {
  private readonly held = new Map<string, HeldRow>()
  private timer: NodeJS.Timeout | null = null
  private beating: Promise<void> | null = null
  private readonly everyMs: number

  constructor(
    private readonly db: Executor,
    private readonly target: LeaseTarget,
    private readonly timing: LeaseTiming,
    private readonly logger: Logger,
  ) {
    this.everyMs = Math.max(10, Math.min(timing.heartbeatMs, Math.floor(timing.leaseMs / 3)))
  }

  /** Rows held right now (tests, diagnostics). */
  get size(): number {
    return this.held.size
  }

  hold(rows: readonly HeldRow[]): void {
    for (const row of rows) this.held.set(String(row.id), { id: row.id, attempts: row.attempts })
    if (this.held.size > 0 && !this.timer) {
      this.timer = setInterval(() => void this.beat(), this.everyMs)
      this.timer.unref()
    }
  }

  release(ids: readonly (number | string)[]): void {
    for (const id of ids) this.held.delete(String(id))
    if (this.held.size === 0 && this.timer) {
      clearInterval(this.timer)
      this.timer = null
    }
  }

  /** Holds `rows` while `work` runs, released however it ends. */
  async during<T>(rows: readonly HeldRow[], work: () => Promise<T>): Promise<T> {
    this.hold(rows)
    try {
      return await work()
    } finally {
      this.release(rows.map((r) => r.id))
    }
  }

  /** One renewal now; overlapping beats (a slow database) are skipped, not queued. */
  beat(): Promise<void> {
    if (this.beating) return this.beating
    this.beating = this.renew().finally(() => {
      this.beating = null
    })
    return this.beating
  }

  private async renew(): Promise<void> {
    const rows = [...this.held.values()]
    if (rows.length === 0) return
    try {
      const renewed = new Set(await renewLeases(this.db, this.target, rows, this.timing.leaseMs))
      const gone = rows.filter((r) => !renewed.has(String(r.id)) && this.held.has(String(r.id)))
      if (gone.length > 0) {
        this.logger.debug({ table: this.target.table, rows: gone.length }, 'leases no longer held')
        this.release(gone.map((r) => r.id))
      }
    } catch (error) {
      this.logger.warn(
        { err: (error as Error).message, table: this.target.table, rows: rows.length },
        'lease renewal failed; retrying at the next heartbeat',
      )
    }
  }
}
