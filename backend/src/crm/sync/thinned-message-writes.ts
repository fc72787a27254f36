import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { displayPgText } from '../../lib/pg-text'
import type { MessageWrite, WriteResult } from '../port'
import { utf8Bytes } from '../storage/storage-meter'
import type { LinkedKind } from './linked-writes'
import { type MessageRow, messageWrites } from './message-writes'

/**
 * How messages are logged while a connection is over its storage budget (crm/storage/):
 *
 * 1. automated messages (sender `automation`) are not logged at all;
 * 2. where the CRM logs one record per message (HubSpot communications, Salesforce
 *    `WA_Message__c`), each contact gets one log per UTC day instead: the day's customer and
 *    person messages as lines of one record keyed `scrm-day:<contact>:<day>:<thinning start>`,
 *    written again (an upsert by that key) as the day goes on. The thinning start in the key
 *    keeps a second thinned spell on the same day from overwriting the first one's log. Zoho
 *    already writes one note per day.
 *
 * Nothing is lost: every message stays in our thread, and contact fields are written in full.
 */
export function thinnedMessageWrites(options: {
  /** When thinning switched on: the day's log starts there (earlier messages were logged one by one). */
  since: Date
  /** False where the CRM already coalesces a day's messages (the profile's `messagesByDay`). */
  coalesce: boolean
}): LinkedKind<DigestRow, MessageWrite> {
  const leaveOut = (m: MessageRow) => m.sender === 'automation'
  if (!options.coalesce) return { ...messageWrites, leaveOut }
  return {
    ...messageWrites,
    leaveOut,
    async load(db, subjectIds) {
      const rows: Map<string, DigestRow> = await messageWrites.load(db, subjectIds)
      const groups = new Map<string, DigestRow[]>()
      for (const m of rows.values()) {
        if (!m.wamid || leaveOut(m)) continue
        const key = dayKey(m, options.since)
        groups.set(key, [...(groups.get(key) ?? []), m])
      }
      for (const [key, group] of groups) {
        const digest = await dayDigest(db, key, group, options.since)
        for (const m of group) m.digest = digest
      }
      return rows
    },
    toWrite(m, ref, recordId) {
      const plain = messageWrites.toWrite(m, ref, recordId)
      if (!m.digest) return plain
      return {
        ...plain,
        externalId: m.digest.key,
        body: m.digest.body,
        at: m.digest.at,
        mediaUrl: null,
        dayLog: true,
      }
    },
    /** One write per day log; each message of it gets that write's result (one record, not one each). */
    async send(connector, writes) {
      const first = new Map<string, MessageWrite>()
      for (const w of writes) if (!first.has(w.externalId)) first.set(w.externalId, w)
      const sent = new Map((await connector.logMessages([...first.values()])).map((r) => [r.ref, r]))
      const byKey = new Map([...first.values()].map((w) => [w.externalId, sent.get(w.ref)]))
      return writes.map((w): WriteResult => {
        const r = byKey.get(w.externalId) as WriteResult
        if (first.get(w.externalId) === w) return { ...r, ref: w.ref }
        return r.ok ? { ...r, ref: w.ref, created: false } : { ...r, ref: w.ref }
      })
    },
    bytes: (w) => utf8Bytes(w.body),
  }
}

export type DigestRow = MessageRow & { digest?: { key: string; body: string; at: Date } }

const dayKey = (m: MessageRow, since: Date) =>
  `scrm-day:${m.contactId}:${m.sentAt.toISOString().slice(0, 10)}:${since.getTime().toString(36)}`

/**
 * The day's log as it stands: the contact's customer and person messages sent that UTC day and
 * stored since thinning began (or since the earliest one being written now, if that one waited
 * longer), in order. Stored, not sent: a message stored before thinning was logged on its own.
 */
async function dayDigest(db: Executor, key: string, group: MessageRow[], since: Date) {
  const m0 = group[0] as MessageRow
  const day = m0.sentAt.toISOString().slice(0, 10)
  const dayStart = new Date(`${day}T00:00:00Z`)
  const storedFrom = new Date(Math.min(since.getTime(), ...group.map((m) => m.createdAt.getTime())))
  const to = new Date(dayStart.getTime() + 86_400_000)
  const ids = group.map((m) => m.id)
  const lines = await queryRows<{
    sent_at: Date | string
    direction: string
    sender: string
    type: string
    text: string | null
    media_url: string | null
    deleted_at: Date | string | null
  }>(
    db,
    sql`select sent_at, direction, sender, type, text, media_url, deleted_at from messages
         where contact_id = ${m0.contactId} and wamid is not null and sender <> 'automation'
           and sent_at >= ${dayStart.toISOString()}::timestamptz and sent_at < ${to.toISOString()}::timestamptz
           and created_at >= ${storedFrom.toISOString()}::timestamptz
           and (thread_visible or id in (${sql.join(
             ids.map((id) => sql`${id}`),
             sql`, `,
           )}))
         order by sent_at, id`,
  )
  const body = lines
    .map((l) => {
      const time = new Date(l.sent_at).toISOString().slice(11, 16)
      const who = l.direction === 'inbound' ? 'Customer' : 'Us'
      const text = l.deleted_at ? '[deleted by the sender]' : (displayPgText(l.text) ?? `[${l.type}]`)
      const media = l.media_url ? ` [media: ${l.media_url}]` : ''
      return `[${time} UTC] ${who}: ${text}${media}`
    })
    .join('\n')
  const first = lines[0]?.sent_at
  return { key, body: `WhatsApp ${day}\n${body}`, at: first ? new Date(first) : m0.sentAt }
}
