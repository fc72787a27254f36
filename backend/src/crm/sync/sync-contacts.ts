import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { type CrmConnection, contacts, crmRecordLinks, type SyncedValues, workspaces } from '../../db/schema'
import { policyOf } from '../../outbound/policy-settings'
import { type FieldValue, fieldValues, loadSnapshots, sameValue } from '../contact-values'
import { fieldSpec } from '../fields'
import type { ContactWrite, CrmConnector, MappedField } from '../port'
import type { NewReviewItem } from '../review'
import { addReviewItems } from '../review'
import { meterWrites, utf8Bytes } from '../storage/storage-meter'
import { storageProfileOf } from '../storage/storage-profile'
import { CONTACT_OBJECT } from './contact-object'
import { queueOrphanErasures } from './erasure-queue'
import type { ClaimedChange } from './outbox'
import { dropChanges } from './outbox'
import { outgoingValue, writtenToLinkedRecord } from './outgoing-value'
import { type BatchOutcome, finishBatch } from './settle'
import type { SyncOptions } from './sync-options'
import { writeBatch } from './write-batch'

/**
 * Writes one batch of changed contacts: each as one input carrying only the fields that differ
 * from what the CRM holds (all of them for a record we have not linked yet). Values the
 * property cannot take are left out and put in the review queue instead of failing the batch.
 */
