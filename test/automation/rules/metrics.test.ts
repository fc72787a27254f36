import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type ContactHistory,
  conversationStarts,
  DAY_MS,
  type HistoryMessage,
} from '../../../backend/src/automation/rules/history'
import { metricsOf } from '../../../backend/src/automation/rules/metrics'

const MIN = 60_000
const NOW = Date.UTC(2026, 5, 1, 12)
const msg = (at: number, id = at): HistoryMessage => ({
  id,
  at,
  type: 'text',
  text: 'oi',
  intent: null,
  confidence: null,
  sentiment: null,
  language: null,
  products: null,
})
function history(inboundAt: number[], outbound: number[] = []): ContactHistory {
  const inbound = [...inboundAt].sort((a, b) => a - b).map((at, i) => msg(at, i + 1))
  return {
    inbound,
    outbound,
    starts: conversationStarts(inbound),
    messages30d: inboundAt.length + outbound.length,
  }
}

describe('conversations', () => {
  it('a gap of more than 30 minutes starts a new one; exactly 30 minutes does not', () => {
    expect(conversationStarts([0, 10 * MIN, 40 * MIN, 80 * MIN + 1].map((at) => ({ at })))).toEqual([
      0,
      80 * MIN + 1,
    ])
  })

  it('never count more conversations than messages, and at least one when there are messages (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 * DAY_MS }), { maxLength: 60 }), (times) => {
        const starts = conversationStarts(times.sort((a, b) => a - b).map((at) => ({ at })))
        expect(starts.length).toBeLessThanOrEqual(times.length)
        expect(starts.length > 0).toBe(times.length > 0)
      }),
    )
  })
})

describe('metrics', () => {
  it('activity score: 60 × recency (e^(−days/14)) + 40 × min(1, conversations/8)', () => {
    expect(metricsOf(history([NOW]), NOW, NOW).activityScore).toBe(65)
    expect(metricsOf(history([NOW - 14 * DAY_MS]), NOW - 14 * DAY_MS, NOW).activityScore).toBe(
      Math.round(60 / Math.E + 5),
    )
    const busy = Array.from({ length: 8 }, (_, i) => NOW - i * 3 * DAY_MS)
    expect(metricsOf(history(busy), NOW, NOW).activityScore).toBe(100)
    expect(metricsOf(history([]), null, NOW).activityScore).toBeNull()
  })

  it('inquiry frequency: conversations a week over the last 30 days', () => {
    const four = [1, 5, 9, 13].map((d) => NOW - d * DAY_MS)
    expect(metricsOf(history([...four, NOW - 31 * DAY_MS]), NOW, NOW).inquiryFrequency).toBe(0.93)
  })

  it('median response: from the first unanswered message to our next message', () => {
    // Waits of 10 min (two messages, one answer), 30 min and 2 min → median 10 min.
    const h = history(
      [NOW - 5 * DAY_MS, NOW - 5 * DAY_MS + MIN, NOW - 3 * DAY_MS, NOW - DAY_MS, NOW - 10 * MIN],
      [NOW - 5 * DAY_MS + 10 * MIN, NOW - 3 * DAY_MS + 30 * MIN, NOW - DAY_MS + 2 * MIN],
    )
    expect(metricsOf(h, NOW - 10 * MIN, NOW).medianResponseSeconds).toBe(600)
    expect(metricsOf(history([NOW - MIN]), NOW, NOW).medianResponseSeconds).toBeNull()
  })
})
