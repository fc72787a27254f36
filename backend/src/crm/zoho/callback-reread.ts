import { createHash } from 'node:crypto'
import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import {
  type CrmConnection,
  contacts,
  crmConnections,
  crmRecordLinks,
  crmWebhookEvents,
  type SyncedValues,
} from '../../db/schema'
import type { Logger } from '../../lib/logger'
import { sameValue } from '../contact-values'
import { fieldSpec } from '../fields'
import { mappedFields, mappingRows } from '../mapping'
import type { CrmChangePolling, CrmInboundEvent } from '../provider'
import { CONTACT_OBJECT } from '../sync/contact-object'
import { type ZohoCallbackEvent, type ZohoEvent, zohoEventSchema } from './change-events'
import { zohoStateOf } from './org-state'
import type { ZohoConnector } from './zoho-connector'
import { ensureWatch } from './zoho-watch'

const CALLBACKS_PER_PASS = 500

/**
 * The Zoho side of the inbound path, on the shared scheduler: each pass keeps the org's channel
 * alive (subscribed after install, reconciled once per process start) and re-reads the records
 * that stored callbacks named — callbacks repeat, arrive out of order and carry no values, so
 * only what a record holds now counts. A two-way field that differs from what both sides last
 * agreed on becomes a `property` event; an unknown record with a phone a `created` one; a record
 * gone after a delete callback a `deleted` one. Our own writes re-read as agreed values: no echo.
 */
export function zohoCallbackReread(
  db: Database,
  options: { schedule: string; publicUrl: string | undefined; logger: Logger },
): CrmChangePolling {
  const reconciled = new Set<string>()
  return {
    schedule: options.schedule,
    async poll({ connection, connector, store }) {
      const zoho = connector as ZohoConnector
      const fresh = !reconciled.has(connection.id)
      if (fresh || !zohoStateOf(connection).channel) {
        await ensureWatch(db, connection, zoho, {
          publicUrl: options.publicUrl,
          reconcile: fresh,
          logger: options.logger,
        })
        reconciled.add(connection.id)
      }
      const cursor = zohoStateOf(connection).callbackCursor ?? 0
      const rows = await db
        .select({ id: crmWebhookEvents.id, payload: crmWebhookEvents.payload })
        .from(crmWebhookEvents)
        .where(
          and(
            eq(crmWebhookEvents.provider, 'zoho'),
            eq(crmWebhookEvents.accountId, connection.accountId),
            gt(crmWebhookEvents.id, cursor),
            sql`${crmWebhookEvents.payload}->>'kind' = 'callback'`,
          ),
        )
        .orderBy(asc(crmWebhookEvents.id))
        .limit(CALLBACKS_PER_PASS)
      if (rows.length === 0) return { polled: false, events: 0 }
      const callbacks = rows.flatMap((r) => {
        const parsed = zohoEventSchema.safeParse(r.payload)
        return parsed.success && parsed.data.kind === 'callback' ? [parsed.data] : []
      })
      const events = await rereadEvents(db, connection, zoho, callbacks)
      const stored = events.length > 0 ? await store(events) : 0
      // Only after the events are stored: a crash in between re-reads the same callbacks.
      const last = Number(rows.at(-1)?.id ?? cursor)
      await db
        .update(crmConnections)
        .set({ providerState: sql`provider_state || ${JSON.stringify({ callbackCursor: last })}::jsonb` })
        .where(eq(crmConnections.id, connection.id))
      return { polled: true, events: stored }
    },
  }
}

