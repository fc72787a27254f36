import { and, inArray, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { messages } from '../db/schema'
import {
  countKeywords,
  forgetKeywords,
  STORED_KEYWORD_COLUMNS,
  type StoredKeywordMessage,
  storedKeywordSources,
} from '../intelligence/keywords/record-keywords'
import type { MessageRecord } from './message-record'

/**
 * Edits and deletions change their target. Both orders work: an edit stored before its original
 * arrives is applied when the original is inserted.
 */
export async function applyEditsAndRevokes(
  tx: Executor,
  msgs: MessageRecord[],
  inserted: { has(key: string): boolean },
): Promise<void> {
  const changes = msgs.filter(
    (m) => (m.content.type === 'edit' || m.content.type === 'revoke') && m.content.relatedWamid,
  )
  const newTargets = msgs.filter((m) => m.content.threadVisible && inserted.has(`${m.channel.id}|${m.wamid}`))
  const pending: { channel_id: string; target: string; type: string; text: string | null; at: string }[] =
    changes.map((m) => ({
      channel_id: m.channel.id,
      target: m.content.relatedWamid as string,
      type: m.content.type,
      text: m.content.text,
      at: m.sentAt.toISOString(),
    }))
  if (newTargets.length > 0) {
    const earlier = await tx
      .select({
        channelId: messages.channelId,
        target: messages.relatedWamid,
        type: messages.type,
        text: messages.text,
        at: messages.sentAt,
      })
      .from(messages)
      .where(
        and(
          inArray(messages.channelId, [...new Set(newTargets.map((m) => m.channel.id))]),
          inArray(
            messages.relatedWamid,
            newTargets.map((m) => m.wamid),
          ),
          inArray(messages.type, ['edit', 'revoke']),
        ),
      )
    for (const e of earlier) {
      if (!e.target) continue
      pending.push({
        channel_id: e.channelId,
        target: e.target,
        type: e.type,
        text: e.text,
        at: e.at.toISOString(),
      })
    }
  }
  const edits = latestPerTarget(pending.filter((p) => p.type === 'edit'))
  const revokes = latestPerTarget(pending.filter((p) => p.type === 'revoke'))
  if (edits.length > 0) {
    // The text before the edit is read under the row lock, so the keyword counts follow the edit.
    const changed = await queryRows<StoredKeywordMessage & { before: string | null }>(
      tx,
      sql`
      with v as (select * from jsonb_to_recordset(${JSON.stringify(edits)}::jsonb) as v(channel_id uuid, target text, text text, at timestamptz)),
      old as (select m.id, m.text from messages m join v on m.channel_id = v.channel_id and m.wamid = v.target
              where m.edited_at is null or m.edited_at < v.at for update of m)
      update messages m set
        original_text = coalesce(m.original_text, m.text),
        text = v.text,
        edited_at = v.at
      from v, old
      where old.id = m.id and m.channel_id = v.channel_id and m.wamid = v.target
      returning ${STORED_KEYWORD_COLUMNS}, old.text as before`,
    )
    await forgetKeywords(tx, storedKeywordSources(changed.map((c) => ({ ...c, text: c.before }))))
    await countKeywords(tx, storedKeywordSources(changed))
  }
  if (revokes.length > 0) {
    const revoked = await queryRows<StoredKeywordMessage>(
      tx,
      sql`
      update messages m set deleted_at = v.at
      from jsonb_to_recordset(${JSON.stringify(revokes)}::jsonb) as v(channel_id uuid, target text, at timestamptz)
      where m.channel_id = v.channel_id and m.wamid = v.target and m.deleted_at is null
      returning ${STORED_KEYWORD_COLUMNS}`,
    )
    await forgetKeywords(tx, storedKeywordSources(revoked))
  }
}

function latestPerTarget<T extends { channel_id: string; target: string; at: string }>(items: T[]): T[] {
  const best = new Map<string, T>()
  for (const item of items) {
    const key = `${item.channel_id}|${item.target}`
    const current = best.get(key)
    if (!current || current.at < item.at) best.set(key, item)
  }
  return [...best.values()]
}
