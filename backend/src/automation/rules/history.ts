import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'

/**
 * What rules and metrics read about a person: their recent messages, loaded for a whole batch of
 * contacts in one statement (a LATERAL per contact on messages_thread_idx).
 */

export const DAY_MS = 86_400_000
/**
 * An interaction is a conversation: a customer message more than this long after their previous
 * one starts a new conversation. Thirty minutes is the usual session gap in chat analytics; a
 * burst of ten messages is one interaction, a question in the morning and another at night are two.
 */
export const CONVERSATION_GAP_MS = 30 * 60_000
/** Metrics cover this period (messages_30d, inquiry_frequency, median_response_seconds). */
export const METRICS_WINDOW_MS = 30 * DAY_MS
/** Most messages read per person; counts over longer histories saturate here. */
export const HISTORY_CAP = 500

export interface HistoryMessage {
  id: number
  /** sent_at in ms. */
  at: number
  type: string
  text: string | null
  intent: string | null
  confidence: number | null
  sentiment: number | null
  language: string | null
  products: string[] | null
}

export interface ContactHistory {
  /** Customer messages, oldest first. */
  inbound: HistoryMessage[]
  /** Our messages that did not fail, oldest first (answers for the response time). */
  outbound: number[]
  /** Times at which a conversation started, oldest first. */
  starts: number[]
  /** Messages both ways in the 30 days before `now`. */
  messages30d: number
}

type Row = {
  cid: string
  total: number
  id: string | number | null
  direction: 'inbound' | 'outbound' | null
  type: string | null
  text: string | null
  status: string | null
  intent: string | null
  intent_confidence: number | null
  sentiment: number | null
  language: string | null
  products: string[] | null
  sent_at: string | Date | null
}

/** Message types that are not the person writing (identity notices). */
const NOT_WRITTEN = ['system']

export async function loadHistories(
  tx: Executor,
  contactIds: string[],
  window: { since: Date; until: Date; now: Date },
): Promise<Map<string, ContactHistory>> {
  const out = new Map<string, ContactHistory>()
  if (contactIds.length === 0) return out
  const since30 = new Date(window.now.getTime() - METRICS_WINDOW_MS)
  const rows = await queryRows<Row>(
    tx,
    sql`
    select c.id as cid, n.total, h.id, h.direction, h.type, h.text, h.status, h.intent, h.intent_confidence,
      h.sentiment, h.language, h.products, h.sent_at
    from jsonb_array_elements_text(${JSON.stringify(contactIds)}::jsonb) as c(id)
    cross join lateral (
      select count(*)::int as total from messages m
      where m.contact_id = c.id::uuid and m.thread_visible
        and m.sent_at > ${since30.toISOString()}::timestamptz and m.sent_at <= ${window.now.toISOString()}::timestamptz
    ) n
    left join lateral (
      select m.id, m.direction, m.type, case when m.deleted_at is null then m.text end as text, m.status,
        m.intent, m.intent_confidence, m.sentiment, m.language, m.products, m.sent_at
      from messages m
      where m.contact_id = c.id::uuid and m.thread_visible
        and m.sent_at >= ${window.since.toISOString()}::timestamptz
        and m.sent_at <= ${window.until.toISOString()}::timestamptz
      order by m.sent_at desc nulls last, m.id desc nulls last
      limit ${HISTORY_CAP}
    ) h on true`,
  )
  for (const id of contactIds) out.set(id, { inbound: [], outbound: [], starts: [], messages30d: 0 })
  for (const r of rows) {
    const h = out.get(r.cid)
    if (!h) continue
    h.messages30d = Number(r.total)
    if (r.id === null || r.sent_at === null) continue
    const at = new Date(r.sent_at).getTime()
    if (r.direction === 'outbound') {
      if (r.status !== 'failed') h.outbound.push(at)
      continue
    }
    if (NOT_WRITTEN.includes(r.type ?? '')) continue
    h.inbound.push({
      id: Number(r.id),
      at,
      type: r.type ?? 'text',
      text: r.text,
      intent: r.intent,
      confidence: r.intent_confidence === null ? null : Number(r.intent_confidence),
      sentiment: r.sentiment === null ? null : Number(r.sentiment),
      language: r.language,
      products: r.products,
    })
  }
  for (const h of out.values()) {
    h.inbound.sort((a, b) => a.at - b.at || a.id - b.id)
    h.outbound.sort((a, b) => a - b)
    h.starts = conversationStarts(h.inbound)
  }
  return out
}

/** Start times of the conversations in a person's messages (oldest first). */
export function conversationStarts(inbound: { at: number }[]): number[] {
  const starts: number[] = []
  let previous = Number.NEGATIVE_INFINITY
  for (const m of inbound) {
    if (m.at - previous > CONVERSATION_GAP_MS) starts.push(m.at)
    previous = m.at
  }
  return starts
}

/** Conversations that started in [from, to]. Windows are exact durations: no calendar, no zone. */
export function startsBetween(starts: number[], from: number, to: number): number {
  let n = 0
  for (const s of starts) if (s >= from && s <= to) n += 1
  return n
}

/** The person's messages up to a moment (their history as it was then). */
export function inboundUpTo(history: ContactHistory, at: number, id: number | null): HistoryMessage[] {
  return history.inbound.filter((m) => m.at < at || (m.at === at && (id === null || m.id <= id)))
}
