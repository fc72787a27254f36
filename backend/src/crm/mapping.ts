import { and, eq } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { type CrmFieldMapping, crmConnections, crmFieldMappings } from '../db/schema'
import { ConflictError, InvalidInputError } from '../lib/errors'
import type { FieldValue } from './contact-values'
import { CRM_FIELDS, type CrmFieldSpec, fieldSpec } from './fields'
import type { CrmPropertySpec, MappedField } from './port'

/**
 * Which CRM property holds each field on a connection. A connection starts with every field
 * mapped to a property we create in our group (or the CRM's standard one for names and email);
 * an admin can point a field at an existing property, switch it off or give it a default. Which
 * property is "ours" is the CRM's call (`CrmProvider.defaultProperty`).
 */
export type FieldNaming = (spec: CrmFieldSpec) => { property: string; managed: boolean }

export async function mappingRows(
  db: Executor,
  connectionId: string,
  naming: FieldNaming,
): Promise<CrmFieldMapping[]> {
  const rows = await db.select().from(crmFieldMappings).where(eq(crmFieldMappings.connectionId, connectionId))
  const missing = CRM_FIELDS.filter((f) => !rows.some((r) => r.field === f.key))
  if (missing.length === 0) return rows
  const added = await db
    .insert(crmFieldMappings)
    .values(
      missing.map((f) => ({
        connectionId,
        field: f.key,
        ...naming(f),
        defaultValue: f.key === 'customer_level' ? 'New Customer' : null,
      })),
    )
    .onConflictDoNothing()
    .returning()
  return [...rows, ...added]
}

/** Enabled mappings with a known property type, ready to build payloads. */
export function mappedFields(rows: CrmFieldMapping[]): MappedField[] {
  return rows.flatMap((r) => {
    const spec = fieldSpec(r.field)
    if (!r.enabled || !spec || !r.propertySpec) return []
    const propertySpec: CrmPropertySpec = { name: r.property, ...r.propertySpec } as CrmPropertySpec
    return [
      {
        field: r.field,
        property: r.property,
        spec: propertySpec,
        defaultValue: r.defaultValue as FieldValue,
      },
    ]
  })
}

export interface MappingChange {
  field: string
  property?: string
  enabled?: boolean
  default_value?: string | number | boolean | null
}

/** An admin's mapping edit; the CRM schema is checked again on the next sync. */
export async function updateMapping(
  db: Executor,
  connectionId: string,
  naming: FieldNaming,
  changes: MappingChange[],
): Promise<CrmFieldMapping[]> {
  const rows = await mappingRows(db, connectionId, naming)
  for (const change of changes) {
    const spec = fieldSpec(change.field)
    if (!spec) throw new InvalidInputError(`There is no field "${change.field}" to map.`)
    if (spec.unique && change.enabled === false) {
      throw new InvalidInputError(`"${change.field}" is the key records are matched by; it cannot be off.`)
    }
    const current = rows.find((r) => r.field === change.field)
    const ours = naming(spec)
    const property = change.property ?? current?.property ?? ours.property
    const taken = rows.find((r) => r.property === property && r.field !== change.field)
    if (taken) {
      throw new ConflictError(`Property "${property}" already holds "${taken.field}".`)
    }
    await db
      .update(crmFieldMappings)
      .set({
        property,
        managed: property === ours.property ? ours.managed : false,
        enabled: change.enabled ?? current?.enabled ?? true,
        defaultValue:
          change.default_value === undefined ? (current?.defaultValue ?? null) : change.default_value,
        propertySpec: property === current?.property ? current.propertySpec : null,
        updatedAt: new Date(),
      })
      .where(and(eq(crmFieldMappings.connectionId, connectionId), eq(crmFieldMappings.field, change.field)))
  }
  await db.update(crmConnections).set({ schemaReadyAt: null }).where(eq(crmConnections.id, connectionId))
  return mappingRows(db, connectionId, naming)
}
