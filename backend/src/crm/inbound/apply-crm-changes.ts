import { randomUUID } from 'node:crypto'
import { e164ToWaId, toE164 } from '@scrm/shared'
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm'
import type { Database, Executor } from '../../db/client'
import {
  type CrmConnection,
  type CrmRecordLink,
  contacts,
  crmRecordErasures,
  crmRecordLinks,
} from '../../db/schema'
import { fieldSpec } from '../fields'
import { mappedFields, mappingRows } from '../mapping'
import type { CrmChange, CrmConnector, CrmRecord, MappedField } from '../port'
import { CONTACT_OBJECT } from '../sync/contact-object'
import { queueRecordErasures } from '../sync/erasure-queue'
import { applyRemoteField } from './apply-remote-field'

/**
 * Applies a connection's CRM changes in the order they happened; returns one outcome per change.
 * New records are read in one call (notifications carry no values) and linked to the WhatsApp
 * contact with the same number; merges move links; deletions cut them and keep the history.
 */
export async function applyCrmChanges(
  db: Database,
  connection: CrmConnection,
  connector: CrmConnector,
  changes: CrmChange[],
): Promise<string[]> {
  const fields = mappedFields(await mappingRows(db, connection.id, (spec) => connector.defaultProperty(spec)))
  const twoWay = fields.filter((f) => fieldSpec(f.field)?.direction === 'both')
  const created = changes.flatMap((c) => (c.type === 'created' ? [c.recordId] : []))
  const records = new Map<string, CrmRecord>()
  if (created.length > 0) {
    const unique = fields.find((f) => fieldSpec(f.field)?.unique)
    const properties = [
      ...new Set([...twoWay.map((f) => f.property), unique?.property, 'phone', 'mobilephone']),
    ]
    for (let i = 0; i < created.length; i += connector.batchLimit) {
      const ids = [...new Set(created.slice(i, i + connector.batchLimit))]
      for (const r of await connector.readContacts(ids, properties.filter(Boolean) as string[]))
        records.set(r.id, r)
    }
  }
  const outcomes: string[] = []
  for (const change of [...changes].sort((a, b) => a.at - b.at)) {
    outcomes[changes.indexOf(change)] = await db.transaction((tx) =>
      applyOne(tx, connection, connector, { fields, twoWay, records }, change),
    )
  }
  return outcomes
}

interface Context {
  fields: MappedField[]
  twoWay: MappedField[]
  records: Map<string, CrmRecord>
}

async function applyOne(
  tx: Executor,
  connection: CrmConnection,
  connector: CrmConnector,
  ctx: Context,
  change: CrmChange,
): Promise<string> {
  switch (change.type) {
    case 'property': {
      const field = ctx.twoWay.find((f) => f.property === change.property)
      if (!field) return `property ${change.property} is not mapped both ways`
      const link = await primaryLink(tx, connection.id, change.recordId)
      if (!link) return 'record is not linked to a WhatsApp contact'
      const outcome = await applyRemoteField(
        tx,
        link,
        field.field,
        connector.parseValue(change.value, field.spec),
        change.at,
      )
      return `${field.field}: ${outcome}`
    }
    case 'created': {
      const record = ctx.records.get(change.recordId)
      if (!record) return 'record not found in the CRM'
      const link = await linkCreatedRecord(tx, connection, ctx, record)
      if (typeof link === 'string') return link
      const applied: string[] = []
      for (const f of ctx.twoWay) {
        if (!(f.property in record.properties)) continue
        const value = connector.parseValue(record.properties[f.property] ?? null, f.spec)
        if (value === null || (Array.isArray(value) && value.length === 0)) continue
        applied.push(`${f.field}: ${await applyRemoteField(tx, link, f.field, value, change.at)}`)
      }
      return `linked${applied.length ? `; ${applied.join(', ')}` : ''}`
    }
    case 'merged': {
      let moved = 0
      const primary = await primaryLink(tx, connection.id, change.primaryId)
      for (const mergedId of change.mergedIds) {
        const links = await tx
          .select()
          .from(crmRecordLinks)
          .where(and(eq(crmRecordLinks.connectionId, connection.id), eq(crmRecordLinks.recordId, mergedId)))
        for (const l of links) {
          const keepsPrimary = !primary && moved === 0 && l.role === 'primary'
          await tx
            .update(crmRecordLinks)
            .set({ recordId: change.primaryId, role: keepsPrimary ? 'primary' : 'secondary' })
            .where(eq(crmRecordLinks.id, l.id))
          moved++
        }
      }
      return `merged into ${change.primaryId}: ${moved} link(s) moved`
    }
    case 'erased': {
      // The person asked the CRM to forget them: their contact here goes with everything hanging
      // off it (messages, tags, sends, tasks: foreign keys cascade). Only the audit line stays.
      const linked = await tx
        .select({ contactId: crmRecordLinks.contactId })
        .from(crmRecordLinks)
        .where(
          and(eq(crmRecordLinks.connectionId, connection.id), eq(crmRecordLinks.recordId, change.recordId)),
        )
      const ids = [...new Set(linked.map((l) => l.contactId))]
      if (ids.length === 0) return 'record was not linked; nothing to erase'
      const people = await tx
        .select({ waId: contacts.waId, bsuid: contacts.bsuid })
        .from(contacts)
        .where(inArray(contacts.id, ids))
      // The raw deliveries we keep for replay hold their messages too.
      for (const key of people.flatMap((p) => [p.waId, p.bsuid]).filter((k): k is string => !!k)) {
        await tx.execute(sql`
          delete from webhook_events where state in ('processed', 'dead', 'unrouted')
            and raw_body like ${`%"${key.replace(/[\\%_"]/g, '')}"%`}`)
      }
      // Their records in the other connected CRMs are handled like any erasure's; this CRM's record
      // is gone already, so nothing is sent back to it (no echo of its own privacy deletion).
      const others = await queueRecordErasures(tx, {
        workspaceId: connection.workspaceId,
        erasureId: randomUUID(),
        contactIds: ids,
        exceptConnectionId: connection.id,
      })
      await tx
        .delete(contacts)
        .where(and(eq(contacts.workspaceId, connection.workspaceId), inArray(contacts.id, ids)))
      await tx.execute(sql`
        delete from crm_outbox where connection_id = ${connection.id} and kind = 'contact'
          and subject_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`)
      return (
        `privacy deletion: erased ${ids.length} contact(s) and their history` +
        (others.length > 0 ? `; ${others.length} record(s) in other CRMs queued for erasure` : '')
      )
    }
    case 'deleted': {
      const cut = await tx
        .update(crmRecordLinks)
        .set({ role: 'deleted', syncedAt: new Date(change.at) })
        .where(
          and(eq(crmRecordLinks.connectionId, connection.id), eq(crmRecordLinks.recordId, change.recordId)),
        )
        .returning({ id: crmRecordLinks.id })
      return `unlinked ${cut.length} contact(s); history kept`
    }
  }
}

