import { inArray } from 'drizzle-orm'
import { contacts, type Message, messages } from '../../db/schema'
import { displayPgText } from '../../lib/pg-text'
import type { MessageWrite } from '../port'
import { utf8Bytes } from '../storage/storage-meter'
import type { LinkedKind } from './linked-writes'

export type MessageRow = Message & { phone: string | null }

/** Messages are logged on their contacts' CRM records (as the CRM's communications / activities). */
export const messageWrites: LinkedKind<MessageRow, MessageWrite> = {
  outboxKind: 'message',
  async load(db, subjectIds) {
    const rows = await db
      .select()
      .from(messages)
      .where(inArray(messages.id, subjectIds.map(Number)))
    const phones = rows.length
      ? await db
          .select({ id: contacts.id, phone: contacts.phoneE164 })
          .from(contacts)
          .where(inArray(contacts.id, [...new Set(rows.map((m) => m.contactId))]))
      : []
    const phoneOf = new Map(phones.map((p) => [p.id, p.phone]))
    return new Map(rows.map((m) => [String(m.id), { ...m, phone: phoneOf.get(m.contactId) ?? null }]))
  },
  owner: (m) => m,
  target(m, link) {
    if (!m.wamid) return 'drop'
    // Written before the CRM record was deleted: that history is not put back.
    if (link?.role === 'deleted' && (!link.syncedAt || m.createdAt <= link.syncedAt)) return 'drop'
    const recordId = link?.role === 'deleted' ? undefined : link?.recordId
    if (recordId) return { recordId }
    // A username-only contact has no record in the CRM (records are matched by number).
    return m.phone ? 'wait' : 'drop'
  },
  toWrite: (m, ref, recordId) => ({
    ref,
    externalId: m.wamid as string,
    recordId,
    direction: m.direction,
    body: m.deletedAt ? '[deleted by the sender]' : (displayPgText(m.text) ?? `[${m.type}]`),
    at: m.sentAt,
    mediaUrl: m.mediaUrl,
  }),
  send: (connector, writes) => connector.logMessages(writes),
  bytes: (w) => utf8Bytes(w.body, w.mediaUrl),
}
