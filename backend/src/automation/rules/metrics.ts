import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type ContactHistory, DAY_MS, METRICS_WINDOW_MS, startsBetween } from './history'

/**
 * Per-contact activity figures the CRM cards and reports use, computed from the same history the
 * rules read (no extra query) and written in one statement per batch.
 *
 * - `inquiry_frequency`: conversations a week over the last 30 days (conversations as in
 *   history.ts: a gap of more than 30 min starts a new one).
 * - `activity_score` (0–100) = 60 × recency + 40 × frequency, where recency = e^(−d/14) with d
 *   the days since their last message (halves about every 10 days: 60 today, ~30 after 10 days,
 *   ~7 after a month, ~0 after two), and frequency = min(1, conversations in 30 days / 8), i.e.
 *   two conversations a week or more is full marks. Someone who wrote today for the first time
 *   scores 65; someone chatting twice a week and today, 100.
 * - `messages_30d`: messages both ways in the last 30 days.
 * - `median_response_seconds`: over the last 30 days, for each time they wrote while not waiting
 *   for us already, the delay to our next message; the median of those delays.
 */

export interface ContactMetrics {
  activityScore: number | null
  inquiryFrequency: number
  messages30d: number
  medianResponseSeconds: number | null
}

export const RECENCY_DAYS = 14
export const FULL_FREQUENCY_CONVERSATIONS = 8

export function metricsOf(h: ContactHistory, lastInboundAt: number | null, now: number): ContactMetrics {
  const conversations = startsBetween(h.starts, now - METRICS_WINDOW_MS, now)
  const last = Math.max(lastInboundAt ?? 0, h.inbound.at(-1)?.at ?? 0)
  const recency = last > 0 ? Math.exp(-Math.max(0, now - last) / DAY_MS / RECENCY_DAYS) : 0
  const frequency = Math.min(1, conversations / FULL_FREQUENCY_CONVERSATIONS)
  return {
    activityScore: last > 0 ? Math.round(60 * recency + 40 * frequency) : null,
    inquiryFrequency: Math.round((conversations / (METRICS_WINDOW_MS / (7 * DAY_MS))) * 100) / 100,
    messages30d: h.messages30d,
    medianResponseSeconds: medianResponse(h, now - METRICS_WINDOW_MS, now),
  }
}

function medianResponse(h: ContactHistory, from: number, to: number): number | null {
  const delays: number[] = []
  let waitingSince: number | null = null
  let o = 0
  for (const m of h.inbound) {
    // Our answers before this message close the wait they answered.
    while (o < h.outbound.length && (h.outbound[o] as number) < m.at) {
      if (waitingSince !== null) {
        if (waitingSince >= from) delays.push((h.outbound[o] as number) - waitingSince)
        waitingSince = null
      }
      o += 1
    }
    if (waitingSince === null && m.at <= to) waitingSince = m.at
  }
  if (waitingSince !== null && o < h.outbound.length && waitingSince >= from)
    delays.push((h.outbound[o] as number) - waitingSince)
  if (delays.length === 0) return null
  delays.sort((a, b) => a - b)
  const mid = Math.floor(delays.length / 2)
  const median =
    delays.length % 2 ? (delays[mid] as number) : ((delays[mid - 1] as number) + (delays[mid] as number)) / 2
  return Math.round(median / 1000)
}

/** One UPDATE for the batch; `metrics_at` also tells the sweep when a contact was last looked at. */
export async function writeMetrics(
  tx: Executor,
  rows: { id: string; metrics: ContactMetrics }[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return
  const values = rows
    .map((r) => ({
      id: r.id,
      activity_score: r.metrics.activityScore,
      inquiry_frequency: r.metrics.inquiryFrequency,
      messages_30d: r.metrics.messages30d,
      median_response_seconds: r.metrics.medianResponseSeconds,
    }))
    .sort((a, b) => a.id.localeCompare(b.id))
  await tx.execute(sql`
    update contacts c set
      activity_score = v.activity_score,
      inquiry_frequency = v.inquiry_frequency,
      messages_30d = v.messages_30d,
      median_response_seconds = v.median_response_seconds,
      metrics_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, activity_score real,
      inquiry_frequency real, messages_30d int, median_response_seconds real)
    where c.id = v.id`)
}
