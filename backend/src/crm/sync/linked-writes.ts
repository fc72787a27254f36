import type { Executor } from '../../db/client'
import type { CrmConnection } from '../../db/schema'
import type { CrmConnector, WriteResult } from '../port'
import { meterSkipped, meterWrites } from '../storage/storage-meter'
import { storageProfileOf } from '../storage/storage-profile'
import { type ClaimedChange, dropChanges, touchOutbox } from './outbox'
import { type ContactLink, contactLinks, waitForContactRecord } from './record-ids'
import { type BatchOutcome, finishBatch } from './settle'
import type { SyncOptions } from './sync-options'
import { writeBatch } from './write-batch'

/** Where a subject goes: on this record, back in the queue until its contact has one, or nowhere. */
export type LinkedTarget = { recordId: string } | 'wait' | 'drop'

/**
 * A kind of change written onto its contact's CRM record (a message, a task). The mechanism —
 * load the subjects, find each contact's record, drop what has nothing to write, queue the
 * contact first when it has no record yet, write the rest in one batch and settle — is shared;
 * a kind says only how to load, place and shape its subjects.
 */
export interface LinkedKind<Row, W extends { ref: string }> {
  outboxKind: 'message' | 'task'
  /** The subjects that still exist, by outbox subject id. */
  load(db: Executor, subjectIds: string[]): Promise<Map<string, Row>>
  owner(row: Row): { workspaceId: string; contactId: string }
  target(row: Row, link: ContactLink | undefined): LinkedTarget
  toWrite(row: Row, ref: string, recordId: string): W
  send(connector: CrmConnector, writes: W[]): Promise<WriteResult[]>
  /** UTF-8 bytes of the text a write carries, for the storage meter. */
  bytes(write: W): number
  /**
   * A subject this kind does not write at all (thinning leaves automated messages out of the
   * CRM): dropped from the outbox and counted as skipped; it stays in our thread.
   */
  leaveOut?(row: Row): boolean
}

export async function syncLinked<Row, W extends { ref: string }>(
  db: Executor,
  connection: CrmConnection,
  connector: CrmConnector,
  changes: ClaimedChange[],
  options: SyncOptions,
  kind: LinkedKind<Row, W>,
): Promise<BatchOutcome> {
  const rows = await kind.load(
    db,
    changes.map((c) => c.subjectId),
  )
  const linkOf = await contactLinks(
    db,
    connection.id,
    [...rows.values()].map((r) => kind.owner(r).contactId),
  )
  const gone: ClaimedChange[] = []
  const waiting: ClaimedChange[] = []
  const writes: W[] = []
  let leftOut = 0
  for (const change of changes) {
    const row = rows.get(change.subjectId)
    const target = row ? kind.target(row, linkOf.get(kind.owner(row).contactId)) : 'drop'
    if (row && target !== 'drop' && kind.leaveOut?.(row)) {
      leftOut++
      gone.push(change)
    } else if (!row || target === 'drop') gone.push(change)
    else if (target === 'wait') {
      waiting.push(change)
      const { workspaceId, contactId } = kind.owner(row)
      await touchOutbox(db, workspaceId, 'contact', contactId)
    } else writes.push(kind.toWrite(row, change.subjectId, target.recordId))
  }
  await dropChanges(db, gone)
  await waitForContactRecord(db, waiting)
  await meterSkipped(db, connection, leftOut)
  const batch = await writeBatch(connector, writes, (w) => kind.send(connector, w))
  await meterWrites(
    db,
    connection,
    kind.outboxKind,
    storageProfileOf(connector),
    writes.map((w) => ({ ref: w.ref, bytes: kind.bytes(w), mayCreate: true })),
    batch.results,
  )
  return finishBatch(db, connection, changes, batch, options, kind.outboxKind)
}
