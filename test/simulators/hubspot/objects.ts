/**
 * CRM objects v3 routes, generic over the object type: single create / read / update / archive,
 * list, and the batch create / read / update / upsert endpoints with HubSpot's validation and its
 * batch semantics: a batch with an invalid input fails as a whole unless every input carries an
 * `objectWriteTraceId` (then valid inputs are written and the answer is 207 with `errors[]`).
 */
import { Hono } from 'hono'
import { typeName } from './association-store'
import { checkCreateAssociations, type Link } from './associations'
import { batchAnswer, batchError, inputsOf, MAX_BATCH } from './batch'
import { duplicateIds, notFound, type SimAnswer, validationError } from './errors'
import {
  type Ctx,
  isRecord,
  listParam,
  objectTypeOf,
  portalOf,
  readJson,
  requireScopes,
  type SimEnv,
  send,
} from './http'
import { type ObjectTypeDef, readNames } from './object-types'
import { type Portal, type StoredRecord, toSimRecord } from './portal'
import { checkValue } from './property-values'
import { searchRoute } from './search'
import type { SimulatorState } from './state'
import {
  archiveRecord,
  type Claims,
  checkProperties,
  claim,
  createRecord,
  uniqueClash,
  updateRecord,
  type Values,
} from './writes'

type Resolved = { ok: true; def: ObjectTypeDef; portal: Portal } | { ok: false; answer: SimAnswer }

