import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import type { InboundInsights } from '../intelligence/classify-inbound'
import { INTENT_MIN_CONFIDENCE, SENTIMENT_WEIGHT } from '../intelligence/message-insights'

/** A customer message stored in this batch, with what it says. */
export interface ClassifiedMessage {
  messageId: number
  contactId: string
  workspaceId: string
  sentAt: Date
  insights: InboundInsights
}

/**
 * Each contact's latest specific intent (with the message that showed it) and the moving average
 * of their sentiment. k new scores s1..sk fold in as old × (1-w)^k + Σ w(1-w)^(k-i) s_i, so one
 * UPDATE per batch gives the same result as one per message; a first score starts the average.
 */
export async function updateContactInsights(tx: Executor, msgs: ClassifiedMessage[]): Promise<void> {
  type Fold = {
    id: string
    keep: number
    add: number
    n: number
    at: string
    intent: string | null
    confidence: number | null
    message_id: number | null
    intent_at: string | null
  }
  const byContact = new Map<string, Fold>()
  const ordered = [...msgs].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime())
  for (const m of ordered) {
    const { insights: found, messageId } = m
    const id = m.contactId
    const f = byContact.get(id) ?? {
      id,
      keep: 1,
      add: 0,
      n: 0,
      at: '',
      intent: null,
      confidence: null,
      message_id: null,
      intent_at: null,
    }
    f.keep *= 1 - SENTIMENT_WEIGHT
    f.add = f.add * (1 - SENTIMENT_WEIGHT) + SENTIMENT_WEIGHT * found.sentiment
    f.n += 1
    f.at = m.sentAt.toISOString()
    if (found.intent !== 'other' && found.confidence >= INTENT_MIN_CONFIDENCE) {
      f.intent = found.intent
      f.confidence = found.confidence
      f.message_id = messageId
      f.intent_at = m.sentAt.toISOString()
    }
    byContact.set(id, f)
  }
  if (byContact.size === 0) return
  const rows = [...byContact.values()].sort((a, b) => a.id.localeCompare(b.id))
  await tx.execute(sql`
    update contacts c set
      sentiment = case when c.sentiment is null then v.add / (1 - v.keep) else c.sentiment * v.keep + v.add end,
      sentiment_messages = c.sentiment_messages + v.n,
      sentiment_at = greatest(c.sentiment_at, v.at),
      last_intent = case when v.intent is not null and (c.last_intent_at is null or c.last_intent_at <= v.intent_at) then v.intent else c.last_intent end,
      last_intent_confidence = case when v.intent is not null and (c.last_intent_at is null or c.last_intent_at <= v.intent_at) then v.confidence else c.last_intent_confidence end,
      last_intent_message_id = case when v.intent is not null and (c.last_intent_at is null or c.last_intent_at <= v.intent_at) then v.message_id else c.last_intent_message_id end,
      last_intent_at = case when v.intent is not null and (c.last_intent_at is null or c.last_intent_at <= v.intent_at) then v.intent_at else c.last_intent_at end
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, keep float8, add float8, n int, at timestamptz,
      intent text, confidence real, message_id bigint, intent_at timestamptz)
    where c.id = v.id`)
}
