/**
 * `POST /crm/v3/objects/{type}/merge` (`{ primaryObjectId, objectIdToMerge }`), the way HubSpot
 * merges contacts today: a new record with a new id takes the primary's values, gains the values
 * only the merged record had, and the associations of both; both old ids (and the ids they had
 * absorbed) become aliases of it, listed in `hs_merged_object_ids`, and read as the new record.
 * The answer is the new record; a `contact.merge` webhook (`primaryObjectId`, `mergedObjectIds`,
 * `newObjectId`) follows as an own change (`deliverOwnChanges`).
 */
import { Hono } from 'hono'
import { notFound, type SimAnswer, validationError } from './errors'
import { isRecord, objectTypeOf, portalOf, readJson, requireScopes, type SimEnv, send } from './http'
import type { ObjectTypeName } from './object-types'
import { type Portal, type StoredRecord, toSimRecord } from './portal'
import type { SimulatorState } from './state'
import { archiveRecord, createRecord } from './writes'

const SKIP = new Set([
  'hs_object_id',
  'createdate',
  'lastmodifieddate',
  'hs_lastmodifieddate',
  'hs_merged_object_ids',
])

export function mergeRoutes(state: SimulatorState): Hono<SimEnv> {
  const app = new Hono<SimEnv>()
  app.post('/:objectType/merge', async (c) => {
    const type = objectTypeOf(c.req.param('objectType'))
    if (!type.ok) return send(c, type.answer)
    const denied = requireScopes(c, type.def.writeScopes)
    if (denied) return send(c, denied)
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    const input = isRecord(body.body) ? body.body : {}
    const missing = ['primaryObjectId', 'objectIdToMerge'].filter(
      (k) => typeof input[k] !== 'string' && typeof input[k] !== 'number',
    )
    if (missing.length > 0)
      return send(
        c,
        validationError(`Invalid input JSON: missing required field(s): ${missing.join(', ')}`, {
          errors: missing.map((k) => ({ message: `${k} is required`, code: 'REQUIRED_FIELD' })),
        }),
      )
    const answer = mergeRecords(
      state,
      portalOf(state, c),
      type.def.name,
      String(input.primaryObjectId),
      String(input.objectIdToMerge),
    )
    return send(c, answer)
  })
  return app
}

export function mergeRecords(
  state: SimulatorState,
  portal: Portal,
  type: ObjectTypeName,
  primaryId: string,
  mergedId: string,
): SimAnswer {
  const primary = portal.find(type, primaryId)
  const merged = portal.find(type, mergedId)
  if (!primary) return notFound(`Object not found. objectId: ${primaryId}`)
  if (!merged) return notFound(`Object not found. objectId: ${mergedId}`)
  if (primary.id === merged.id)
    return validationError(
      `Cannot merge objects ${primaryId} and ${mergedId}: they are already merged into ${primary.id}`,
    )
  const values: Record<string, string> = {}
  for (const source of [merged, primary])
    for (const [name, value] of Object.entries(source.properties))
      if (!SKIP.has(name) && value !== null && value !== '') values[name] = value
  const formerIds = [primary, merged].flatMap((r) => [
    r.id,
    ...(r.properties.hs_merged_object_ids?.split(';').filter(Boolean) ?? []),
  ])
  // Unique values move to the new record, so the old ones give them up first.
  for (const r of [primary, merged]) {
    for (const name of Object.keys(r.properties)) if (!SKIP.has(name)) delete r.properties[name]
  }
  const result: StoredRecord = createRecord(portal, type, {
    ...values,
    hs_merged_object_ids: formerIds.join(';'),
  })
  for (const r of [primary, merged]) {
    portal.associations.moveAll(type, r.id, result.id)
    archiveRecord(portal, r)
  }
  for (const id of formerIds) portal.mergedInto.set(id, result.id)
  if (type === 'contacts') {
    void state.emit(portal.id, 'INTEGRATION', (source) => [
      state.webhooks.event(portal.id, 'contact.merge', result.id, source, {
        changeFlag: 'MERGED',
        primaryObjectId: Number(primary.id),
        mergedObjectIds: [Number(merged.id)],
        newObjectId: Number(result.id),
        numberOfPropertiesMoved: Object.keys(values).length,
      }),
    ])
  }
  return { status: 200, body: toSimRecord(result) }
}
