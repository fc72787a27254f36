import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import type { ContactMerge } from '../db/schema'
import { addReviewItems, type NewReviewItem } from './review'

type LinkRow = { connection_id: string; object_type: string; record_id: string; contact_id: string }

/**
 * What a merge means for each connected CRM. The survivor's record link stays and the contact
 * triggers queue the survivor's merged values for the normal sync. Where the absorbed contact
 * was linked to a different record of the same connection, the CRM now holds two records for
 * one person: a review item names both so a person merges them in the CRM (a CRM merge cannot be
 * undone there, so the product never merges CRM records by itself). An undo puts the absorbed
 * contact's link back and says so in a review item too.
 */
export async function reportMergeToCrms(
  tx: Executor,
  workspaceId: string,
  merge: ContactMerge,
  event: 'merged' | 'undone',
): Promise<void> {
  const setAside = (merge.record.tables.crm_record_links?.setAside ?? []) as unknown as LinkRow[]
  if (setAside.length === 0) return
  const kept = await queryRows<LinkRow>(
    tx,
    sql`select l.connection_id, l.object_type, l.record_id, l.contact_id from crm_record_links l
          join crm_connections c on c.id = l.connection_id
         where l.contact_id = ${merge.survivorId} and c.workspace_id = ${workspaceId}`,
  )
  const items: NewReviewItem[] = setAside.flatMap((absorbed): NewReviewItem[] => {
    const survivor = kept.find(
      (k) => k.connection_id === absorbed.connection_id && k.object_type === absorbed.object_type,
    )
    if (!survivor || survivor.record_id === absorbed.record_id) return []
    return [
      {
        workspaceId,
        connectionId: absorbed.connection_id,
        contactId: merge.survivorId,
        kind: 'conflict',
        field: 'record',
        localValue: survivor.record_id,
        remoteValue: absorbed.record_id,
        detail: {
          reason: event === 'merged' ? 'contact_merge' : 'contact_merge_undone',
          merge_id: merge.id,
          object_type: absorbed.object_type,
          message:
            event === 'merged'
              ? `Two contacts were merged into one; the CRM still has ${absorbed.object_type} ${absorbed.record_id} ` +
                `besides ${survivor.record_id}. Merge ${absorbed.record_id} into ${survivor.record_id} in the CRM.`
              : `A contact merge was undone; ${absorbed.object_type} ${absorbed.record_id} belongs to its own contact again. ` +
                'If the two records were merged in the CRM, split them there.',
        },
      },
    ]
  })
  if (items.length > 0) await addReviewItems(tx, items)
}
