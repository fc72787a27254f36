import { and, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type CrmConnection, crmRecordLinks, followUpTasks } from '../../db/schema'
import type { CrmConnector, TaskWrite } from '../port'
import { CONTACT_OBJECT } from './contact-object'
import { type ClaimedChange, dropChanges, retryChanges, touchOutbox } from './outbox'
import { type BatchOutcome, finishBatch } from './settle'
import type { SyncOptions } from './sync-options'
import { writeBatch } from './write-batch'

/** Follow-up reminders become CRM tasks on the contact's record. */
export async function syncTasks(
  db: Executor,
  connection: CrmConnection,
  connector: CrmConnector,
  changes: ClaimedChange[],
  options: SyncOptions,
): Promise<BatchOutcome> {
  const rows = await db
    .select()
    .from(followUpTasks)
    .where(
      inArray(
        followUpTasks.id,
        changes.map((c) => c.subjectId),
      ),
    )
  const byId = new Map(rows.map((t) => [t.id, t]))
  const links = rows.length
    ? await db
        .select({ contactId: crmRecordLinks.contactId, recordId: crmRecordLinks.recordId })
        .from(crmRecordLinks)
        .where(
          and(
            eq(crmRecordLinks.connectionId, connection.id),
            eq(crmRecordLinks.objectType, CONTACT_OBJECT),
            inArray(crmRecordLinks.contactId, [...new Set(rows.map((t) => t.contactId))]),
          ),
        )
    : []
  const recordOf = new Map(links.map((l) => [l.contactId, l.recordId]))
  const gone: ClaimedChange[] = []
  const waiting: ClaimedChange[] = []
  const writes: TaskWrite[] = []
  for (const change of changes) {
    const t = byId.get(change.subjectId)
    if (!t) {
      gone.push(change)
      continue
    }
    const recordId = recordOf.get(t.contactId)
    if (!recordId) {
      waiting.push(change)
      await touchOutbox(db, t.workspaceId, 'contact', t.contactId)
      continue
    }
    writes.push({
      ref: t.id,
      recordId,
      title: t.title,
      body: t.body,
      dueAt: t.dueAt,
      priority: t.priority,
      done: t.status !== 'open',
    })
  }
  await dropChanges(db, gone)
  await retryChanges(db, waiting, 1_000, 'waiting for the contact record', false)
  const batch = await writeBatch(connector, writes, (w) => connector.upsertTasks(w))
  return finishBatch(db, connection, changes, batch, options, 'task')
}
