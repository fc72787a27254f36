import { and, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import {
  type ContactMerge,
  type CrmConnection,
  type CrmRecordMergeOutcome,
  contactMerges,
  crmRecordLinks,
  crmRecordMerges,
} from '../../db/schema'
import { crmRequests } from '../../lib/metrics'
import { undoneItem } from '../merge-review-items'
import type { CrmConnector, CrmError } from '../port'
import { type RecordPair, recordPairs } from '../record-merge-pairs'
import { addReviewItems } from '../review'
import { type ClaimedChange, completeChanges, dropChanges } from './outbox'
import { type BatchOutcome, settleFailures } from './settle'
import type { SyncOptions } from './sync-options'

/**
 * Carries our contact merges into the CRM, one queued merge (outbox kind `merge`) at a time: for
 * each pair of records the merge made one person's, the CRM merges the absorbed contact's record
 * into the survivor's and the survivor's link moves to the record the CRM answers with. The CRM
 * then announces the merge itself (a merge notification, or a delete of the merged-away record);
 * by then no link points at the old records, so that echo moves nothing and merges nothing here.
 *
 * Where the connector has no merge (its CRM's API offers none) a person is asked instead; where
 * the CRM refuses (records already merged, records of two kinds) the refusal becomes a review
 * item. Rate limits and outages retry like any write.
 */
export async function syncMerges(
  db: Executor,
  connection: CrmConnection,
  connector: CrmConnector,
  changes: ClaimedChange[],
  options: SyncOptions,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { calls: 0, written: 0, failed: 0 }
  for (const change of changes) {
    const merge = await mergeOf(db, connection.workspaceId, change.subjectId)
    const pairs =
      merge && !merge.undoneAt ? await recordPairs(db, connection.workspaceId, merge, connection.id) : []
    if (!merge || pairs.length === 0) {
      await dropChanges(db, [change])
      continue
    }
    const done = await db
      .select({ mergedRecordId: crmRecordMerges.mergedRecordId })
      .from(crmRecordMerges)
      .where(and(eq(crmRecordMerges.connectionId, connection.id), eq(crmRecordMerges.mergeId, merge.id)))
    let retry: CrmError | null = null
    for (const pair of pairs.filter((p) => !done.some((d) => d.mergedRecordId === p.mergedRecordId))) {
      if (!connector.mergeRecords) {
        await record(db, connection, merge, pair, 'review', null)
        await addReviewItems(db, [mergeItem(connection, merge, pair, 'manual')])
        continue
      }
      outcome.calls++
      try {
        const { recordId } = await connector.mergeRecords(pair.primaryRecordId, pair.mergedRecordId)
        crmRequests.inc({ provider: connector.provider, outcome: 'ok' })
        await db
          .update(crmRecordLinks)
          .set({ recordId })
          .where(
            and(
              eq(crmRecordLinks.connectionId, connection.id),
              eq(crmRecordLinks.objectType, pair.objectType),
              eq(crmRecordLinks.contactId, merge.survivorId),
              eq(crmRecordLinks.recordId, pair.primaryRecordId),
            ),
          )
        await record(db, connection, merge, pair, 'merged', recordId)
        outcome.written++
        // Undone while the CRM was merging: the undo found nothing sent yet, so say it here.
        const now = await mergeOf(db, connection.workspaceId, merge.id)
        if (now?.undoneAt)
          await addReviewItems(db, [undoneItem(connection.workspaceId, merge, pair, true, recordId)])
      } catch (error) {
        const classified = connector.classifyError(error)
        crmRequests.inc({ provider: connector.provider, outcome: classified.kind })
        const final =
          classified.kind === 'permanent' ||
          (classified.kind === 'transient' && change.attempts + 1 >= options.maxAttempts)
        if (!final) {
          retry = classified
          break
        }
        outcome.failed++
        await record(db, connection, merge, pair, 'failed', null)
        await addReviewItems(db, [mergeItem(connection, merge, pair, 'failed', classified)])
      }
    }
    // A merge waiting for a rate limit or an outage comes back whole; pairs already merged are
    // recorded and not sent again.
    if (retry) await settleFailures(db, connection, [change], retry, options, 'merge')
    else await completeChanges(db, [change])
  }
  return outcome
}

async function mergeOf(db: Executor, workspaceId: string, id: string): Promise<ContactMerge | null> {
  const [merge] = await db
    .select()
    .from(contactMerges)
    .where(and(eq(contactMerges.id, id), eq(contactMerges.workspaceId, workspaceId)))
  return merge ?? null
}

async function record(
  db: Executor,
  connection: CrmConnection,
  merge: ContactMerge,
  pair: RecordPair,
  outcome: CrmRecordMergeOutcome,
  resultRecordId: string | null,
): Promise<void> {
  await db
    .insert(crmRecordMerges)
    .values({
      workspaceId: connection.workspaceId,
      connectionId: connection.id,
      mergeId: merge.id,
      objectType: pair.objectType,
      primaryRecordId: pair.primaryRecordId,
      mergedRecordId: pair.mergedRecordId,
      resultRecordId,
      outcome,
    })
    .onConflictDoNothing()
}

/** A person has to merge the two records in the CRM: it cannot (`manual`) or would not (`failed`). */
function mergeItem(
  connection: CrmConnection,
  merge: ContactMerge,
  pair: RecordPair,
  why: 'manual' | 'failed',
  error?: CrmError,
) {
  const ask = `Merge ${pair.mergedRecordId} into ${pair.primaryRecordId} in the CRM.`
  return {
    workspaceId: connection.workspaceId,
    connectionId: connection.id,
    contactId: merge.survivorId,
    kind: 'conflict' as const,
    field: 'record',
    localValue: pair.primaryRecordId,
    remoteValue: pair.mergedRecordId,
    detail: {
      reason: why === 'manual' ? 'contact_merge' : 'contact_merge_failed',
      merge_id: merge.id,
      object_type: pair.objectType,
      ...(error ? { code: error.code, error: error.message } : {}),
      message:
        why === 'manual'
          ? `Two contacts were merged into one; the CRM still has ${pair.objectType} ${pair.mergedRecordId} ` +
            `besides ${pair.primaryRecordId}, and its API cannot merge records. ${ask}`
          : `Two contacts were merged into one, but the CRM refused to merge ${pair.objectType} ` +
            `${pair.mergedRecordId} into ${pair.primaryRecordId} (${error?.code}: ${error?.message}). ` +
            `Check both records; if they are still two, ${ask[0]?.toLowerCase()}${ask.slice(1)}`,
    },
  }
}
