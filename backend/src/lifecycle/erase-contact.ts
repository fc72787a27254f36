import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Database, Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import {
  forgetKeywords,
  STORED_KEYWORD_COLUMNS,
  type StoredKeywordMessage,
  storedKeywordSources,
} from '../intelligence/keywords/record-keywords'
import { ConflictError, NotFoundError } from '../lib/errors'
import type { MediaStorage } from '../media/storage'
import { type AuditRecord, recordAudit } from './audit-log'
import { archivedMessagesOf, eraseFromArchives } from './retention/archive-erasure'
import { tombstoneKey } from './tombstones'

/**
 * Tables the scrub never deletes from: the workspace's own configuration (a business number is not
 * the customer's), the audit trail (ids only, append-only) and the tombstones themselves.
 */
const KEPT_TABLES = new Set([
  'workspaces',
  'whatsapp_channels',
  'api_keys',
  'crm_connections',
  'crm_field_mappings',
  'audit_log',
  'erasure_tombstones',
  'job_runs',
  '__drizzle_migrations',
])

/** Texts shorter than this are too common to identify a person's words in other tables. */
const MIN_TEXT_NEEDLE = 8

/** One CRM record of the person and what the erasure does there (`delete` ours, `mark` the CRM's). */
export interface CrmRecordPlan {
  id: string
  connectionId: string
  objectType: string
  recordId: string
  action: 'delete' | 'mark'
}

/**
 * Queues the CRM side of an erasure inside its transaction, before the links go with the contact;
 * the CRM sync carries it out later. Passed in by the caller (`crm/erasure`): the CRMs sit above
 * this module, so it names none of them.
 */
export type QueueCrmErasures = (
  tx: Executor,
  input: { workspaceId: string; erasureId: string; contactIds: string[] },
) => Promise<CrmRecordPlan[]>

export interface ErasureResult {
  erasureId: string
  contactId: string
  /** Rows removed per table (the contact, its messages and everything that named the person). */
  removed: Record<string, number>
  mediaFilesRemoved: number
  tombstones: number
  /**
   * CRM records linked to the person and what the sync will do there (`delete` a record we created,
   * `mark` one the CRM had); `GET /api/v1/erasures/{erasureId}` shows when it is done.
   */
  crmRecords: CrmRecordPlan[]
}

/**
 * Erases a person: the contact, their messages and media, and every row elsewhere that holds their
 * number, ids or words (raw webhook deliveries, status events, send jobs, CRM outbox and change
 * events, dead items …), found by scanning every text and JSON column of every table. What remains
 * is an anonymous tombstone per message (so redeliveries stay erased) and the audit entry.
 */
export async function eraseContact(
  db: Database,
  storage: MediaStorage,
  request: { workspaceId: string; contactId: string; actor: Omit<AuditRecord, 'action' | 'workspaceId'> },
  queueCrmErasures: QueueCrmErasures,
): Promise<ErasureResult> {
  const erasureId = randomUUID()
  // Archived history counts as theirs too: its wamids are tombstoned and its words looked for.
  const archived = await archivedMessagesOf(db, storage, request.workspaceId, request.contactId)
  const outcome = await db.transaction(async (tx) => {
    const [contact] = await queryRows<Record<string, string | null>>(
      tx,
      sql`select id::text, phone_e164, wa_id, bsuid, parent_bsuid, username, email
            from contacts where id = ${request.contactId}::uuid and workspace_id = ${request.workspaceId}::uuid
            for update`,
    )
    if (!contact) throw new NotFoundError('No such contact in this workspace.')
    await refuseUnderLegalHold(tx, request.workspaceId, request.contactId)
    const hotMessages = await queryRows<{ channel_id: string; wamid: string | null; text: string | null }>(
      tx,
      sql`select channel_id::text, wamid, text from messages where contact_id = ${request.contactId}::uuid`,
    )
    const messages = [...hotMessages, ...archived]
    const media = await queryRows<{ id: string }>(
      tx,
      sql`select m.id::text from media_objects m join messages g on g.id = m.message_id
           where g.contact_id = ${request.contactId}::uuid`,
    )
    // Queued before the links go with the contact; carried out by the CRM sync, outside this transaction.
    const crmRecords = await queueCrmErasures(tx, {
      workspaceId: request.workspaceId,
      erasureId,
      contactIds: [request.contactId],
    })
    const keys = [
      ...new Set(messages.filter((m) => m.wamid).map((m) => tombstoneKey(m.channel_id, m.wamid as string))),
    ]
    if (keys.length > 0)
      await tx.execute(sql`
        insert into erasure_tombstones (message_key_hash, erasure_id, workspace_id)
        select k, ${erasureId}::uuid, ${request.workspaceId}::uuid from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) k
        on conflict do nothing`)
    // Their words leave the keyword counts too (a word only they used would otherwise stay there).
    await forgetKeywords(
      tx,
      storedKeywordSources(
        await queryRows<StoredKeywordMessage>(
          tx,
          sql`select ${STORED_KEYWORD_COLUMNS} from messages m
              where m.contact_id = ${request.contactId}::uuid and m.deleted_at is null`,
        ),
      ),
    )
    const needles = identifyingNeedles(contact, messages)
    const removed: Record<string, number> = {}
    const [gone] = await queryRows<{ n: number }>(
      tx,
      sql`with d as (delete from messages where contact_id = ${request.contactId}::uuid returning 1) select count(*)::int as n from d`,
    )
    removed.messages = gone?.n ?? 0
    await tx.execute(sql`delete from contacts where id = ${request.contactId}::uuid`)
    removed.contacts = 1
    for (const [table, n] of Object.entries(await scrubEverywhere(tx, needles)))
      removed[table] = (removed[table] ?? 0) + n
    await recordAudit(tx, {
      ...request.actor,
      workspaceId: request.workspaceId,
      action: 'contact.erase',
      targetType: 'contact',
      targetId: request.contactId,
      detail: {
        erasure_id: erasureId,
        removed,
        media_objects: media.length,
        crm_records: crmRecords.map((r) => ({
          connection_id: r.connectionId,
          object_type: r.objectType,
          record_id: r.recordId,
          action: r.action,
        })),
      },
    })
    return { removed, media, crmRecords, tombstones: keys.length, needles }
  })
  const inArchives = await eraseFromArchives(db, storage, {
    workspaceId: request.workspaceId,
    contactId: request.contactId,
    needles: outcome.needles,
  })
  if (inArchives.rows > 0) outcome.removed.archived_rows = inArchives.rows
  let mediaFilesRemoved = inArchives.mediaFiles
  for (const object of outcome.media) {
    for (const key of await storage.list(`${request.workspaceId}/${object.id}/`)) {
      await storage.delete(key)
      mediaFilesRemoved += 1
    }
  }
  return {
    erasureId,
    contactId: request.contactId,
    removed: outcome.removed,
    mediaFilesRemoved,
    tombstones: outcome.tombstones,
    crmRecords: outcome.crmRecords,
  }
}

