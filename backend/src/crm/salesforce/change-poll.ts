import { createHash } from 'node:crypto'
import { and, eq, inArray, ne, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { type CrmConnection, crmConnections, crmRecordLinks, type SyncedValues } from '../../db/schema'
import type { Logger } from '../../lib/logger'
import { sameValue } from '../contact-values'
import { fieldSpec } from '../fields'
import { mappedFields, mappingRows } from '../mapping'
import type { MappedField } from '../port'
import type { CrmChangePolling, CrmInboundEvent } from '../provider'
import { CONTACT_OBJECT } from '../sync/contact-object'
import { orgStateOf } from './org-state'
import type { PollEvent } from './poll-events'
import type { PersonObject } from './record-types'
import { SalesforceConnector } from './salesforce-connector'
import { rawOf } from './salesforce-fields'

/** Modifications are read again this far back: a transaction that committed late has an older SystemModstamp. */
const OVERLAP_MS = 60_000
const MIN_INTERVAL_MS = 60_000
/** Pages of up to 2,000 records read per object and poll; the rest waits for the next poll. */
const MAX_PAGES = 5
/** A Developer Edition's daily allocation, assumed until the org reported its own. */
const ASSUMED_DAILY_LIMIT = 15_000
const OBJECTS: PersonObject[] = ['Lead', 'Contact']

interface PolledRecord {
  Id: string
  SystemModstamp: string
  LastModifiedDate: string
  IsDeleted: boolean
  MasterRecordId?: string | null
  IsConverted?: boolean
  ConvertedContactId?: string | null
  [field: string]: unknown
}

const ms = (sfTime: unknown) => Date.parse(String(sfTime).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
const soqlTime = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z')

/** How often an org may be polled: two queries a poll within `pollShare` of its daily allocation. */
export function pollIntervalMs(dailyLimit: number | undefined, pollShare: number): number {
  const limit = dailyLimit && dailyLimit > 0 ? dailyLimit : ASSUMED_DAILY_LIMIT
  const pollsPerDay = (limit * pollShare) / OBJECTS.length
  return Math.max(MIN_INTERVAL_MS, Math.ceil(86_400_000 / pollsPerDay))
}

/**
 * Changes made in Salesforce, read by polling (no Change Data Capture needed): one SOQL `queryAll`
 * per object on `SystemModstamp` since the last poll returns live records (field values), deleted
 * ones (`IsDeleted`; merged-away ones carry `MasterRecordId`) and converted Leads
 * (`ConvertedContactId`). Each becomes an inbound event; the generic inbound path applies them with
 * the same rules as HubSpot's webhooks (per-field newest wins, review queue, delete unlinks).
 * A field that still holds what both sides last agreed on is no change (our own writes come back
 * this way and are dropped here).
 */
export function salesforcePolling(
  db: Database,
  options: { schedule: string; pollShare: number; logger: Logger },
): CrmChangePolling {
  return {
    schedule: options.schedule,
    async poll({ connection: given, connector, store }) {
      if (!(connector instanceof SalesforceConnector)) return { polled: false, events: 0 }
      const [connection] = await db.select().from(crmConnections).where(eq(crmConnections.id, given.id))
      if (connection?.state !== 'active' || !connection.refreshTokenEnc) return { polled: false, events: 0 }
      const state = orgStateOf(connection)
      const now = Date.now()
      const interval = pollIntervalMs(connector.quota()?.max ?? connection.apiUsage?.limit, options.pollShare)
      if (state.lastPollAt && now - state.lastPollAt < interval) return { polled: false, events: 0 }
      const usage = connection.apiUsage
      if (usage?.resumeAt && Date.parse(usage.resumeAt) > now) return { polled: false, events: 0 }

      const fields = mappedFields(
        await mappingRows(db, connection.id, (spec) => connector.defaultProperty(spec)),
      )
      const cursors = { ...(state.pollCursors ?? {}) }
      let stored = 0
      for (const sobject of OBJECTS) {
        const since = (cursors[sobject] ?? connection.installedAt?.getTime() ?? now) - OVERLAP_MS
        const { events, cursor } = await pollObject(db, connection, connector, sobject, fields, since)
        stored += events.length > 0 ? await store(events) : 0
        if (cursor !== null) cursors[sobject] = Math.max(cursor, cursors[sobject] ?? 0)
        else cursors[sobject] ??= since + OVERLAP_MS
      }
      await db
        .update(crmConnections)
        .set({
          providerState: sql`${crmConnections.providerState} || ${JSON.stringify({ pollCursors: cursors, lastPollAt: now })}::jsonb`,
        })
        .where(eq(crmConnections.id, connection.id))
      if (stored > 0)
        options.logger.debug({ connectionId: connection.id, events: stored }, 'Salesforce changes polled')
      return { polled: true, events: stored }
    },
  }
}

async function pollObject(
  db: Database,
  connection: CrmConnection,
  connector: SalesforceConnector,
  sobject: PersonObject,
  fields: MappedField[],
  since: number,
): Promise<{ events: CrmInboundEvent[]; cursor: number | null }> {
  const available = new Set((await connector.describe(sobject)).map((f) => f.name))
  const unique = fields.find((f) => fieldSpec(f.field)?.unique)
  const twoWay = fields.filter((f) => fieldSpec(f.field)?.direction === 'both' && available.has(f.property))
  const columns = [
    'Id',
    'SystemModstamp',
    'LastModifiedDate',
    'IsDeleted',
    'MasterRecordId',
    ...(sobject === 'Lead' ? ['IsConverted', 'ConvertedContactId'] : []),
    ...(unique && available.has(unique.property) ? [unique.property] : []),
    ...twoWay.map((f) => f.property),
  ].filter((c, i, all) => all.indexOf(c) === i && (available.has(c) || c === 'Id'))
  const soql = `SELECT ${columns.join(', ')} FROM ${sobject} WHERE SystemModstamp >= ${soqlTime(since)} ORDER BY SystemModstamp ASC, Id ASC`
  const records: PolledRecord[] = []
  let page = await connector.api.call((conn) =>
    conn.query<PolledRecord>(soql, { scanAll: true, autoFetch: false }),
  )
  records.push(...page.records)
  for (let n = 1; !page.done && page.nextRecordsUrl && n < MAX_PAGES; n++) {
    const next = page.nextRecordsUrl
    page = await connector.api.call((conn) => conn.queryMore<PolledRecord>(next))
    records.push(...page.records)
  }
  if (records.length === 0) return { events: [], cursor: null }
  const links = await linksOf(
    db,
    connection.id,
    records.map((r) => r.Id),
  )
  const events: PollEvent[] = []
  for (const r of records) {
    const stamp = ms(r.SystemModstamp)
    if (r.IsDeleted) {
      events.push(
        r.MasterRecordId
          ? {
              kind: 'merged',
              eventId: `merged:${r.Id}`,
              primaryId: r.MasterRecordId,
              mergedIds: [r.Id],
              at: stamp,
            }
          : { kind: 'deleted', eventId: `deleted:${r.Id}:${stamp}`, recordId: r.Id, at: stamp },
      )
      continue
    }
    if (r.IsConverted && r.ConvertedContactId) {
      // A converted Lead's people move to its Contact, like a merge.
      events.push({
        kind: 'merged',
        eventId: `converted:${r.Id}`,
        primaryId: r.ConvertedContactId,
        mergedIds: [r.Id],
        at: stamp,
      })
      continue
    }
    const synced = links.get(r.Id)
    if (!synced) {
      if (unique && rawOf(r[unique.property]))
        events.push({
          kind: 'created',
          eventId: `created:${r.Id}`,
          recordId: r.Id,
          at: ms(r.LastModifiedDate),
        })
      continue
    }
    const key = unique ? rawOf(r[unique.property]) : null
    for (const f of twoWay) {
      let raw = rawOf(r[f.property])
      // LastName is required, so a person without a name was created with their number in it: that is no name.
      if (f.property === 'LastName' && raw !== null && raw === key) raw = null
      const value = connector.parseValue(raw, f.spec)
      const known = synced[f.field]
      if (known && sameValue(known.v, value)) continue
      events.push({
        kind: 'property',
        // Stamps have second precision: a change is named by its value and by the agreement it
        // departs from, so a field set back within one second to a value it held is a new change.
        eventId: `${r.Id}:${f.property}:${stamp}:${createHash('sha256')
          .update(`${known?.at ?? ''}\u0000${raw ?? ''}`)
          .digest('hex')
          .slice(0, 16)}`,
        recordId: r.Id,
        property: f.property,
        value: raw,
        // LastModifiedDate has second precision; a value that differs from what both sides last
        // agreed on was written after that agreement, whatever second it shows.
        at: Math.max(ms(r.LastModifiedDate), (known?.at ?? 0) + 1),
      })
    }
  }
  // A record merged into a Lead that was then converted belongs to the Lead's Contact.
  const convertedTo = new Map(
    records.flatMap((r) =>
      r.IsConverted && r.ConvertedContactId ? [[r.Id, r.ConvertedContactId] as const] : [],
    ),
  )
  for (const e of events) if (e.kind === 'merged') e.primaryId = convertedTo.get(e.primaryId) ?? e.primaryId
  const last = records.at(-1) as PolledRecord
  return {
    events: events.map((e) => ({
      accountId: connection.accountId,
      eventId: e.eventId,
      occurredAt: new Date(e.at),
      payload: e as unknown as Record<string, unknown>,
    })),
    cursor: ms(last.SystemModstamp),
  }
}

async function linksOf(
  db: Database,
  connectionId: string,
  recordIds: string[],
): Promise<Map<string, SyncedValues>> {
  const out = new Map<string, SyncedValues>()
  for (let i = 0; i < recordIds.length; i += 1000) {
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
          inArray(crmRecordLinks.recordId, recordIds.slice(i, i + 1000)),
          ne(crmRecordLinks.role, 'deleted'),
        ),
      )
    for (const row of rows)
      if (row.role === 'primary' || !out.has(row.recordId)) out.set(row.recordId, row.syncedValues ?? {})
  }
  return out
}
