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

/**
 * One row per contact, its messages as a JSON array of arrays: parsing one JSON text per contact
 * is several times cheaper than a driver row (and a Date) per message, which dominated the cost.
 * Each item: [id, inbound?, type, text, status, intent, confidence, sentiment, language, products, ms].
 */
type Item = [
  number,
  boolean,
  string,
  string | null,
  string,
  string | null,
  number | null,
  number | null,
  string | null,
  string[] | null,
  number,
]
type Row = { cid: string; total: number | null; items: Item[] | string }

/** Message types that are not the person writing (identity notices). */
const NOT_WRITTEN = new Set(['system'])

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
    select c.id as cid, h.items,
      -- Counted apart only when the history hit its cap; otherwise it holds the 30 days whole.
      case when h.n < ${HISTORY_CAP} then null else (
        select count(*)::int from messages m
        where m.contact_id = c.id::uuid and m.thread_visible
          and m.sent_at > ${since30.toISOString()}::timestamptz and m.sent_at <= ${window.now.toISOString()}::timestamptz
      ) end as total
    from jsonb_array_elements_text(${JSON.stringify(contactIds)}::jsonb) as c(id)
    cross join lateral (
      select coalesce(json_agg(json_build_array(m.id, m.direction = 'inbound', m.type,
        case when m.deleted_at is null and m.direction = 'inbound' then m.text end, m.status, m.intent,
        m.intent_confidence, m.sentiment, m.language, m.products,
        floor(extract(epoch from m.sent_at) * 1000))), '[]') as items, count(*) as n
      from (
        select * from messages m
        where m.contact_id = c.id::uuid and m.thread_visible
          and m.sent_at >= ${window.since.toISOString()}::timestamptz
          and m.sent_at <= ${window.until.toISOString()}::timestamptz
        order by m.sent_at desc nulls last, m.id desc nulls last
        limit ${HISTORY_CAP}
      ) m
    ) h`,
  )
  for (const id of contactIds) out.set(id, { inbound: [], outbound: [], starts: [], messages30d: 0 })
  for (const r of rows) {
    const h = out.get(r.cid)
    if (!h) continue
    const items: Item[] = typeof r.items === 'string' ? JSON.parse(r.items) : r.items
    const from30 = since30.getTime()
    const to = window.now.getTime()
    h.messages30d =
      r.total === null ? items.filter((i) => i[10] > from30 && i[10] <= to).length : Number(r.total)
    for (const [
      id,
      inbound,
      type,
      text,
      status,
      intent,
      confidence,
      sentiment,
      language,
      products,
      at,
    ] of items) {
      if (!inbound) {
        if (status !== 'failed') h.outbound.push(Number(at))
        continue
      }
      if (NOT_WRITTEN.has(type)) continue
      h.inbound.push({
        id: Number(id),
        at: Number(at),
        type,
        text,
        intent,
        confidence: confidence === null ? null : Number(confidence),
        sentiment: sentiment === null ? null : Number(sentiment),
        language,
        products,
      })
    }
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
