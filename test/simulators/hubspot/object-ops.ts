/**
 * Single-record operations shared by the object routes and the batch endpoints: find a record by id
 * or unique property, plan and apply a create (with its associations), apply an update, archive —
 * each sending the app's own-change webhooks when `deliverOwnChanges` is on.
 */
import { typeName } from './association-store'
import { checkCreateAssociations, type Link } from './associations'
import type { SimAnswer } from './errors'
import { objectTypeOf } from './http'
import type { ObjectTypeDef } from './object-types'
import type { Portal, StoredRecord } from './portal'
import type { SimulatorState } from './state'
import {
  archiveRecord,
  type Claims,
  checkProperties,
  createRecord,
  uniqueClash,
  updateRecord,
  type Values,
} from './writes'

export function lookup(
  portal: Portal,
  def: ObjectTypeDef,
  id: string,
  idProperty: string | undefined,
  archived = false,
): StoredRecord | undefined {
  if (!idProperty || idProperty === 'hs_object_id') return portal.find(def.name, id, archived)
  const prop = portal.property(def.name, idProperty)
  if (!prop?.hasUniqueValue) return undefined
  return archived ? undefined : portal.findByUnique(def.name, idProperty, id)
}

export function associationsOf(portal: Portal, record: StoredRecord, wanted: string[]) {
  const out: Record<string, { results: Array<{ id: string; type: string }> }> = {}
  for (const name of wanted) {
    const to = objectTypeOf(name)
    if (!to.ok) continue
    const results = portal.associations
      .list(record.type, record.id, to.def.name)
      .map((a) => ({ id: a.toId, type: typeName(record.type, to.def.name) }))
    if (results.length) out[to.def.name] = { results }
  }
  return out
}

export type Plan = { ok: true; values: Values; links: Link[] } | { ok: false; answer: SimAnswer }

export function planCreate(
  portal: Portal,
  def: ObjectTypeDef,
  input: Record<string, unknown>,
  claims: Claims,
): Plan {
  const checked = checkProperties(portal, def.name, input.properties, true)
  if (!checked.ok) return checked
  const links = checkCreateAssociations(portal, def, input.associations)
  if (!links.ok) return links
  const clash = uniqueClash(portal, def.name, checked.values, undefined, claims)
  if (clash) return { ok: false, answer: clash }
  return { ok: true, values: checked.values, links: links.links }
}

export function applyCreate(
  state: SimulatorState,
  portal: Portal,
  def: ObjectTypeDef,
  values: Values,
  links: Link[],
): StoredRecord {
  const record = createRecord(portal, def.name, values)
  for (const l of links) portal.associations.add(def.name, record.id, l.toType, l.toId, l.typeId)
  if (def.name === 'contacts') {
    void state.emit(portal.id, 'INTEGRATION', (source) =>
      state.contactWriteEvents(portal.id, source, record.id, true, record.properties, []),
    )
  }
  return record
}

export function applyUpdate(
  state: SimulatorState,
  portal: Portal,
  record: StoredRecord,
  values: Values,
): void {
  const changed = updateRecord(record, values)
  if (record.type === 'contacts' && changed.length) {
    void state.emit(portal.id, 'INTEGRATION', (source) =>
      state.contactWriteEvents(portal.id, source, record.id, false, record.properties, changed),
    )
  }
}

export function archive(state: SimulatorState, portal: Portal, record: StoredRecord): void {
  archiveRecord(portal, record)
  if (record.type === 'contacts') {
    void state.emit(portal.id, 'INTEGRATION', (source) => [
      state.webhooks.event(portal.id, 'contact.deletion', record.id, source, { changeFlag: 'DELETED' }),
    ])
  }
}

/**
 * GDPR delete: the record is removed for good (not restorable, unlike an archive), its associations
 * go, and the portal announces `contact.privacyDeletion` like a delete made in HubSpot's UI.
 */
export function purge(state: SimulatorState, portal: Portal, record: StoredRecord): void {
  archiveRecord(portal, record)
  portal.records.get(record.type)?.delete(record.id)
  for (const [from, into] of portal.mergedInto) if (into === record.id) portal.mergedInto.delete(from)
  void state.emit(portal.id, 'INTEGRATION', (source) => [
    state.webhooks.event(portal.id, 'contact.privacyDeletion', record.id, source, {}),
  ])
}
