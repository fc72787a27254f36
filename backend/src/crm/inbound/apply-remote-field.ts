import { eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type CrmRecordLink, crmRecordLinks, type SyncedValues, workspaces } from '../../db/schema'
import { policyOf } from '../../outbound/policy-settings'
import { type FieldValue, fieldValues, loadSnapshots, localVersion, sameValue } from '../contact-values'
import { writeLocalField } from '../local-fields'
import { addReviewItems } from '../review'
import { touchOutbox } from '../sync/outbox'

export type RemoteOutcome = 'agreed' | 'applied' | 'kept_local' | 'rejected'

/**
 * A field changed in the CRM at `at` (ms). Per-field last-writer-wins: the newer of the CRM's
 * change and our last local write stays, on both sides. When both sides changed the field since
 * they last agreed, to different values, the loser is kept in a review item.
 *
 * `synced[field]` is what the CRM holds as far as we know, and since when: our last push, or the
 * last CRM change we saw. A CRM change older than our last push was overwritten by that push, so
 * when it wins by time it must be written back to the CRM.
 */
export async function applyRemoteField(
  db: Executor,
  link: CrmRecordLink,
  field: string,
  remote: FieldValue,
  at: number,
): Promise<RemoteOutcome> {
  const snapshot = (await loadSnapshots(db, [link.contactId])).get(link.contactId)
  if (!snapshot) return 'rejected'
  const [workspace] = await db
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, link.workspaceId))
  const local = fieldValues(snapshot, policyOf(workspace?.settings ?? {}), new Date())[field] ?? null
  const localAt = localVersion(snapshot.contact, field)
  const synced: SyncedValues = { ...link.syncedValues }
  const known = synced[field]
  const crmHoldsRemote = !known || at >= known.at

  if (sameValue(remote, local)) {
    synced[field] = { v: remote, at: Math.max(known?.at ?? 0, at) }
    await saveSynced(db, link.id, synced)
    return 'agreed'
  }

  const review = (winner: 'local' | 'remote') =>
    addReviewItems(db, [
      {
        workspaceId: link.workspaceId,
        connectionId: link.connectionId,
        contactId: link.contactId,
        kind: 'conflict',
        field,
        localValue: local,
        remoteValue: remote,
        localAt: new Date(localAt),
        remoteAt: new Date(at),
        winner,
        detail: { record_id: link.recordId, last_agreed: known?.v ?? null },
      },
    ])

  if (at > localAt) {
    const written = await writeLocalField(db, link.contactId, field, remote, at)
    if (!written) return 'rejected'
    const localUnsynced = known !== undefined && !sameValue(local, known.v)
    // When the CRM still holds it, both sides now agree; otherwise our later push overwrote this
    // value there, and the contact change just made queues it to go back.
    if (crmHoldsRemote) synced[field] = { v: remote, at }
    await saveSynced(db, link.id, synced)
    if (localUnsynced || !crmHoldsRemote) await review('remote')
    return 'applied'
  }

  // Ours is newer: it stays, and goes (back) to the CRM.
  const remoteChanged = known === undefined || !sameValue(remote, known.v)
  if (crmHoldsRemote) synced[field] = { v: remote, at }
  await saveSynced(db, link.id, synced)
  await touchOutbox(db, link.workspaceId, 'contact', link.contactId)
  if (remoteChanged) await review('local')
  return 'kept_local'
}

async function saveSynced(db: Executor, linkId: string, synced: SyncedValues): Promise<void> {
  await db.update(crmRecordLinks).set({ syncedValues: synced }).where(eq(crmRecordLinks.id, linkId))
}