/** The strings that identify the person anywhere: number in its spellings, WhatsApp ids, the contact id, their longer messages. */
export function identifyingNeedles(
  contact: Record<string, string | null>,
  messages: { text: string | null }[],
): string[] {
  const out = new Set<string>()
  const phone = contact.phone_e164
  if (phone) {
    out.add(phone)
    out.add(phone.replace(/^\+/, ''))
  }
  for (const field of ['wa_id', 'bsuid', 'parent_bsuid', 'username', 'email', 'id'] as const) {
    const value = contact[field]
    if (value && value.length >= 5) out.add(value)
  }
  for (const m of messages) {
    // Only plain text can be found byte for byte inside JSON columns too.
    if (m.text && m.text.length >= MIN_TEXT_NEEDLE && !/["\\\p{Cc}]/u.test(m.text)) out.add(m.text)
    if (out.size > 2_000) break
  }
  return [...out]
}

/** Deletes, in every table but the kept ones, each row any text or JSON column of which holds a needle. */
async function scrubEverywhere(tx: Executor, needles: string[]): Promise<Record<string, number>> {
  if (needles.length === 0) return {}
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    tx,
    sql`select c.table_name, c.column_name from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
           and (c.data_type in ('text', 'character varying', 'json', 'jsonb') or c.udt_name in ('_text', '_varchar'))
         order by c.table_name, c.ordinal_position`,
  )
  const byTable = new Map<string, string[]>()
  for (const c of columns) {
    if (KEPT_TABLES.has(c.table_name)) continue
    byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name])
  }
  const list = JSON.stringify(needles)
  const removed: Record<string, number> = {}
  for (const [table, cols] of byTable) {
    const matches = sql.join(
      cols.map((col) => sql`position(n in coalesce(${sql.identifier(col)}::text, '')) > 0`),
      sql` or `,
    )
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`with d as (
            delete from ${sql.identifier(table)}
             where exists (select 1 from jsonb_array_elements_text(${list}::jsonb) n where ${matches})
            returning 1)
          select count(*)::int as n from d`,
    )
    if (row && row.n > 0) removed[table] = row.n
  }
  return removed
}

/**
 * A legal hold keeps a person's history for a claim in progress, which the right to erasure yields
 * to (GDPR art. 17(3)(e), LGPD art. 16): the hold is lifted first, on the record, then the erasure runs.
 */
async function refuseUnderLegalHold(tx: Executor, workspaceId: string, contactId: string): Promise<void> {
  const [hold] = await queryRows<{ contact_id: string | null; reason: string }>(
    tx,
    sql`select contact_id::text, reason from legal_holds
         where workspace_id = ${workspaceId}::uuid and lifted_at is null
           and (contact_id is null or contact_id = ${contactId}::uuid)
         order by contact_id nulls last limit 1`,
  )
  if (!hold) return
  const scope = hold.contact_id ? 'this contact' : 'the whole workspace'
  throw new ConflictError(
    `A legal hold is in force on ${scope} ("${hold.reason}"): lift it before erasing the person.`,
  )
}