export function objectRoutes(state: SimulatorState): Hono<SimEnv> {
  const app = new Hono<SimEnv>()

  const resolve = (c: Ctx, write: boolean): Resolved => {
    const type = objectTypeOf(c.req.param('objectType') ?? '')
    if (!type.ok) return type
    const denied = requireScopes(c, write ? type.def.writeScopes : type.def.readScopes)
    if (denied) return { ok: false, answer: denied }
    return { ok: true, def: type.def, portal: portalOf(state, c) }
  }

  app.route('/', searchRoute(state))

  app.post('/:objectType/batch/create', async (c) => {
    const r = resolve(c, true)
    if (!r.ok) return send(c, r.answer)
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    const inputs = inputsOf(body.body)
    if (!inputs.ok) return send(c, inputs.answer)
    return send(c, batchCreate(state, r.portal, r.def, inputs.inputs))
  })

  app.post('/:objectType/batch/read', async (c) => {
    const r = resolve(c, false)
    if (!r.ok) return send(c, r.answer)
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    const inputs = inputsOf(body.body)
    if (!inputs.ok) return send(c, inputs.answer)
    const b = body.body as Record<string, unknown>
    const names = Array.isArray(b.properties) ? b.properties.map(String) : undefined
    const idProperty = typeof b.idProperty === 'string' ? b.idProperty : 'hs_object_id'
    return send(c, batchRead(r.portal, r.def, inputs.inputs, names, idProperty, b.archived === true))
  })

  app.post('/:objectType/batch/update', async (c) => {
    const r = resolve(c, true)
    if (!r.ok) return send(c, r.answer)
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    const inputs = inputsOf(body.body)
    if (!inputs.ok) return send(c, inputs.answer)
    return send(c, batchUpdate(state, r.portal, r.def, inputs.inputs))
  })

  app.post('/:objectType/batch/upsert', async (c) => {
    const r = resolve(c, true)
    if (!r.ok) return send(c, r.answer)
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    const inputs = inputsOf(body.body)
    if (!inputs.ok) return send(c, inputs.answer)
    return send(c, batchUpsert(state, r.portal, r.def, inputs.inputs))
  })

  app.post('/:objectType/batch/archive', async (c) => {
    const r = resolve(c, true)
    if (!r.ok) return send(c, r.answer)
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    const inputs = inputsOf(body.body)
    if (!inputs.ok) return send(c, inputs.answer)
    for (const input of inputs.inputs) {
      const record = isRecord(input) ? r.portal.find(r.def.name, String(input.id ?? '')) : undefined
      if (record) archive(state, r.portal, record)
    }
    return send(c, { status: 204, body: null })
  })

  app.post('/:objectType', async (c) => {
    const r = resolve(c, true)
    if (!r.ok) return send(c, r.answer)
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    if (!isRecord(body.body)) return send(c, validationError('Invalid input JSON: expected an object'))
    const plan = planCreate(r.portal, r.def, body.body, new Map())
    if (!plan.ok) return send(c, plan.answer)
    const record = applyCreate(state, r.portal, r.def, plan.values, plan.links)
    return send(c, { status: 201, body: toSimRecord(record) })
  })

  app.get('/:objectType', (c) => {
    const r = resolve(c, false)
    if (!r.ok) return send(c, r.answer)
    const limit = Number(c.req.query('limit') ?? 10)
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_BATCH) {
      return send(c, validationError(`limit must be between 1 and ${MAX_BATCH}`))
    }
    const archived = c.req.query('archived') === 'true'
    const all = [...(r.portal.records.get(r.def.name)?.values() ?? [])].filter((x) => x.archived === archived)
    const after = c.req.query('after')
    const start = after ? all.findIndex((x) => Number(x.id) > Number(after)) : 0
    const page = start < 0 ? [] : all.slice(start, start + limit)
    const names = readNames(r.def, listParam(c, 'properties'))
    const more = start >= 0 && start + limit < all.length
    return send(c, {
      status: 200,
      body: {
        results: page.map((x) => toSimRecord(x, names)),
        ...(more ? { paging: { next: { after: page[page.length - 1].id, link: null } } } : {}),
      },
    })
  })

  app.get('/:objectType/:id', (c) => {
    const r = resolve(c, false)
    if (!r.ok) return send(c, r.answer)
    const record = lookup(
      r.portal,
      r.def,
      c.req.param('id'),
      c.req.query('idProperty'),
      c.req.query('archived') === 'true',
    )
    if (!record) return send(c, notFound())
    const body: Record<string, unknown> = {
      ...toSimRecord(record, readNames(r.def, listParam(c, 'properties'))),
    }
    const wanted = listParam(c, 'associations')
    if (wanted?.length) body.associations = associationsOf(r.portal, record, wanted)
    return send(c, { status: 200, body })
  })

  app.patch('/:objectType/:id', async (c) => {
    const r = resolve(c, true)
    if (!r.ok) return send(c, r.answer)
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    const record = lookup(r.portal, r.def, c.req.param('id'), c.req.query('idProperty'))
    if (!record) return send(c, notFound())
    const checked = checkProperties(
      r.portal,
      r.def.name,
      isRecord(body.body) ? body.body.properties : undefined,
      false,
    )
    if (!checked.ok) return send(c, checked.answer)
    const clash = uniqueClash(r.portal, r.def.name, checked.values, record.id)
    if (clash) return send(c, clash)
    applyUpdate(state, r.portal, record, checked.values)
    return send(c, { status: 200, body: toSimRecord(record) })
  })

  app.delete('/:objectType/:id', (c) => {
    const r = resolve(c, true)
    if (!r.ok) return send(c, r.answer)
    const record = r.portal.find(r.def.name, c.req.param('id'))
    if (record) archive(state, r.portal, record)
    // HubSpot answers 204 whether or not the record existed.
    return send(c, { status: 204, body: null })
  })

  return app
}

