import { and, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type CrmConnection, crmConnections, crmFieldMappings, tags } from '../../db/schema'
import { mappedFields, mappingRows } from '../mapping'
import type { CrmConnector, MappedField } from '../port'

/**
 * Makes the CRM ready for our writes: our property group and properties (created once), the
 * types of properties an admin mapped, and enumeration options for every tag. Runs after an
 * install, after a mapping change, and whenever a new tag appears.
 */
export async function ensureConnectionSchema(
  db: Executor,
  connection: CrmConnection,
  connector: CrmConnector,
): Promise<void> {
  const rows = (await mappingRows(db, connection.id, (spec) => connector.defaultProperty(spec))).filter(
    (r) => r.enabled,
  )
  const tagKeys = await workspaceTagKeys(db, connection.workspaceId)
  const specs = await connector.ensureSchema(
    rows.map((r) => ({ field: r.field, property: r.property, managed: r.managed })),
    tagKeys,
  )
  const missing: string[] = []
  for (const row of rows) {
    const spec = specs.find((s) => s.name === row.property)
    if (!spec) missing.push(row.property)
    await db
      .update(crmFieldMappings)
      .set({ propertySpec: spec ? { type: spec.type, options: spec.options } : null, updatedAt: new Date() })
      .where(eq(crmFieldMappings.id, row.id))
  }
  await db
    .update(crmConnections)
    .set({
      schemaReadyAt: new Date(),
      lastError: missing.length
        ? `Mapped properties missing in the CRM (their fields are not synced): ${missing.join(', ')}`
        : null,
    })
    .where(eq(crmConnections.id, connection.id))
}

/** Adds enumeration options for tags created since the last check; returns the fresh fields. */
export async function ensureTagOptions(
  db: Executor,
  connection: CrmConnection,
  connector: CrmConnector,
  fields: MappedField[],
): Promise<MappedField[]> {
  const tagField = fields.find((f) => f.field === 'tags')
  if (!tagField?.spec.options) return fields
  const keys = await workspaceTagKeys(db, connection.workspaceId)
  const missing = keys.filter((k) => !tagField.spec.options?.includes(k))
  if (missing.length === 0) return fields
  await connector.ensureOptions(tagField.property, missing)
  const options = [...tagField.spec.options, ...missing]
  await db
    .update(crmFieldMappings)
    .set({ propertySpec: { type: tagField.spec.type, options } })
    .where(and(eq(crmFieldMappings.connectionId, connection.id), eq(crmFieldMappings.field, 'tags')))
  return mappedFields(await mappingRows(db, connection.id, (spec) => connector.defaultProperty(spec)))
}

async function workspaceTagKeys(db: Executor, workspaceId: string): Promise<string[]> {
  const rows = await db.select({ key: tags.key }).from(tags).where(eq(tags.workspaceId, workspaceId))
  return rows.map((r) => r.key).sort()
}
