/**
 * Properties v3 routes: groups (list, read, create, update, archive) and property definitions
 * (list, read, create, batch create / read, update, archive); the checks live in
 * property-definitions.ts.
 */
import { Hono } from 'hono'
import { batchAnswer, batchError, inputsOf } from './batch'
import { notFound, type SimAnswer, validationError } from './errors'
import {
  type Ctx,
  isRecord,
  objectTypeOf,
  portalOf,
  readJson,
  requireScopes,
  type SimEnv,
  send,
} from './http'
import { type ObjectTypeDef, SCHEMA_READ_SCOPES, SCHEMA_WRITE_SCOPES } from './object-types'
import type { Portal } from './portal'
import { alreadyExists, createProperty, NAME, updateProperty } from './property-definitions'
import type { SimulatorState } from './state'
import type { SimPropertyGroup } from './types'

type Resolved = { ok: true; def: ObjectTypeDef; portal: Portal } | { ok: false; answer: SimAnswer }

export function propertyRoutes(state: SimulatorState): Hono<SimEnv> {
  const app = new Hono<SimEnv>()

  const resolve = (c: Ctx, write: boolean): Resolved => {
    const type = objectTypeOf(c.req.param('objectType') ?? '')
    if (!type.ok) return type
    const denied = requireScopes(c, write ? SCHEMA_WRITE_SCOPES : SCHEMA_READ_SCOPES)
    if (denied) return { ok: false, answer: denied }
    return { ok: true, def: type.def, portal: portalOf(state, c) }
  }

  // Groups first: `/groups` must not be read as a property named "groups".
  app.get('/:objectType/groups', (c) => {
    const r = resolve(c, false)
    if (!r.ok) return send(c, r.answer)
    const results = [...(r.portal.groups.get(r.def.name)?.values() ?? [])].filter((g) => !g.archived)
    return send(c, { status: 200, body: { results } })
  })

  app.get('/:objectType/groups/:name', (c) => {
    const r = resolve(c, false)
    if (!r.ok) return send(c, r.answer)
    const group = r.portal.group(r.def.name, c.req.param('name'))
    return send(
      c,
      group ? { status: 200, body: group } : notFound(`Property group ${c.req.param('name')} does not exist`),
    )
  })

  app.post('/:objectType/groups', async (c) => {
    const r = resolve(c, true)
    if (!r.ok) return send(c, r.answer)
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    const b = isRecord(body.body) ? body.body : {}
    const name = typeof b.name === 'string' ? b.name : ''
    const label = typeof b.label === 'string' ? b.label : ''
    if (!NAME.test(name)) return send(c, validationError(`Invalid property group name: "${name}"`))
    if (!label) return send(c, validationError('A property group needs a label'))
    if (r.portal.group(r.def.name, name)) {
      return send(c, alreadyExists(`A property group named '${name}' already exists.`))
    }
    const groups = r.portal.groups.get(r.def.name) as Map<string, SimPropertyGroup>
    const group: SimPropertyGroup = {
      name,
      label,
      displayOrder: typeof b.displayOrder === 'number' ? b.displayOrder : -1,
      archived: false,
    }
    groups.set(name, group)
    return send(c, { status: 201, body: group })
  })

  app.patch('/:objectType/groups/:name', async (c) => {
    const r = resolve(c, true)
    if (!r.ok) return send(c, r.answer)
    const group = r.portal.group(r.def.name, c.req.param('name'))
    if (!group) return send(c, notFound(`Property group ${c.req.param('name')} does not exist`))
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    const b = isRecord(body.body) ? body.body : {}
    if (typeof b.label === 'string' && b.label) group.label = b.label
    if (typeof b.displayOrder === 'number') group.displayOrder = b.displayOrder
    return send(c, { status: 200, body: group })
  })

  app.delete('/:objectType/groups/:name', (c) => {
    const r = resolve(c, true)
    if (!r.ok) return send(c, r.answer)
    const group = r.portal.group(r.def.name, c.req.param('name'))
    if (group) group.archived = true
    return send(c, { status: 204, body: null })
  })

  app.post('/:objectType/batch/create', async (c) => {
    const r = resolve(c, true)
    if (!r.ok) return send(c, r.answer)
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    const inputs = inputsOf(body.body)
    if (!inputs.ok) return send(c, inputs.answer)
    const startedAt = new Date().toISOString()
    const results: unknown[] = []
    const errors: unknown[] = []
    for (const input of inputs.inputs) {
      const made = createProperty(r.portal, r.def, input)
      if (made.status === 201) results.push(made.body)
      else errors.push(batchError(made, { name: [isRecord(input) ? String(input.name) : ''] }))
    }
    return send(c, batchAnswer(201, results, errors, startedAt))
  })

  app.post('/:objectType/batch/read', async (c) => {
    const r = resolve(c, false)
    if (!r.ok) return send(c, r.answer)
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    const inputs = inputsOf(body.body)
    if (!inputs.ok) return send(c, inputs.answer)
    const startedAt = new Date().toISOString()
    const results: unknown[] = []
    const missing: string[] = []
    for (const input of inputs.inputs) {
      const name = isRecord(input) ? String(input.name ?? '') : ''
      const prop = r.portal.property(r.def.name, name)
      if (prop) results.push(prop)
      else missing.push(name)
    }
    const errors = missing.length
      ? [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message: 'Some properties do not exist',
            context: { names: missing },
          },
        ]
      : []
    return send(c, batchAnswer(200, results, errors, startedAt))
  })

  app.get('/:objectType', (c) => {
    const r = resolve(c, false)
    if (!r.ok) return send(c, r.answer)
    const archived = c.req.query('archived') === 'true'
    const results = [...(r.portal.properties.get(r.def.name)?.values() ?? [])].filter(
      (p) => p.archived === archived,
    )
    return send(c, { status: 200, body: { results } })
  })

  app.get('/:objectType/:name', (c) => {
    const r = resolve(c, false)
    if (!r.ok) return send(c, r.answer)
    const prop = r.portal.property(r.def.name, c.req.param('name'))
    return send(
      c,
      prop ? { status: 200, body: prop } : notFound(`Property ${c.req.param('name')} does not exist`),
    )
  })

  app.post('/:objectType', async (c) => {
    const r = resolve(c, true)
    if (!r.ok) return send(c, r.answer)
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    return send(c, createProperty(r.portal, r.def, body.body))
  })

  app.patch('/:objectType/:name', async (c) => {
    const r = resolve(c, true)
    if (!r.ok) return send(c, r.answer)
    const prop = r.portal.property(r.def.name, c.req.param('name'))
    if (!prop) return send(c, notFound(`Property ${c.req.param('name')} does not exist`))
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    return send(c, updateProperty(r.portal, r.def, prop, isRecord(body.body) ? body.body : {}))
  })

  app.delete('/:objectType/:name', (c) => {
    const r = resolve(c, true)
    if (!r.ok) return send(c, r.answer)
    const prop = r.portal.property(r.def.name, c.req.param('name'))
    if (prop?.hubspotDefined) {
      return send(c, validationError(`${prop.name} is a HubSpot defined property and cannot be archived`))
    }
    if (prop) {
      prop.archived = true
      prop.updatedAt = new Date().toISOString()
    }
    return send(c, { status: 204, body: null })
  })

  return app
}
