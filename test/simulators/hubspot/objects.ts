/**
 * CRM objects v3 routes, generic over the object type: single create / read / update / archive,
 * list, search, and the batch endpoints (object-batches.ts).
 */
import { Hono } from 'hono'
import { inputsOf, MAX_BATCH } from './batch'
import { notFound, type SimAnswer, validationError } from './errors'
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
import { mergeRoutes } from './merges'
import { batchCreate, batchRead, batchUpdate, batchUpsert } from './object-batches'
import { applyCreate, applyUpdate, archive, associationsOf, lookup, planCreate, purge } from './object-ops'
import { type ObjectTypeDef, readNames } from './object-types'
import { type Portal, toSimRecord } from './portal'
import { searchRoute } from './search'
import type { SimulatorState } from './state'
import { checkProperties, uniqueClash } from './writes'

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
  app.route('/', mergeRoutes(state))

  /** A batch endpoint: scopes, a JSON body and its `inputs` (≤ 100) checked before `run`. */
  const batchRoute = (
    path: string,
    write: boolean,
    run: (r: Extract<Resolved, { ok: true }>, inputs: unknown[], body: Record<string, unknown>) => SimAnswer,
  ) =>
    app.post(`/:objectType/batch/${path}`, async (c) => {
      const r = resolve(c, write)
      if (!r.ok) return send(c, r.answer)
      const body = await readJson(c)
      if (!body.ok) return send(c, body.answer)
      const inputs = inputsOf(body.body)
      if (!inputs.ok) return send(c, inputs.answer)
      return send(c, run(r, inputs.inputs, body.body as Record<string, unknown>))
    })

  batchRoute('create', true, (r, inputs) => batchCreate(state, r.portal, r.def, inputs))
  batchRoute('read', false, (r, inputs, b) => {
    const names = Array.isArray(b.properties) ? b.properties.map(String) : undefined
    const idProperty = typeof b.idProperty === 'string' ? b.idProperty : 'hs_object_id'
    return batchRead(r.portal, r.def, inputs, names, idProperty, b.archived === true)
  })
  batchRoute('update', true, (r, inputs) => batchUpdate(state, r.portal, r.def, inputs))
  batchRoute('upsert', true, (r, inputs) => batchUpsert(state, r.portal, r.def, inputs))
  batchRoute('archive', true, (r, inputs) => {
    for (const input of inputs) {
      const record = isRecord(input) ? r.portal.find(r.def.name, String(input.id ?? '')) : undefined
      if (record) archive(state, r.portal, record)
    }
    return { status: 204, body: null }
  })

  /**
   * `POST /crm/v3/objects/contacts/gdpr-delete` `{ objectId, idProperty? }` → 204. By id, an
   * unknown contact is 404; by `idProperty: "email"`, an unknown address is blocklisted (204).
   */
  app.post('/:objectType/gdpr-delete', async (c) => {
    const r = resolve(c, true)
    if (!r.ok) return send(c, r.answer)
    if (r.def.name !== 'contacts') return send(c, notFound())
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    const b = body.body
    if (!isRecord(b) || typeof b.objectId !== 'string' || b.objectId === '')
      return send(c, validationError('Invalid input JSON: objectId is required'))
    const idProperty = typeof b.idProperty === 'string' ? b.idProperty : 'hs_object_id'
    if (idProperty !== 'hs_object_id' && idProperty !== 'email')
      return send(c, validationError(`Invalid idProperty ${idProperty}: use email or leave it out`))
    const record =
      idProperty === 'email'
        ? r.portal.findByUnique('contacts', 'email', b.objectId)
        : r.portal.find('contacts', b.objectId)
    if (!record) return send(c, idProperty === 'email' ? { status: 204, body: null } : notFound())
    purge(state, r.portal, record)
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
