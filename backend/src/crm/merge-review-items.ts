import { and, eq, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { type ContactMerge, crmRecordMerges } from '../db/schema'
import { type RecordPair, recordPairs } from './record-merge-pairs'
import { addReviewItems, type NewReviewItem } from './review'
import { queueOutbox } from './sync/outbox'

/**
 * What a merge means for each connected CRM. The survivor's record link stays and the contact
 * triggers queue the survivor's merged values for the normal sync. Where the absorbed contact was
 * linked to a different record of the same connection, the CRM holds two records for one person:
 * the merge is queued for that connection (outbox kind `merge`), and the sync merges the records
 * in the CRM where its API can (`crm/sync/merge-writes.ts`) or asks a person where it cannot.
 *
 * An undo cannot split a record a CRM merged: it puts our rows back and, where the CRM merge
 * happened, leaves a review item saying the CRM record stays merged. A merge the sync had not
 * sent yet is simply taken out of the queue.
 */
export async function reportMergeToCrms(
  tx: Executor,
  workspaceId: string,
  merge: ContactMerge,
  event: 'merged' | 'undone',
): Promise<void> {
  const pairs = await recordPairs(tx, workspaceId, merge)
  if (pairs.length === 0) return
  const connections = [...new Set(pairs.map((p) => p.connectionId))]
  if (event === 'merged') {
    for (const connectionId of connections)
      await queueOutbox(tx, workspaceId, connectionId, 'merge', merge.id)
    return
  }
  const items: NewReviewItem[] = []
  for (const connectionId of connections) {
    const outcomes = await tx
      .select()
      .from(crmRecordMerges)
      .where(and(eq(crmRecordMerges.connectionId, connectionId), eq(crmRecordMerges.mergeId, merge.id)))
    if (outcomes.length === 0) {
      // Not sent yet: nothing happened in the CRM, so nothing to say. A write in flight (leased)
      // stays; the sync sees the undo when it finishes (`merge-writes.ts`).
      await tx.execute(sql`
        delete from crm_outbox where connection_id = ${connectionId} and kind = 'merge'
           and subject_id = ${merge.id} and (lease_until is null or lease_until < clock_timestamp())`)
      continue
    }
    for (const pair of pairs.filter((p) => p.connectionId === connectionId)) {
      const outcome = outcomes.find((o) => o.mergedRecordId === pair.mergedRecordId)
      items.push(undoneItem(workspaceId, merge, pair, outcome?.outcome === 'merged', outcome?.resultRecordId))
    }
  }
  if (items.length > 0) await addReviewItems(tx, items)
}

/** The review item an undo leaves for one pair of records. */
export function undoneItem(
  workspaceId: string,
  merge: ContactMerge,
  pair: RecordPair,
  mergedInCrm: boolean,
  resultRecordId: string | null | undefined,
): NewReviewItem {
  const into = resultRecordId ?? pair.primaryRecordId
  return {
    workspaceId,
    connectionId: pair.connectionId,
    contactId: merge.survivorId,
    kind: 'conflict',
    field: 'record',
    localValue: into,
    remoteValue: pair.mergedRecordId,
    detail: {
      reason: 'contact_merge_undone',
      merge_id: merge.id,
      object_type: pair.objectType,
      crm_merged: mergedInCrm,
      message: mergedInCrm
        ? `A contact merge was undone here, but the CRM cannot undo its merge: ${pair.objectType} ` +
          `${pair.mergedRecordId} stays merged into ${into}. The restored contact is linked to ` +
          `${pair.mergedRecordId} again; create a separate record for that person in the CRM if they need one.`
        : `A contact merge was undone; ${pair.objectType} ${pair.mergedRecordId} belongs to its own contact again. ` +
          'If the two records were merged in the CRM, split them there.',
    },
  }
}
