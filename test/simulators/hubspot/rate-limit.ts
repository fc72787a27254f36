/**
 * Per-portal rolling windows: HubSpot counts an OAuth app's calls per installing account over the
 * last 10 s (110 by default) and CRM search calls over the last second (5), separately.
 */

export class RollingWindow {
  private readonly hits = new Map<number, number[]>()

  constructor(
    readonly windowMs: number,
    public limit: number,
  ) {}

  /** Counts a call for `key` if the window has room; answers what is left either way. */
  take(key: number, now = Date.now()): { ok: boolean; remaining: number } {
    const hits = this.prune(key, now)
    if (hits.length >= this.limit) return { ok: false, remaining: 0 }
    hits.push(now)
    return { ok: true, remaining: this.limit - hits.length }
  }

  remaining(key: number, now = Date.now()): number {
    return Math.max(0, this.limit - this.prune(key, now).length)
  }

  reset(): void {
    this.hits.clear()
  }

  private prune(key: number, now: number): number[] {
    let hits = this.hits.get(key)
    if (!hits) {
      hits = []
      this.hits.set(key, hits)
    }
    let drop = 0
    while (drop < hits.length && hits[drop] <= now - this.windowMs) drop++
    if (drop) hits.splice(0, drop)
    return hits
  }
}
