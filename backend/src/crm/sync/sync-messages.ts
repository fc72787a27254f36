import { inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type CrmConnection, contacts, messages } from '../../db/schema'
import type { CrmConnector, MessageWrite } from '../port'
import { type ClaimedChange, dropChanges, touchOutbox } from './outbox'
import { contactLinks, waitForContactRecord } from './record-ids'
import { type BatchOutcome, finishBatch } from './settle'
import type { SyncOptions } from './sync-options'
import { writeBatch } from './write-batch'

/** Logs a batch of messages on their contacts' CRM records (HubSpot: WhatsApp communications). */
export async function syncMessages(
  db: Executor,
  connection: CrmConnection,
  connector: CrmConnector,
  changes: ClaimedChange[],
  options: SyncOptions,
): Promise<BatchOutcome> {
  const rows = await db
    .select()
    .from(messages)
    .where(
      inArray(
        messages.id,
        changes.map((c) => Number(c.subjectId)),
      ),
    )
  const byId = new Map(rows.map((m) => [String(m.id), m]))
  const linkOf = await contactLinks(
    db,
    connection.id,
    rows.map((m) => m.contactId),
  )
  const phones = rows.length
    ? await db
        .select({ id: contacts.id, phone: contacts.phoneE164 })
        .from(contacts)
        .where(inArray(contacts.id, [...new Set(rows.map((m) => m.contactId))]))
    : []
  const phoneOf = new Map(phones.map((p) => [p.id, p.phone]))
  const gone: ClaimedChange[] = []
  const waiting: ClaimedChange[] = []
  const writes: MessageWrite[] = []
  for (const change of changes) {
    const m = byId.get(change.subjectId)
    if (!m?.wamid) {
      gone.push(change)
      continue
    }
    const link = linkOf.get(m.contactId)
    if (link?.role === 'deleted' && (!link.syncedAt || m.createdAt <= link.syncedAt)) {
      // Written before the CRM record was deleted: that history is not put back.
      gone.push(change)
      continue
    }
    const recordId = link?.role === 'deleted' ? undefined : link?.recordId
    if (!recordId && !phoneOf.get(m.contactId)) {
      // A username-only contact has no record in the CRM (records are matched by number).
      gone.push(change)
      continue
    }
    if (!recordId) {
      waiting.push(change)
      await touchOutbox(db, m.workspaceId, 'contact', m.contactId)
      continue
    }
    writes.push({
      ref: change.subjectId,
      externalId: m.wamid,
      recordId,
      direction: m.direction,
      body: m.deletedAt ? '[deleted by the sender]' : (m.text ?? `[${m.type}]`),
      at: m.sentAt,
      mediaUrl: m.mediaUrl,
    })
  }
  await dropChanges(db, gone)
  await waitForContactRecord(db, waiting)
  const batch = await writeBatch(connector, writes, (w) => connector.logMessages(w))
  return finishBatch(db, connection, changes, batch, options, 'message')
}
