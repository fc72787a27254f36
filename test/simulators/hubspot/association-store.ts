/**
 * Associations between records of one portal, kept in both directions like HubSpot does: creating
 * communication→contact (81) also makes contact→communication (82) visible.
 */
import type { ObjectTypeName } from './object-types'
import type { SimAssociation } from './types'

interface DefinedPair {
  from: ObjectTypeName
  to: ObjectTypeName
  typeId: number
  inverse: number
}

/** HUBSPOT_DEFINED association types between the object types we simulate (`AssociationTypes` in the SDK). */
const DEFINED: DefinedPair[] = [
  { from: 'communications', to: 'contacts', typeId: 81, inverse: 82 },
  { from: 'tasks', to: 'contacts', typeId: 204, inverse: 203 },
]

const PAIRS = new Map<string, number>()
const INVERSE = new Map<number, number>()
for (const d of DEFINED) {
  PAIRS.set(`${d.from}>${d.to}`, d.typeId)
  PAIRS.set(`${d.to}>${d.from}`, d.inverse)
  INVERSE.set(d.typeId, d.inverse)
  INVERSE.set(d.inverse, d.typeId)
}

/** The one HUBSPOT_DEFINED type id from `from` to `to`, if the pair can be associated. */
export function definedTypeId(from: ObjectTypeName, to: ObjectTypeName): number | undefined {
  return PAIRS.get(`${from}>${to}`)
}

const key = (type: string, id: string) => `${type}:${id}`

export class AssociationStore {
  /** `type:id` → `toType:toId` → type ids. */
  private readonly edges = new Map<string, Map<string, Set<number>>>()

  add(from: ObjectTypeName, fromId: string, to: ObjectTypeName, toId: string, typeId: number): void {
    this.link(key(from, fromId), key(to, toId), typeId)
    const inverse = INVERSE.get(typeId)
    if (inverse !== undefined) this.link(key(to, toId), key(from, fromId), inverse)
  }

  remove(from: ObjectTypeName, fromId: string, to: ObjectTypeName, toId: string): void {
    this.edges.get(key(from, fromId))?.delete(key(to, toId))
    this.edges.get(key(to, toId))?.delete(key(from, fromId))
  }

  list(from: ObjectTypeName, fromId: string, to?: ObjectTypeName): SimAssociation[] {
    const out: SimAssociation[] = []
    for (const [target, types] of this.edges.get(key(from, fromId)) ?? []) {
      const [toType, toId] = target.split(':')
      if (to && toType !== to) continue
      for (const typeId of types) out.push({ toType, toId, typeId })
    }
    return out
  }

  /** Merge: every association of `fromId` now belongs to `intoId` (duplicates collapse). */
  moveAll(type: ObjectTypeName, fromId: string, intoId: string): void {
    const source = this.edges.get(key(type, fromId))
    if (!source) return
    for (const [target, types] of source) {
      const [toType, toId] = target.split(':') as [ObjectTypeName, string]
      for (const typeId of types) this.add(type, intoId, toType, toId, typeId)
      this.remove(type, fromId, toType, toId)
    }
    this.edges.delete(key(type, fromId))
  }

  private link(from: string, to: string, typeId: number): void {
    let targets = this.edges.get(from)
    if (!targets) {
      targets = new Map()
      this.edges.set(from, targets)
    }
    let types = targets.get(to)
    if (!types) {
      types = new Set()
      targets.set(to, types)
    }
    types.add(typeId)
  }
}

/** The object type a HUBSPOT_DEFINED `typeId` leads to from `from`. */
export function targetOfTypeId(from: ObjectTypeName, typeId: number): ObjectTypeName | undefined {
  for (const [pair, id] of PAIRS) {
    const [f, t] = pair.split('>') as [ObjectTypeName, ObjectTypeName]
    if (f === from && id === typeId) return t
  }
  return undefined
}

const SINGULAR: Record<ObjectTypeName, string> = {
  contacts: 'contact',
  communications: 'communication',
  tasks: 'task',
}

/** v3 name of an association type, as in `communication_to_contact`. */
export function typeName(from: ObjectTypeName, to: ObjectTypeName): string {
  return `${SINGULAR[from]}_to_${SINGULAR[to]}`
}
