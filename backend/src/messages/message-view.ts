import {
  explainSendFailure,
  INTENT_SUGGESTION_BELOW,
  type MessageStatus,
  messageStatusSchema,
  type ThreadMessage,
} from '@scrm/shared'
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '../db/client'
import { type Message, messages } from '../db/schema'
import { NotFoundError } from '../lib/errors'
import { displayPgJson, displayPgText } from '../lib/pg-text'

/** One message as the thread shows it (used to answer a send with the queued bubble). */
export async function getMessageView(db: Database, messageId: number): Promise<ThreadMessage> {
  const [row] = await db.select().from(messages).where(eq(messages.id, messageId))
  if (!row) throw new Error(`message ${messageId} not found`)
  const reactions = await loadReactions(db, [row])
  return toThreadMessage(row, reactions.get(`${row.channelId}|${row.wamid}`) ?? [])
}

/** One of the workspace's messages as the thread shows it: its state and, when in trouble, why. */
export async function getWorkspaceMessageView(
  db: Database,
  workspaceId: string,
  messageId: number,
): Promise<ThreadMessage> {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.id, messageId), eq(messages.workspaceId, workspaceId)))
  if (!row) throw new NotFoundError('No such message in this workspace.')
  const reactions = await loadReactions(db, [row])
  return toThreadMessage(row, reactions.get(`${row.channelId}|${row.wamid}`) ?? [])
}

type Reaction = ThreadMessage['reactions'][number]

/** The latest reaction per side on each shown message; a reaction without emoji removed it. */
export async function loadReactions(db: Database, shown: Message[]): Promise<Map<string, Reaction[]>> {
  const withWamid = shown.filter((m) => m.wamid)
  const out = new Map<string, Reaction[]>()
  if (withWamid.length === 0) return out
  const rows = await db
    .select({
      channelId: messages.channelId,
      target: messages.relatedWamid,
      emoji: messages.text,
      direction: messages.direction,
      at: messages.sentAt,
    })
    .from(messages)
    .where(
      and(
        inArray(messages.channelId, [...new Set(withWamid.map((m) => m.channelId))]),
        inArray(
          messages.relatedWamid,
          withWamid.map((m) => m.wamid as string),
        ),
        eq(messages.type, 'reaction'),
      ),
    )
    .orderBy(asc(messages.sentAt), asc(messages.id))
  const latest = new Map<string, { key: string; reaction: Reaction | null }>()
  for (const r of rows) {
    const key = `${r.channelId}|${r.target}`
    latest.set(`${key}|${r.direction}`, {
      key,
      reaction: r.emoji
        ? { emoji: displayPgText(r.emoji), direction: r.direction, at: r.at.toISOString() }
        : null,
    })
  }
  for (const { key, reaction } of latest.values()) {
    if (!reaction) continue
    out.set(key, [...(out.get(key) ?? []), reaction])
  }
  return out
}

export function toThreadMessage(m: Message, reactions: Reaction[]): ThreadMessage {
  const status = messageStatusSchema.safeParse(m.status)
  const hasMedia = m.mediaId || m.mediaUrl
  return {
    id: String(m.id),
    wamid: m.wamid,
    direction: m.direction,
    type: m.type,
    // Stored text is escaped (lib/pg-text); shown decoded, NUL and invisible controls as visible pictures.
    text: m.deletedAt ? null : displayPgText(m.text),
    content: m.deletedAt ? {} : displayPgJson(m.payload),
    media:
      hasMedia && !m.deletedAt
        ? {
            id: m.mediaId,
            mime_type: m.mediaMimeType,
            sha256: m.mediaSha256,
            filename: displayPgText(m.mediaFilename),
            // Meta's link lives minutes and carries no access of ours: cards get our signed link (media/).
            url: null,
          }
        : null,
    status: status.success ? status.data : ('sent' satisfies MessageStatus),
    status_at: m.statusAt?.toISOString() ?? null,
    error:
      m.errorCode !== null || (m.errorReason ?? null) !== null
        ? {
            code: m.errorCode,
            title: displayPgText(m.errorTitle),
            details: displayPgText(m.errorDetails),
            reason: m.errorReason ?? null,
            explanation: explainSendFailure(m.errorReason ?? null),
          }
        : null,
    sender: m.sender as ThreadMessage['sender'],
    sent_at: m.sentAt.toISOString(),
    reply_to: m.relatedWamid,
    edited_at: m.editedAt?.toISOString() ?? null,
    original_text: m.deletedAt ? null : displayPgText(m.originalText),
    deleted_at: m.deletedAt?.toISOString() ?? null,
    reactions,
    intent: m.intent
      ? {
          value: m.intent,
          confidence: m.intentConfidence ?? 0,
          suggestion: (m.intentConfidence ?? 0) < INTENT_SUGGESTION_BELOW,
        }
      : null,
    intents: m.intents ?? (m.intent ? [{ value: m.intent, confidence: m.intentConfidence ?? 0 }] : null),
    sentiment: m.sentiment,
    language: m.language,
    products: m.products,
  }
}
