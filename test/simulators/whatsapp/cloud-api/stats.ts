/** Counters behind `simulator.stats()`. */
import type { SimulatorStats } from './types'

type Violation = keyof SimulatorStats['violations']

export class StatsRecorder {
  private s: SimulatorStats = StatsRecorder.empty()
  private startSecond = Math.floor(Date.now() / 1000)
  private readonly clientIds = new Set<string>()

  static empty(): SimulatorStats {
    return {
      accepted: 0,
      rejected: {},
      violations: { throughput: 0, pair: 0, tier: 0, window: 0 },
      duplicatesByClientId: 0,
      perSecond: [],
      perSecondByNumber: {},
      statusesDelivered: 0,
      failed: {},
      webhookFailures: 0,
      markedRead: 0,
      faults: { http5xx: 0, http429: 0, garbage: 0, timeouts: 0, lostAnswers: 0 },
    }
  }

  reset(): void {
    this.s = StatsRecorder.empty()
    this.startSecond = Math.floor(Date.now() / 1000)
    this.clientIds.clear()
  }

  /** Counts an accepted message; returns whether its client id (biz_opaque_callback_data) repeats one. */
  accepted(phoneNumberId: string, at: number, clientId: string | undefined): boolean {
    this.s.accepted += 1
    const second = Math.max(0, Math.floor(at / 1000) - this.startSecond)
    bump(this.s.perSecond, second)
    this.s.perSecondByNumber[phoneNumberId] ??= []
    bump(this.s.perSecondByNumber[phoneNumberId], second)
    if (clientId === undefined) return false
    if (this.clientIds.has(clientId)) {
      this.s.duplicatesByClientId += 1
      return true
    }
    this.clientIds.add(clientId)
    return false
  }

  rejected(code: number): void {
    this.s.rejected[code] = (this.s.rejected[code] ?? 0) + 1
  }

  violation(kind: Violation): void {
    this.s.violations[kind] += 1
  }

  failed(code: number): void {
    this.s.failed[code] = (this.s.failed[code] ?? 0) + 1
  }

  statusesDelivered(n: number): void {
    this.s.statusesDelivered += n
  }

  webhookFailure(): void {
    this.s.webhookFailures += 1
  }

  markedRead(): void {
    this.s.markedRead += 1
  }

  fault(kind: keyof SimulatorStats['faults']): void {
    this.s.faults[kind] += 1
  }

  snapshot(): SimulatorStats {
    return structuredClone(this.s)
  }
}

function bump(series: number[], index: number): void {
  while (series.length <= index) series.push(0)
  series[index] += 1
}
