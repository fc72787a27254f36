/**
 * One HubSpot account (portal) as the simulator holds it: property definitions and groups per
 * object type, records, associations, and which merged record ids now point at which survivor.
 */
import { AssociationStore } from './association-store'
import { DEFAULT_GROUPS, defaultProperties } from './default-properties'
import { OBJECT_TYPES, type ObjectTypeName } from './object-types'
import type { SimProperty, SimPropertyGroup, SimRecord } from './types'

export interface StoredRecord {
  id: string
  type: ObjectTypeName
  properties: Record<string, string | null>
  createdAt: number
  updatedAt: number
  archived: boolean
  archivedAt?: number
}

export class Portal {
  readonly properties = new Map<ObjectTypeName, Map<string, SimProperty>>()
  readonly groups = new Map<ObjectTypeName, Map<string, SimPropertyGroup>>()
  readonly records = new Map<ObjectTypeName, Map<string, StoredRecord>>()
  readonly associations = new AssociationStore()
  /** Merged-away record id → the record it was merged into. */
  readonly mergedInto = new Map<string, string>()

  constructor(
    readonly id: number,
    readonly nextId: () => string,
  ) {
    const at = new Date().toISOString()
    for (const type of Object.keys(OBJECT_TYPES) as ObjectTypeName[]) {
      this.properties.set(type, new Map(defaultProperties(type, at).map((p) => [p.name, p])))
      this.groups.set(
        type,
        new Map(
          DEFAULT_GROUPS[type].map((g, displayOrder) => [g.name, { ...g, displayOrder, archived: false }]),
        ),
      )
      this.records.set(type, new Map())
    }
  }

  property(type: ObjectTypeName, name: string): SimProperty | undefined {
    const p = this.properties.get(type)?.get(name)
    return p && !p.archived ? p : undefined
  }

  propertyList(type: ObjectTypeName): SimProperty[] {
    return [...(this.properties.get(type)?.values() ?? [])].filter((p) => !p.archived)
  }

  group(type: ObjectTypeName, name: string): SimPropertyGroup | undefined {
    const g = this.groups.get(type)?.get(name)
    return g && !g.archived ? g : undefined
  }

  /** The record, following merges; archived records only when asked. */
  find(type: ObjectTypeName, id: string, archived = false): StoredRecord | undefined {
    const store = this.records.get(type)
    const record = store?.get(this.mergedInto.get(id) ?? id)
    if (!record || record.archived !== archived) return undefined
    return record
  }

  /** The live record whose unique `property` holds `value` (emails compare case-insensitively). */
  findByUnique(type: ObjectTypeName, property: string, value: string): StoredRecord | undefined {
    if (property === 'hs_object_id') return this.find(type, value)
    const wanted = property === 'email' ? value.toLowerCase() : value
    for (const record of this.records.get(type)?.values() ?? []) {
      if (!record.archived && record.properties[property] === wanted) return record
    }
    return undefined
  }

  live(type: ObjectTypeName): StoredRecord[] {
    return [...(this.records.get(type)?.values() ?? [])].filter((r) => !r.archived)
  }
}

/** A record in HubSpot's JSON shape, with only the asked-for properties (null when unset). */
export function toSimRecord(record: StoredRecord, names?: Iterable<string>): SimRecord {
  const properties: Record<string, string | null> = {}
  if (names) {
    for (const name of names) properties[name] = record.properties[name] ?? null
  } else {
    for (const [name, value] of Object.entries(record.properties))
      if (value !== null) properties[name] = value
  }
  return {
    id: record.id,
    properties,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    archived: record.archived,
    ...(record.archivedAt !== undefined ? { archivedAt: new Date(record.archivedAt).toISOString() } : {}),
  }
}
