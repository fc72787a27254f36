import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import type { ContactMerge } from '../db/schema'

/** Two records of one connection that a contact merge made one person's. */
export interface RecordPair {
  connectionId: string
  objectType: string
  /** The survivor's record (kept). */
  primaryRecordId: string
  /** The absorbed contact's record (its link was set aside by the merge). */
  mergedRecordId: string
}

type LinkRow = { connection_id: string; object_type: string; record_id: string; role?: string }

/**
 * Where a merge left a connection with two records for one person: the absorbed contact was
 * linked to a record other than the survivor's (same connection and object type). Its link was
 * set aside in the merge record; the survivor's link is read as it is now.
 */
export async function recordPairs(
  tx: Executor,
  workspaceId: string,
  merge: ContactMerge,
  connectionId?: string,
): Promise<RecordPair[]> {
  const setAside = (merge.record.tables.crm_record_links?.setAside ?? []) as unknown as LinkRow[]
  const mine = setAside.filter(
    (l) => l.role !== 'deleted' && (!connectionId || l.connection_id === connectionId),
  )
  if (mine.length === 0) return []
  const kept = await queryRows<LinkRow>(
    tx,
    sql`select l.connection_id, l.object_type, l.record_id from crm_record_links l
          join crm_connections c on c.id = l.connection_id
         where l.contact_id = ${merge.survivorId} and c.workspace_id = ${workspaceId}
           and l.role <> 'deleted'`,
  )
  return mine.flatMap((absorbed) => {
    const survivor = kept.find(
      (k) => k.connection_id === absorbed.connection_id && k.object_type === absorbed.object_type,
    )
    if (!survivor || survivor.record_id === absorbed.record_id) return []
    return [
      {
        connectionId: absorbed.connection_id,
        objectType: absorbed.object_type,
        primaryRecordId: survivor.record_id,
        mergedRecordId: absorbed.record_id,
      },
    ]
  })
}
