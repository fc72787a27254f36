/**
 * The rules Meta enforces on a sender, each measured the way README.md "Limits" describes:
 * throughput (sliding 1 s window per number), pair rate (token bucket per number × recipient),
 * messaging tier (unique business-initiated recipients per rolling 24 h per number) and the 24 h
 * customer-service window (last inbound per number × customer).
 */

/** Timestamps of the last `windowMs`; counts what is inside the window ending now. */
export class SlidingWindow {
  private readonly times: number[] = []
  private head = 0

  constructor(private readonly windowMs: number) {}

  count(now: number): number {
    while (this.head < this.times.length && this.times[this.head] <= now - this.windowMs) this.head += 1
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head)
      this.head = 0
    }
    return this.times.length - this.head
  }

  add(now: number): void {
    this.times.push(now)
  }
}

/**
 * Accepted messages per number in a sliding 1 s window: a message fits when fewer than `mps` were
 * accepted in the second before it. Refused requests do not count, so at most `mps` messages are
 * accepted in any 1 s interval (and so in any wall-clock second).
 */
export class ThroughputLimiter {
  private readonly windows = new Map<string, SlidingWindow>()

  fits(phoneNumberId: string, mps: number, now: number): boolean {
    return this.window(phoneNumberId).count(now) < mps
  }

  record(phoneNumberId: string, now: number): void {
    this.window(phoneNumberId).add(now)
  }

  /** Messages accepted in the second ending now. */
  used(phoneNumberId: string, now: number): number {
    return this.window(phoneNumberId).count(now)
  }

  reset(): void {
    this.windows.clear()
  }

  private window(phoneNumberId: string): SlidingWindow {
    let w = this.windows.get(phoneNumberId)
    if (!w) {
      w = new SlidingWindow(1000)
      this.windows.set(phoneNumberId, w)
    }
    return w
  }
}

/**
 * Pair rule as a token bucket per (number, recipient): capacity `burst`, one token back every
 * `perSeconds` seconds, full at the first message. With burst 1 that is "at least `perSeconds` between
 * two accepted messages to the same recipient"; with burst N, N back-to-back and then one per period.
 */
export class PairLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  tryTake(key: string, perSeconds: number, burst: number, now: number): boolean {
    const periodMs = perSeconds * 1000
    const b = this.buckets.get(key) ?? { tokens: burst, at: now }
    const refilled = periodMs > 0 ? Math.min(burst, b.tokens + (now - b.at) / periodMs) : burst
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, at: now })
      return false
    }
    this.buckets.set(key, { tokens: refilled - 1, at: now })
    return true
  }

  reset(): void {
    this.buckets.clear()
  }
}

/**
 * Distinct recipients of business-initiated messages per number over a rolling window. A recipient
 * already counted inside the window costs nothing; a new one beyond `limit` is refused.
 */
export class TierTracker {
  /** number → (recipient → last business-initiated send), oldest first. */
  private readonly recipients = new Map<string, Map<string, number>>()

  constructor(private readonly windowMs: number) {}

  /** `ok` (and counts it) or `over` (not counted). `limit` null = unlimited. */
  take(phoneNumberId: string, recipient: string, limit: number | null, now: number): 'ok' | 'over' {
    let seen = this.recipients.get(phoneNumberId)
    if (!seen) {
      seen = new Map()
      this.recipients.set(phoneNumberId, seen)
    }
    for (const [r, at] of seen) {
      if (at > now - this.windowMs) break
      seen.delete(r)
    }
    if (!seen.has(recipient) && limit !== null && seen.size >= limit) return 'over'
    seen.delete(recipient) // re-insert to keep the map ordered by time
    seen.set(recipient, now)
    return 'ok'
  }

  /** Recipients counted in the window ending now. */
  used(phoneNumberId: string, now: number): number {
    const seen = this.recipients.get(phoneNumberId)
    if (!seen) return 0
    let n = 0
    for (const at of seen.values()) if (at > now - this.windowMs) n += 1
    return n
  }

  reset(): void {
    this.recipients.clear()
  }
}

/** Last inbound message per (number, customer); the window is open for `windowMs` after it. */
export class ServiceWindows {
  private readonly lastInbound = new Map<string, number>()

  constructor(private readonly windowMs: number) {}

  record(phoneNumberId: string, customer: string, at: number): void {
    const key = `${phoneNumberId}|${customer}`
    this.lastInbound.set(key, Math.max(at, this.lastInbound.get(key) ?? 0))
  }

  isOpen(phoneNumberId: string, customer: string, now: number): boolean {
    const at = this.lastInbound.get(`${phoneNumberId}|${customer}`)
    return at !== undefined && at <= now && now - at < this.windowMs
  }

  reset(): void {
    this.lastInbound.clear()
  }
}