async function rereadEvents(
  db: Database,
  connection: CrmConnection,
  connector: ZohoConnector,
  callbacks: ZohoCallbackEvent[],
): Promise<CrmInboundEvent[]> {
  const fields = mappedFields(await mappingRows(db, connection.id, (spec) => connector.defaultProperty(spec)))
  const twoWay = fields.filter((f) => fieldSpec(f.field)?.direction === 'both')
  const unique = fields.find((f) => fieldSpec(f.field)?.unique)
  const ids = [...new Set(callbacks.map((c) => c.recordId))]
  const properties = [...new Set([...twoWay.map((f) => f.property), ...(unique ? [unique.property] : [])])]
  const records = new Map((await connector.readContacts(ids, properties)).map((r) => [r.id, r]))
  const links = await linksOf(db, connection.id, ids)
  const events: ZohoEvent[] = []
  for (const id of ids) {
    const record = records.get(id)
    const mine = callbacks.filter((c) => c.recordId === id)
    if (!record) {
      const deleted = mine.find((c) => c.operation === 'delete')
      if (!deleted || !links.has(id)) continue
      // Zoho says "delete" for a merged-away record and a converted Lead too: where another live
      // record holds the person's WhatsApp number, the link moves there as a merge.
      const phone = unique ? await linkedPhone(db, connection.id, id) : null
      const survivor = phone && unique ? await connector.findByUnique(unique.property, phone, id) : null
      events.push(
        survivor
          ? {
              kind: 'merged',
              eventId: `merged:${id}:${survivor}`,
              primaryId: survivor,
              mergedIds: [id],
              at: deleted.at,
            }
          : { kind: 'deleted', eventId: `deleted:${id}`, recordId: id, at: deleted.at },
      )
      continue
    }
    const modified = Date.parse(record.properties.Modified_Time ?? '') || Math.max(...mine.map((c) => c.at))
    const synced = links.get(id)
    if (!synced) {
      events.push({ kind: 'created', eventId: `created:${id}`, recordId: id, at: modified })
      continue
    }
    const key = unique ? record.properties[unique.property] : null
    for (const f of twoWay) {
      if (!(f.property in record.properties)) continue
      let raw = record.properties[f.property] ?? null
      // Last_Name is required, so a person without a name was created with their number in it.
      if (f.property === 'Last_Name' && raw !== null && raw === key) raw = null
      const value = connector.parseValue(raw, f.spec)
      const known = synced[f.field]
      if (known && sameValue(known.v, value)) continue
      if (!known && (value === null || (Array.isArray(value) && value.length === 0))) continue
      events.push({
        kind: 'property',
        // Modified_Time has second precision: a change is named by its value and by the agreement
        // it departs from, so a field set back within one second to a value it held is a new change.
        eventId: `${id}:${f.property}:${modified}:${createHash('sha256')
          .update(`${known?.at ?? ''}\u0000${raw ?? ''}`)
          .digest('hex')
          .slice(0, 16)}`,
        recordId: id,
        property: f.property,
        value: raw,
        // Modified_Time has second precision: a value that differs from the last agreement came after it.
        at: Math.max(modified, (known?.at ?? 0) + 1),
      })
    }
  }
  return events.map((e) => ({
    accountId: connection.accountId,
    eventId: 'eventId' in e ? e.eventId : `${e.kind}`,
    occurredAt: new Date(e.at),
    payload: e as unknown as Record<string, unknown>,
  }))
}

async function linksOf(
  db: Database,
  connectionId: string,
  recordIds: string[],
): Promise<Map<string, SyncedValues>> {
  const out = new Map<string, SyncedValues>()
  if (recordIds.length === 0) return out
  const rows = await db
    .select({
      recordId: crmRecordLinks.recordId,
      syncedValues: crmRecordLinks.syncedValues,
      role: crmRecordLinks.role,
    })
    .from(crmRecordLinks)
    .where(
      and(
        eq(crmRecordLinks.connectionId, connectionId),
        eq(crmRecordLinks.objectType, CONTACT_OBJECT),
        inArray(crmRecordLinks.recordId, recordIds),
        ne(crmRecordLinks.role, 'deleted'),
      ),
    )
  for (const row of rows)
    if (row.role === 'primary' || !out.has(row.recordId)) out.set(row.recordId, row.syncedValues ?? {})
  return out
}

/** The E.164 number of the contact primarily linked to a record (what `WhatsApp_Number` held). */
async function linkedPhone(db: Database, connectionId: string, recordId: string): Promise<string | null> {
  const [row] = await db
    .select({ phone: contacts.phoneE164 })
    .from(crmRecordLinks)
    .innerJoin(contacts, eq(contacts.id, crmRecordLinks.contactId))
    .where(
      and(
        eq(crmRecordLinks.connectionId, connectionId),
        eq(crmRecordLinks.recordId, recordId),
        ne(crmRecordLinks.role, 'deleted'),
      ),
    )
    .orderBy(asc(crmRecordLinks.role))
    .limit(1)
  return row?.phone ?? null
}