export async function syncContacts(
  db: Executor,
  connection: CrmConnection,
  connector: CrmConnector,
  fields: MappedField[],
  changes: ClaimedChange[],
  options: SyncOptions,
): Promise<BatchOutcome> {
  const now = new Date()
  const snapshots = await loadSnapshots(
    db,
    changes.map((c) => c.subjectId),
  )
  const links = await db
    .select()
    .from(crmRecordLinks)
    .where(
      and(
        eq(crmRecordLinks.connectionId, connection.id),
        eq(crmRecordLinks.objectType, CONTACT_OBJECT),
        inArray(
          crmRecordLinks.contactId,
          changes.map((c) => c.subjectId),
        ),
      ),
    )
  const linkOf = new Map(links.map((l) => [l.contactId, l]))
  // A record deleted in the CRM stays deleted until the person writes again; then it is new.
  for (const l of links) {
    if (l.role !== 'deleted') continue
    const [wroteAgain] = await queryRows<{ yes: boolean }>(
      db,
      sql`select exists (select 1 from messages where contact_id = ${l.contactId} and direction = 'inbound'
                           and created_at > ${(l.syncedAt ?? new Date(0)).toISOString()}::timestamptz) as yes`,
    )
    if (wroteAgain?.yes) {
      await db.delete(crmRecordLinks).where(eq(crmRecordLinks.id, l.id))
      linkOf.delete(l.contactId)
    }
  }
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, connection.workspaceId))
  const policy = policyOf(workspace?.settings ?? {})
  const unique = fields.find((f) => fieldSpec(f.field)?.unique)
  if (!unique) throw new Error('the upsert key field is not mapped')

  const writes: ContactWrite[] = []
  const sent = new Map<string, Record<string, FieldValue>>()
  const nothingToDo: ClaimedChange[] = []
  const review: NewReviewItem[] = []
  for (const change of changes) {
    const snap = snapshots.get(change.subjectId)
    const link = linkOf.get(change.subjectId)
    // Gone (merged away), a username-only contact with no number to match on, or the second
    // contact of a merged record: nothing of theirs is written as record fields.
    if (!snap?.contact.phoneE164 || link?.role === 'secondary' || link?.role === 'deleted') {
      nothingToDo.push(change)
      continue
    }
    const values = fieldValues(snap, policy, now)
    const synced: SyncedValues = link?.syncedValues ?? {}
    const properties: Record<string, FieldValue> = {}
    const values_sent: Record<string, FieldValue> = {}
    for (const f of fields) {
      if (!fieldSpec(f.field)) continue
      if (link && !writtenToLinkedRecord(f)) continue
      const value = outgoingValue(f, values)
      if (link && f.field in synced && sameValue(synced[f.field]?.v, value)) continue
      if (!link && (value === null || (Array.isArray(value) && value.length === 0))) {
        // Not sent, but both sides now agree it is empty: a later edit on either side is a change.
        values_sent[f.field] = value
        continue
      }
      const check = connector.formatValue(value, f.spec)
      if (!check.ok) {
        review.push({
          workspaceId: connection.workspaceId,
          connectionId: connection.id,
          contactId: change.subjectId,
          kind: 'sync_failed',
          field: f.field,
          localValue: value,
          detail: { code: 'invalid_value', message: `Not sent: ${check.reason}.`, property: f.property },
        })
        continue
      }
      properties[f.property] = check.value
      values_sent[f.field] = value
    }
    if (Object.keys(properties).length === 0) {
      nothingToDo.push(change)
      continue
    }
    writes.push({
      ref: change.subjectId,
      recordId: link?.recordId ?? null,
      uniqueValue: snap.contact.phoneE164,
      properties,
    })
    sent.set(change.subjectId, values_sent)
  }
  await addReviewItems(db, review)
  await dropChanges(db, nothingToDo)
  if (writes.length === 0) return { calls: 0, written: 0, failed: 0 }

  // New records (upsert by the unique key) and linked ones (update by id) are separate calls.
  const batch = { results: [] as Awaited<ReturnType<typeof writeBatch>>['results'], calls: 0 }
  for (const group of [writes.filter((w) => !w.recordId), writes.filter((w) => w.recordId)]) {
    const done = await writeBatch(connector, group, (w) => connector.upsertContacts(w, unique.property))
    batch.results.push(...done.results)
    batch.calls += done.calls
  }
  await meterWrites(
    db,
    connection,
    'contact',
    storageProfileOf(connector),
    // A write by record id updates what is there; one by the unique key may create the record.
    writes.map((w) => ({
      ref: w.ref,
      bytes: utf8Bytes(...Object.values(w.properties).map((v) => (v === null ? null : String(v)))),
      mayCreate: !w.recordId,
    })),
    batch.results,
  )
  // Link every record the CRM accepted, in one statement, with the values it now holds.
  const at = new Date()
  let accepted = batch.results.flatMap((r) => {
    if (!r.ok) return []
    const values = sent.get(r.ref) ?? {}
    const synced = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { v, at: at.getTime() }]))
    return [
      {
        workspaceId: connection.workspaceId,
        connectionId: connection.id,
        objectType: CONTACT_OBJECT,
        recordId: r.recordId,
        contactId: r.ref,
        syncedValues: synced,
        syncedAt: at,
        // Whether the record is ours decides, at an erasure, between deleting it and only marking it.
        createdByUs: r.created ?? null,
      },
    ]
  })
  // A person erased while this batch was in flight has no contact to link any more: what the CRM
  // just wrote for them is queued for erasure instead (a record it created is deleted again).
  const alive = new Set(
    accepted.length > 0
      ? (
          await db
            .select({ id: contacts.id })
            .from(contacts)
            .where(
              inArray(
                contacts.id,
                accepted.map((a) => a.contactId),
              ),
            )
        ).map((c) => c.id)
      : [],
  )
  await queueOrphanErasures(db, {
    workspaceId: connection.workspaceId,
    connectionId: connection.id,
    records: accepted
      .filter((a) => !alive.has(a.contactId))
      .map((a) => ({ objectType: a.objectType, recordId: a.recordId, createdByUs: a.createdByUs })),
  })
  accepted = accepted.filter((a) => alive.has(a.contactId))
  if (accepted.length > 0) {
    await db
      .insert(crmRecordLinks)
      .values(accepted)
      .onConflictDoUpdate({
        target: [crmRecordLinks.connectionId, crmRecordLinks.objectType, crmRecordLinks.contactId],
        set: {
          recordId: sql`excluded.record_id`,
          syncedValues: sql`${crmRecordLinks.syncedValues} || excluded.synced_values`,
          syncedAt: sql`excluded.synced_at`,
          // An update by id says nothing about who created the record: keep what the upsert said.
          createdByUs: sql`case when ${crmRecordLinks.recordId} = excluded.record_id
                                then coalesce(${crmRecordLinks.createdByUs}, excluded.created_by_us)
                                else excluded.created_by_us end`,
        },
      })
  }
  return finishBatch(db, connection, changes, batch, options, 'contact')
}
