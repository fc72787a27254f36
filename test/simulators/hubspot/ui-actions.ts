/**
 * What a rep does in HubSpot's own UI, for tests: create, edit, merge and delete contacts. Each
 * change is applied to the portal and then delivered to the app's webhook target as HubSpot would
 * (changeSource CRM_UI); the returned promise settles when delivery (with retries) is over.
 */
import type { ObjectTypeName } from './object-types'
import type { StoredRecord } from './portal'
import type { SimulatorState } from './state'
import { archiveRecord, checkProperties, createRecord, uniqueClash, updateRecord } from './writes'

const CONTACTS: ObjectTypeName = 'contacts'

function fail(what: string, answer: { body: unknown }): never {
  const message = (answer.body as { message?: string } | null)?.message ?? 'rejected'
  throw new Error(`HubSpot UI: ${what}: ${message}`)
}

function contact(state: SimulatorState, portalId: number, id: string): StoredRecord {
  const record = state.portal(portalId).find(CONTACTS, id)
  if (!record) throw new Error(`HubSpot UI: contact ${id} does not exist in portal ${portalId}`)
  return record
}

export async function uiCreateContact(
  state: SimulatorState,
  portalId: number,
  properties: Record<string, string | null>,
): Promise<string> {
  const portal = state.portal(portalId)
  const checked = checkProperties(portal, CONTACTS, properties, true)
  if (!checked.ok) fail('create contact', checked.answer)
  const clash = uniqueClash(portal, CONTACTS, checked.values, undefined)
  if (clash) fail('create contact', clash)
  const record = createRecord(portal, CONTACTS, checked.values)
  await state.emit(portalId, 'CRM_UI', (source) =>
    state.contactWriteEvents(portalId, source, record.id, true, record.properties, []),
  )
  return record.id
}

export async function uiEditContact(
  state: SimulatorState,
  portalId: number,
  id: string,
  properties: Record<string, string | null>,
  at = Date.now(),
): Promise<void> {
  const portal = state.portal(portalId)
  const record = contact(state, portalId, id)
  const checked = checkProperties(portal, CONTACTS, properties, false)
  if (!checked.ok) fail(`edit contact ${id}`, checked.answer)
  const clash = uniqueClash(portal, CONTACTS, checked.values, record.id)
  if (clash) fail(`edit contact ${id}`, clash)
  const changed = updateRecord(record, checked.values, at)
  await state.emit(portalId, 'CRM_UI', (source) =>
    state.contactWriteEvents(
      portalId,
      { ...source, occurredAt: at },
      record.id,
      false,
      record.properties,
      changed,
    ),
  )
}

/**
 * HubSpot's merge: the primary keeps its id and its values, gains the values it lacked, the
 * associations of both, and the merged id as an alias (reads of the merged id answer the primary).
 */
export async function uiMergeContacts(
  state: SimulatorState,
  portalId: number,
  primaryId: string,
  mergedId: string,
): Promise<void> {
  const portal = state.portal(portalId)
  const primary = contact(state, portalId, primaryId)
  const merged = contact(state, portalId, mergedId)
  if (primary.id === merged.id) throw new Error('HubSpot UI: cannot merge a contact with itself')
  const skip = new Set(['hs_object_id', 'createdate', 'lastmodifieddate', 'hs_merged_object_ids'])
  const moved: Record<string, string> = {}
  for (const [name, value] of Object.entries(merged.properties)) {
    if (skip.has(name) || value === null || primary.properties[name]) continue
    moved[name] = value
  }
  const aliases = [merged.id, ...(merged.properties.hs_merged_object_ids?.split(';').filter(Boolean) ?? [])]
  const ids = [...(primary.properties.hs_merged_object_ids?.split(';').filter(Boolean) ?? []), ...aliases]
  // Values move off the merged record, so unique ones (email) stay unique.
  for (const name of Object.keys(moved)) delete merged.properties[name]
  updateRecord(primary, { ...moved, hs_merged_object_ids: ids.join(';') })
  portal.associations.moveAll(CONTACTS, merged.id, primary.id)
  merged.archived = true
  merged.archivedAt = Date.now()
  for (const alias of aliases) portal.mergedInto.set(alias, primary.id)
  for (const [from, into] of portal.mergedInto)
    if (into === merged.id) portal.mergedInto.set(from, primary.id)
  await state.emit(portalId, 'CRM_UI', (source) => [
    state.webhooks.event(portalId, 'contact.merge', primary.id, source, {
      changeFlag: 'MERGED',
      primaryObjectId: Number(primary.id),
      mergedObjectIds: [Number(merged.id)],
      newObjectId: Number(primary.id),
      numberOfPropertiesMoved: Object.keys(moved).length,
    }),
  ])
}

/** A GDPR delete: the record is gone for good and the app is told to erase its copy. */
export async function uiGdprDeleteContact(
  state: SimulatorState,
  portalId: number,
  id: string,
): Promise<void> {
  const record = contact(state, portalId, id)
  archiveRecord(state.portal(portalId), record)
  await state.emit(portalId, 'CRM_UI', (source) => [
    state.webhooks.event(portalId, 'contact.privacyDeletion', record.id, source, {}),
  ])
}

export async function uiDeleteContact(state: SimulatorState, portalId: number, id: string): Promise<void> {
  const record = contact(state, portalId, id)
  archiveRecord(state.portal(portalId), record)
  await state.emit(portalId, 'CRM_UI', (source) => [
    state.webhooks.event(portalId, 'contact.deletion', record.id, source, { changeFlag: 'DELETED' }),
  ])
}
