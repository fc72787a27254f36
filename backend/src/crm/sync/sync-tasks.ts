import { inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type CrmConnection, followUpTasks } from '../../db/schema'
import type { CrmConnector, TaskWrite } from '../port'
import { type ClaimedChange, dropChanges, touchOutbox } from './outbox'
import { contactLinks, waitForContactRecord } from './record-ids'
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
  const linkOf = await contactLinks(
    db,
    connection.id,
    rows.map((t) => t.contactId),
  )
  const gone: ClaimedChange[] = []
  const waiting: ClaimedChange[] = []
  const writes: TaskWrite[] = []
  for (const change of changes) {
    const t = byId.get(change.subjectId)
    if (!t) {
      gone.push(change)
      continue
    }
    const link = linkOf.get(t.contactId)
    if (link?.role === 'deleted') {
      // The CRM deleted the record: its reminders are not recreated there.
      gone.push(change)
      continue
    }
    const recordId = link?.recordId
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
  await waitForContactRecord(db, waiting)
  const batch = await writeBatch(connector, writes, (w) => connector.upsertTasks(w))
  return finishBatch(db, connection, changes, batch, options, 'task')
}
