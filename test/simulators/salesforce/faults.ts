/** Injected failures: the next N requests matching a method and path prefix fail. */
import type { FaultMatch, FaultStatus, SimFaults } from './types'

interface Rule extends FaultMatch {
  remaining: number
  status: FaultStatus
}

export class FaultQueue implements SimFaults {
  private rules: Rule[] = []

  failNext(match: FaultMatch, n: number, status: FaultStatus): void {
    if (!Number.isInteger(n) || n < 1) throw new Error(`failNext needs a positive count, got ${n}`)
    this.rules.push({ ...match, method: match.method?.toUpperCase(), remaining: n, status })
  }

  clear(): void {
    this.rules = []
  }

  /** The fault for this request (path relative to the API version root, and the full path), consuming one use. */
  take(method: string, paths: string[]): FaultStatus | undefined {
    const rule = this.rules.find(
      (r) =>
        r.remaining > 0 &&
        (!r.method || r.method === method.toUpperCase()) &&
        (!r.pathPrefix || paths.some((p) => p.startsWith(r.pathPrefix as string))),
    )
    if (!rule) return undefined
    rule.remaining -= 1
    if (rule.remaining === 0) this.rules = this.rules.filter((r) => r !== rule)
    return rule.status
  }

  pending(): Array<FaultMatch & { remaining: number; status: FaultStatus }> {
    return this.rules.map((r) => ({ ...r }))
  }
}