function lookup(
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

function associationsOf(portal: Portal, record: StoredRecord, wanted: string[]) {
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

type Plan = { ok: true; values: Values; links: Link[] } | { ok: false; answer: SimAnswer }

function planCreate(
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

function applyCreate(
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

function applyUpdate(state: SimulatorState, portal: Portal, record: StoredRecord, values: Values): void {
  const changed = updateRecord(record, values)
  if (record.type === 'contacts' && changed.length) {
    void state.emit(portal.id, 'INTEGRATION', (source) =>
      state.contactWriteEvents(portal.id, source, record.id, false, record.properties, changed),
    )
  }
}

function archive(state: SimulatorState, portal: Portal, record: StoredRecord): void {
  archiveRecord(portal, record)
  if (record.type === 'contacts') {
    void state.emit(portal.id, 'INTEGRATION', (source) => [
      state.webhooks.event(portal.id, 'contact.deletion', record.id, source, { changeFlag: 'DELETED' }),
    ])
  }
}

const traceOf = (input: unknown): string | undefined =>
  isRecord(input) && typeof input.objectWriteTraceId === 'string' ? input.objectWriteTraceId : undefined

/** Multi-status (partial success) is on only when every input carries an objectWriteTraceId. */
const multiStatus = (inputs: unknown[]) => inputs.length > 0 && inputs.every((i) => traceOf(i) !== undefined)

function inputError(answer: SimAnswer, input: unknown): Record<string, unknown> {
  const trace = traceOf(input)
  return batchError(answer, trace ? { objectWriteTraceId: [trace] } : {})
}

function batchCreate(
  state: SimulatorState,
  portal: Portal,
  def: ObjectTypeDef,
  inputs: unknown[],
): SimAnswer {
  const startedAt = new Date().toISOString()
  const claims: Claims = new Map()
  const plans = inputs.map((input, i): Plan => {
    if (!isRecord(input)) return { ok: false, answer: validationError(`Invalid input at index ${i}`) }
    const plan = planCreate(portal, def, input, claims)
    if (plan.ok) claim(claims, portal, def.name, plan.values, `(input ${i} of this batch)`)
    return plan
  })
  const partial = multiStatus(inputs)
  const firstError = plans.find((p) => !p.ok)
  if (firstError && !firstError.ok && !partial) return firstError.answer
  const results: unknown[] = []
  const errors: unknown[] = []
  for (const [i, plan] of plans.entries()) {
    if (!plan.ok) {
      errors.push(inputError(plan.answer, inputs[i]))
      continue
    }
    const record = applyCreate(state, portal, def, plan.values, plan.links)
    const trace = traceOf(inputs[i])
    results.push({ ...toSimRecord(record), ...(trace ? { objectWriteTraceId: trace } : {}) })
  }
  return batchAnswer(201, results, errors, startedAt)
}

function batchRead(
  portal: Portal,
  def: ObjectTypeDef,
  inputs: unknown[],
  requested: string[] | undefined,
  idProperty: string,
  archived: boolean,
): SimAnswer {
  const startedAt = new Date().toISOString()
  if (idProperty !== 'hs_object_id' && !portal.property(def.name, idProperty)?.hasUniqueValue) {
    return validationError(`${idProperty} is not a unique property of ${def.name}`)
  }
  const names = readNames(def, requested)
  const results = new Map<string, unknown>()
  const missing: string[] = []
  for (const input of inputs) {
    const id = isRecord(input) ? String(input.id ?? '') : ''
    const record = lookup(portal, def, id, idProperty, archived)
    if (!record) missing.push(id)
    else results.set(record.id, toSimRecord(record, names))
  }
  const errors = missing.length
    ? [
        {
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message: `Could not get some ${def.singular.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
          context: { ids: missing },
        },
      ]
    : []
  return batchAnswer(200, [...results.values()], errors, startedAt)
}

function batchUpdate(
  state: SimulatorState,
  portal: Portal,
  def: ObjectTypeDef,
  inputs: unknown[],
): SimAnswer {
  const startedAt = new Date().toISOString()
  const ids = inputs.map((i) => (isRecord(i) ? String(i.id ?? '') : ''))
  const dupes = duplicates(ids)
  if (dupes.length) return duplicateIds(dupes)
  const claims: Claims = new Map()
  type UpdatePlan =
    | { ok: true; record: StoredRecord; values: Values }
    | { ok: false; answer: SimAnswer; final: boolean }
  const plans = inputs.map((input, i): UpdatePlan => {
    const idProperty = isRecord(input) && typeof input.idProperty === 'string' ? input.idProperty : undefined
    const record = lookup(portal, def, ids[i], idProperty)
    if (!record) {
      return {
        ok: false,
        final: false,
        answer: {
          status: 404,
          body: {
            category: 'OBJECT_NOT_FOUND',
            message: 'Object not found.  objectId are usually numeric.',
            context: { id: [ids[i]] },
          },
        },
      }
    }
    const checked = checkProperties(portal, def.name, isRecord(input) ? input.properties : undefined, false)
    if (!checked.ok) return { ok: false, final: true, answer: checked.answer }
    const clash = uniqueClash(portal, def.name, checked.values, record.id, claims)
    if (clash) return { ok: false, final: true, answer: clash }
    claim(claims, portal, def.name, checked.values, record.id)
    return { ok: true, record, values: checked.values }
  })
  const firstInvalid = plans.find((p) => !p.ok && p.final)
  if (firstInvalid && !firstInvalid.ok && !multiStatus(inputs)) return firstInvalid.answer
  const results: unknown[] = []
  const errors: unknown[] = []
  for (const [i, plan] of plans.entries()) {
    if (!plan.ok) {
      errors.push(inputError(plan.answer, inputs[i]))
      continue
    }
    applyUpdate(state, portal, plan.record, plan.values)
    const trace = traceOf(inputs[i])
    results.push({ ...toSimRecord(plan.record), ...(trace ? { objectWriteTraceId: trace } : {}) })
  }
  return batchAnswer(200, results, errors, startedAt)
}

function batchUpsert(
  state: SimulatorState,
  portal: Portal,
  def: ObjectTypeDef,
  inputs: unknown[],
): SimAnswer {
  const startedAt = new Date().toISOString()
  const keys: string[] = []
  for (const [i, input] of inputs.entries()) {
    if (!isRecord(input) || input.id === undefined || input.id === null || input.id === '') {
      return validationError(`Invalid input at index ${i}: "id" is required`)
    }
    const idProperty = typeof input.idProperty === 'string' ? input.idProperty : 'hs_object_id'
    const prop = portal.property(def.name, idProperty)
    if (!prop)
      return validationError(`Property "${idProperty}" does not exist`, {
        context: { propertyName: [idProperty] },
      })
    if (!prop.hasUniqueValue && idProperty !== 'hs_object_id') {
      return validationError(
        `${idProperty} is not a unique identifier property for ${def.name}; use a property with hasUniqueValue`,
        {
          context: { propertyName: [idProperty] },
        },
      )
    }
    const normalised = idProperty === 'hs_object_id' ? String(input.id) : checkValue(prop, input.id)
    keys.push(
      typeof normalised === 'string'
        ? normalised
        : normalised.ok
          ? (normalised.value ?? '')
          : String(input.id),
    )
  }
  const dupes = duplicates(keys)
  if (dupes.length) return duplicateIds(dupes)

  type UpsertPlan =
    | { ok: true; record?: StoredRecord; values: Values; links: Link[] }
    | { ok: false; answer: SimAnswer }
  const claims: Claims = new Map()
  const plans = inputs.map((raw, i): UpsertPlan => {
    const input = raw as Record<string, unknown>
    const idProperty = typeof input.idProperty === 'string' ? input.idProperty : 'hs_object_id'
    const existing = portal.findByUnique(def.name, idProperty, keys[i])
    if (existing) {
      const checked = checkProperties(portal, def.name, input.properties, false)
      if (!checked.ok) return checked
      const clash = uniqueClash(portal, def.name, checked.values, existing.id, claims)
      if (clash) return { ok: false, answer: clash }
      claim(claims, portal, def.name, checked.values, existing.id)
      return { ok: true, record: existing, values: checked.values, links: [] }
    }
    if (idProperty === 'hs_object_id')
      return { ok: false, answer: notFound(`No ${def.singular} with id ${keys[i]} exists`) }
    const properties = { [idProperty]: input.id, ...(isRecord(input.properties) ? input.properties : {}) }
    const plan = planCreate(portal, def, { properties }, claims)
    if (plan.ok) claim(claims, portal, def.name, plan.values, `(input ${i} of this batch)`)
    return plan
  })
  const firstError = plans.find((p) => !p.ok)
  if (firstError && !firstError.ok && !multiStatus(inputs)) return firstError.answer
  const results: unknown[] = []
  const errors: unknown[] = []
  for (const [i, plan] of plans.entries()) {
    if (!plan.ok) {
      errors.push(inputError(plan.answer, inputs[i]))
      continue
    }
    let record = plan.record
    if (record) applyUpdate(state, portal, record, plan.values)
    else record = applyCreate(state, portal, def, plan.values, plan.links)
    const trace = traceOf(inputs[i])
    results.push({
      ...toSimRecord(record),
      new: !plan.record,
      ...(trace ? { objectWriteTraceId: trace } : {}),
    })
  }
  return batchAnswer(200, results, errors, startedAt)
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>()
  const dupes = new Set<string>()
  for (const v of values) (seen.has(v) ? dupes : seen).add(v)
  return [...dupes]
}
