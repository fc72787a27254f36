/**
 * Record writes as HubSpot performs them: property names and values checked against the portal's
 * definitions, read-only and required properties enforced, unique values (email, hasUniqueValue
 * properties) kept unique, system properties (hs_object_id, create/modify dates) maintained.
 * Shared by the API routes and by the simulated HubSpot UI.
 */
import {
  conflict,
  type PropertyProblem,
  propertyValuesInvalid,
  type SimAnswer,
  validationError,
} from './errors'
import { OBJECT_TYPES, type ObjectTypeName } from './object-types'
import type { Portal, StoredRecord } from './portal'
import { checkValue } from './property-values'

export type Values = Record<string, string | null>
export type Checked = { ok: true; values: Values } | { ok: false; answer: SimAnswer }

/** Validates `properties` of a write and normalises the values to what HubSpot stores. */
export function checkProperties(
  portal: Portal,
  type: ObjectTypeName,
  properties: unknown,
  creating: boolean,
): Checked {
  if (properties === undefined || properties === null) properties = {}
  if (typeof properties !== 'object' || Array.isArray(properties)) {
    return { ok: false, answer: validationError('Invalid input JSON: "properties" must be an object') }
  }
  const problems: PropertyProblem[] = []
  const values: Values = {}
  for (const [name, raw] of Object.entries(properties as Record<string, unknown>)) {
    const prop = portal.property(type, name)
    if (!prop) {
      problems.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` })
      continue
    }
    if (prop.modificationMetadata.readOnlyValue || prop.calculated) {
      problems.push({
        name,
        error: 'READ_ONLY_VALUE',
        message: `"${name}" is a read only property; its value cannot be set.`,
      })
      continue
    }
    const checked = checkValue(prop, raw)
    if (checked.ok) values[name] = checked.value
    else problems.push(checked.problem)
  }
  if (creating) {
    for (const name of OBJECT_TYPES[type].requiredOnCreate) {
      if (values[name] === undefined || values[name] === null) {
        if (!problems.some((p) => p.name === name)) {
          problems.push({
            name,
            error: 'MISSING_REQUIRED_PROPERTY',
            message: `Property "${name}" is required`,
          })
        }
      }
    }
  }
  if (problems.length) return { ok: false, answer: propertyValuesInvalid(problems, portal.id) }
  return { ok: true, values }
}

/**
 * Claims on unique values made by earlier inputs of the same batch, so two inputs cannot both
 * create the same email.
 */
export type Claims = Map<string, string>

/** HubSpot's 409 when a unique value already belongs to another record (or to an earlier input). */
export function uniqueClash(
  portal: Portal,
  type: ObjectTypeName,
  values: Values,
  selfId: string | undefined,
  claims: Claims = new Map(),
): SimAnswer | undefined {
  for (const [name, value] of Object.entries(values)) {
    if (value === null || !portal.property(type, name)?.hasUniqueValue) continue
    const existing = portal.findByUnique(type, name, value)
    const existingId = existing?.id ?? claims.get(`${name}\u0000${value}`)
    if (existingId !== undefined && existingId !== selfId) return clash(type, name, value, existingId)
  }
  return undefined
}

export function claim(
  claims: Claims,
  portal: Portal,
  type: ObjectTypeName,
  values: Values,
  id: string,
): void {
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && portal.property(type, name)?.hasUniqueValue) claims.set(`${name}\u0000${value}`, id)
  }
}

function clash(type: ObjectTypeName, name: string, value: string, existingId: string): SimAnswer {
  const def = OBJECT_TYPES[type]
  if (type === 'contacts' && name === 'email') {
    return conflict(`Contact already exists. Existing ID: ${existingId}`)
  }
  return conflict(
    `A ${def.singular} with the unique value "${value}" for property "${name}" already exists. Existing ID: ${existingId}`,
    { propertyName: [name], existingId: [existingId] },
  )
}

export function createRecord(
  portal: Portal,
  type: ObjectTypeName,
  values: Values,
  at = Date.now(),
): StoredRecord {
  const def = OBJECT_TYPES[type]
  const id = portal.nextId()
  const iso = new Date(at).toISOString()
  const properties: Values = {}
  for (const [name, value] of Object.entries(values)) if (value !== null) properties[name] = value
  properties.hs_object_id = id
  properties[def.createdProperty] ??= iso
  properties[def.modifiedProperty] = iso
  const record: StoredRecord = { id, type, properties, createdAt: at, updatedAt: at, archived: false }
  portal.records.get(type)?.set(id, record)
  return record
}

/** Applies values; returns the names whose value changed (modify date bumped only then). */
export function updateRecord(record: StoredRecord, values: Values, at = Date.now()): string[] {
  const changed: string[] = []
  for (const [name, value] of Object.entries(values)) {
    if ((record.properties[name] ?? null) === value) continue
    if (value === null) delete record.properties[name]
    else record.properties[name] = value
    changed.push(name)
  }
  if (changed.length) {
    record.updatedAt = at
    record.properties[OBJECT_TYPES[record.type].modifiedProperty] = new Date(at).toISOString()
  }
  return changed
}

export function archiveRecord(portal: Portal, record: StoredRecord, at = Date.now()): void {
  record.archived = true
  record.archivedAt = at
  record.updatedAt = at
  for (const a of portal.associations.list(record.type, record.id)) {
    portal.associations.remove(record.type, record.id, a.toType as ObjectTypeName, a.toId)
  }
}