async function primaryLink(
  tx: Executor,
  connectionId: string,
  recordId: string,
): Promise<CrmRecordLink | null> {
  const [link] = await tx
    .select()
    .from(crmRecordLinks)
    .where(
      and(
        eq(crmRecordLinks.connectionId, connectionId),
        eq(crmRecordLinks.objectType, CONTACT_OBJECT),
        eq(crmRecordLinks.recordId, recordId),
        ne(crmRecordLinks.role, 'deleted'),
      ),
    )
    .orderBy(asc(crmRecordLinks.role), asc(crmRecordLinks.createdAt))
    .limit(1)
  return link ?? null
}

/** Links a record created in the CRM to the contact with its number (creating the contact if new). */
async function linkCreatedRecord(
  tx: Executor,
  connection: CrmConnection,
  ctx: Context,
  record: CrmRecord,
): Promise<CrmRecordLink | string> {
  const existing = await primaryLink(tx, connection.id, record.id)
  if (existing) return existing
  // A record kept (marked) for an erased person may still hold their phone in the CRM's own
  // fields; linking it would bring the person back here. It stays unlinked until they write again.
  const [kept] = await tx
    .select({ id: crmRecordErasures.id })
    .from(crmRecordErasures)
    .where(
      and(
        eq(crmRecordErasures.connectionId, connection.id),
        eq(crmRecordErasures.recordId, record.id),
        eq(crmRecordErasures.action, 'mark'),
      ),
    )
    .limit(1)
  if (kept) return 'record was kept for an erased person; not linked again'
  const unique = ctx.fields.find((f) => fieldSpec(f.field)?.unique)
  const raw =
    (unique && record.properties[unique.property]) || record.properties.phone || record.properties.mobilephone
  const e164 = raw ? toE164(raw) : null
  if (!e164) return 'record has no phone number we can match'
  const [contact] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, connection.workspaceId), eq(contacts.phoneE164, e164)))
  if (contact) {
    const [other] = await tx
      .select()
      .from(crmRecordLinks)
      .where(
        and(
          eq(crmRecordLinks.connectionId, connection.id),
          eq(crmRecordLinks.objectType, CONTACT_OBJECT),
          eq(crmRecordLinks.contactId, contact.id),
        ),
      )
    if (other && other.role !== 'deleted') return `the contact is already linked to record ${other.recordId}`
    if (other) await tx.delete(crmRecordLinks).where(eq(crmRecordLinks.id, other.id))
  }
  let contactId = contact?.id
  if (!contactId) {
    // Someone a rep added in the CRM: a contact they can send a template to from the card.
    const [created] = await tx
      .insert(contacts)
      .values({ workspaceId: connection.workspaceId, phoneE164: e164, waId: e164ToWaId(e164) })
      .onConflictDoNothing()
      .returning({ id: contacts.id })
    contactId = created?.id
  }
  if (!contactId) return 'could not create a contact for the record'
  await tx
    .insert(crmRecordLinks)
    .values({
      workspaceId: connection.workspaceId,
      connectionId: connection.id,
      objectType: CONTACT_OBJECT,
      recordId: record.id,
      contactId,
    })
    .onConflictDoNothing()
  const link = await primaryLink(tx, connection.id, record.id)
  return link ?? 'could not link the record'
}
