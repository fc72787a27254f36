import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import type { CrmErasureAction } from '../../db/schema'
import { queueOutbox } from './outbox'

/** What an erasure will do to one linked CRM record (the erase answer lists these). */
export interface QueuedRecordErasure {
  id: string
  connectionId: string
  objectType: string
  recordId: string
  action: CrmErasureAction
}

/**
 * Queues the CRM side of an erasure, in the caller's transaction (before the contact and its links
 * go): one `crm_record_erasures` row per record linked to the people, and an outbox row (kind
 * `erase`) the sync worker carries out later — outside this transaction, rate-limited and retried
 * like every CRM write. A record our upsert created is deleted; any other (matched, or linked
 * before we recorded who created it) is only cleared and marked: we never delete what the CRM had.
 *
 * `exceptConnectionId`: the connection whose CRM sent a privacy deletion — the record is gone
 * there already, and only the person's records in the other CRMs are left to handle.
 * Links the CRM deleted, and secondary links (the record is another person's), are left alone.
 */
export async function queueRecordErasures(
  tx: Executor,
  input: { workspaceId: string; erasureId: string; contactIds: string[]; exceptConnectionId?: string },
): Promise<QueuedRecordErasure[]> {
  if (input.contactIds.length === 0) return []
  const queued = await queryRows<QueuedRecordErasure>(
    tx,
    sql`insert into crm_record_erasures
          (workspace_id, connection_id, erasure_id, object_type, record_id, created_by_us, action)
        select distinct l.workspace_id, l.connection_id, ${input.erasureId}::uuid, l.object_type, l.record_id,
               coalesce(l.created_by_us, false),
               case when l.created_by_us then 'delete' else 'mark' end
          from crm_record_links l
         where l.workspace_id = ${input.workspaceId}::uuid
           and l.contact_id in (select jsonb_array_elements_text(${JSON.stringify(input.contactIds)}::jsonb)::uuid)
           and l.role = 'primary'
           and (${input.exceptConnectionId ?? null}::uuid is null or l.connection_id <> ${input.exceptConnectionId ?? null}::uuid)
        returning id::text, connection_id::text as "connectionId", object_type as "objectType",
                  record_id as "recordId", action`,
  )
  for (const q of queued) await queueOutbox(tx, input.workspaceId, q.connectionId, 'erase', q.id)
  return queued
}

/**
 * Records the CRM wrote for people erased while the write was in flight (the erasure committed
 * between the sync reading the contact and the CRM answering): no link can hold them any more,
 * so they are queued for erasure as a linked record would have been, under an erasure id of their
 * own (a refusal still reaches the review queue, naming the record).
 */
export async function queueOrphanErasures(
  db: Executor,
  input: {
    workspaceId: string
    connectionId: string
    records: { objectType: string; recordId: string; createdByUs: boolean | null }[]
  },
): Promise<void> {
  if (input.records.length === 0) return
  const erasureId = randomUUID()
  for (const r of input.records) {
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`insert into crm_record_erasures
            (workspace_id, connection_id, erasure_id, object_type, record_id, created_by_us, action)
          values (${input.workspaceId}::uuid, ${input.connectionId}::uuid, ${erasureId}::uuid, ${r.objectType},
                  ${r.recordId}, ${r.createdByUs === true}, ${r.createdByUs === true ? 'delete' : 'mark'})
          returning id::text`,
    )
    if (row) await queueOutbox(db, input.workspaceId, input.connectionId, 'erase', row.id)
  }
}
