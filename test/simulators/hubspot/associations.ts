/**
 * Associations v4 routes (`/crm/v4/objects/{from}/{id}/associations/{to}[/{toId}]`,
 * `/crm/v4/associations/{from}/{to}/batch/{create,read,archive}`) and the check of `associations`
 * given at record creation. Only HUBSPOT_DEFINED types between the simulated object types exist.
 */
import { Hono } from 'hono'
import { definedTypeId, targetOfTypeId } from './association-store'
import { batchAnswer, batchError, inputsOf } from './batch'
import { type SimAnswer, validationError } from './errors'
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
import type { ObjectTypeDef, ObjectTypeName } from './object-types'
import type { Portal } from './portal'
import type { SimulatorState } from './state'

export interface Link {
  toType: ObjectTypeName
  toId: string
  typeId: number
}

/** Checks `associations` of a create input: known HUBSPOT_DEFINED types, existing targets. */
export function checkCreateAssociations(
  portal: Portal,
  from: ObjectTypeDef,
  associations: unknown,
): { ok: true; links: Link[] } | { ok: false; answer: SimAnswer } {
  if (associations === undefined || associations === null) return { ok: true, links: [] }
  if (!Array.isArray(associations)) {
    return { ok: false, answer: validationError('Invalid input JSON: "associations" must be an array') }
  }
  const links: Link[] = []
  for (const a of associations) {
    const toId = isRecord(a) && isRecord(a.to) ? String(a.to.id ?? '') : ''
    const types = isRecord(a) && Array.isArray(a.types) ? a.types : []
    if (!toId || types.length === 0) {
      return { ok: false, answer: validationError('Each association needs "to.id" and at least one type') }
    }
    for (const t of types) {
      const typeId = Number(isRecord(t) ? t.associationTypeId : Number.NaN)
      const category = isRecord(t) ? t.associationCategory : undefined
      const toType = category === 'HUBSPOT_DEFINED' ? targetOfTypeId(from.name, typeId) : undefined
      if (!toType) {
        return {
          ok: false,
          answer: validationError(
            `association type id ${typeId} (${String(category)}) doesn't exist for ${from.singular}`,
          ),
        }
      }
      if (!portal.find(toType, toId)) {
        return {
          ok: false,
          answer: validationError(`One or more associations are invalid: ${toType} ${toId} does not exist`, {
            errors: [{ message: `No ${toType} with id ${toId}`, code: 'INVALID_ASSOCIATION' }],
          }),
        }
      }
      links.push({ toType, toId, typeId })
    }
  }
  return { ok: true, links }
}

export function associationRoutes(state: SimulatorState): Hono<SimEnv> {
  const app = new Hono<SimEnv>()

  app.put('/objects/:from/:fromId/associations/default/:to/:toId', (c) =>
    send(c, createOne(state, c, true, [])),
  )

  app.put('/objects/:from/:fromId/associations/:to/:toId', async (c) => {
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    return send(c, createOne(state, c, false, body.body))
  })

  app.delete('/objects/:from/:fromId/associations/:to/:toId', (c) => {
    const pair = pairOf(c, c.req.param('from'), c.req.param('to'), true)
    if (!pair.ok) return send(c, pair.answer)
    portalOf(state, c).associations.remove(
      pair.from.name,
      c.req.param('fromId'),
      pair.to.name,
      c.req.param('toId'),
    )
    return send(c, { status: 204, body: null })
  })

  app.get('/objects/:from/:fromId/associations/:to', (c) => {
    const pair = pairOf(c, c.req.param('from'), c.req.param('to'), false)
    if (!pair.ok) return send(c, pair.answer)
    const portal = portalOf(state, c)
    const all = associatedObjects(portal, pair.from.name, c.req.param('fromId'), pair.to.name)
    const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 500) || 500, 1), 500)
    const start = Number(c.req.query('after') ?? 0) || 0
    const page = all.slice(start, start + limit)
    const next = start + limit < all.length ? String(start + limit) : undefined
    return send(c, {
      status: 200,
      body: { results: page, ...(next ? { paging: { next: { after: next, link: null } } } : {}) },
    })
  })

  app.post('/associations/:from/:to/batch/create', async (c) => {
    const pair = pairOf(c, c.req.param('from'), c.req.param('to'), true)
    if (!pair.ok) return send(c, pair.answer)
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    const inputs = inputsOf(body.body)
    if (!inputs.ok) return send(c, inputs.answer)
    const portal = portalOf(state, c)
    const startedAt = new Date().toISOString()
    const results: unknown[] = []
    const errors: unknown[] = []
    for (const input of inputs.inputs) {
      const fromId = isRecord(input) && isRecord(input.from) ? String(input.from.id ?? '') : ''
      const toId = isRecord(input) && isRecord(input.to) ? String(input.to.id ?? '') : ''
      const types = isRecord(input) && Array.isArray(input.types) ? input.types : []
      const made = link(portal, pair.from, fromId, pair.to, toId, types)
      if (made.ok) results.push(made.body)
      else errors.push(batchError(made.answer, { fromId: [fromId], toId: [toId] }))
    }
    return send(c, batchAnswer(201, results, errors, startedAt))
  })

  app.post('/associations/:from/:to/batch/read', async (c) => {
    const pair = pairOf(c, c.req.param('from'), c.req.param('to'), false)
    if (!pair.ok) return send(c, pair.answer)
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    const inputs = inputsOf(body.body)
    if (!inputs.ok) return send(c, inputs.answer)
    const portal = portalOf(state, c)
    const startedAt = new Date().toISOString()
    const results: unknown[] = []
    const errors: unknown[] = []
    for (const input of inputs.inputs) {
      const id = isRecord(input) ? String(input.id ?? '') : ''
      const to = associatedObjects(portal, pair.from.name, id, pair.to.name)
      if (!portal.find(pair.from.name, id) || to.length === 0) {
        errors.push({
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message: `No ${pair.to.singular} is associated with ${pair.from.singular} ${id}.`,
          context: { fromObjectId: [id] },
        })
        continue
      }
      results.push({ from: { id }, to })
    }
    return send(c, batchAnswer(200, results, errors, startedAt))
  })

  app.post('/associations/:from/:to/batch/archive', async (c) => {
    const pair = pairOf(c, c.req.param('from'), c.req.param('to'), true)
    if (!pair.ok) return send(c, pair.answer)
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    const inputs = inputsOf(body.body)
    if (!inputs.ok) return send(c, inputs.answer)
    const portal = portalOf(state, c)
    for (const input of inputs.inputs) {
      const fromId = isRecord(input) && isRecord(input.from) ? String(input.from.id ?? '') : ''
      const targets = isRecord(input) && Array.isArray(input.to) ? input.to : []
      for (const t of targets) {
        if (isRecord(t)) portal.associations.remove(pair.from.name, fromId, pair.to.name, String(t.id ?? ''))
      }
    }
    return send(c, { status: 204, body: null })
  })

  return app
}

/** v4 "multi associated object" entries: `{ toObjectId, associationTypes: [{ category, typeId, label }] }`. */
function associatedObjects(portal: Portal, from: ObjectTypeName, fromId: string, to: ObjectTypeName) {
  const byTarget = new Map<string, number[]>()
  for (const a of portal.associations.list(from, fromId, to)) {
    byTarget.set(a.toId, [...(byTarget.get(a.toId) ?? []), a.typeId])
  }
  return [...byTarget].map(([toId, typeIds]) => ({
    toObjectId: Number(toId),
    associationTypes: typeIds.map((typeId) => ({ category: 'HUBSPOT_DEFINED', typeId, label: null })),
  }))
}

function createOne(state: SimulatorState, c: Ctx, useDefault: boolean, types: unknown): SimAnswer {
  const { from, to, fromId, toId } = c.req.param() as Record<string, string>
  const pair = pairOf(c, from, to, true)
  if (!pair.ok) return pair.answer
  const portal = portalOf(state, c)
  const spec = useDefault
    ? [
        {
          associationCategory: 'HUBSPOT_DEFINED',
          associationTypeId: definedTypeId(pair.from.name, pair.to.name),
        },
      ]
    : types
  if (!Array.isArray(spec) || spec.length === 0) {
    return validationError('The body must be a non-empty array of {associationCategory, associationTypeId}')
  }
  const made = link(portal, pair.from, fromId, pair.to, toId, spec)
  if (!made.ok) return made.answer
  return useDefault
    ? {
        status: 200,
        body: {
          status: 'COMPLETE',
          results: [
            {
              from: { id: made.body.fromObjectId },
              to: { id: made.body.toObjectId },
              associationSpec: spec[0],
            },
          ],
          startedAt: new Date().toISOString(),
          completedAt: new Date().toISOString(),
        },
      }
    : { status: 201, body: made.body }
}

function link(
  portal: Portal,
  from: ObjectTypeDef,
  fromId: string,
  to: ObjectTypeDef,
  toId: string,
  types: unknown[],
):
  | {
      ok: true
      body: {
        fromObjectTypeId: string
        fromObjectId: number
        toObjectTypeId: string
        toObjectId: number
        labels: string[]
      }
    }
  | { ok: false; answer: SimAnswer } {
  const allowed = definedTypeId(from.name, to.name)
  for (const t of types) {
    const typeId = Number(isRecord(t) ? t.associationTypeId : Number.NaN)
    const category = isRecord(t) ? t.associationCategory : undefined
    if (category !== 'HUBSPOT_DEFINED' || typeId !== allowed) {
      return {
        ok: false,
        answer: validationError(
          `${String(category)} association type ${typeId} doesn't exist between ${from.singular} and ${to.singular}`,
        ),
      }
    }
  }
  for (const [def, id] of [
    [from, fromId],
    [to, toId],
  ] as const) {
    if (!portal.find(def.name, id)) {
      return { ok: false, answer: validationError(`No ${def.singular} with id ${id} exists`) }
    }
  }
  portal.associations.add(from.name, fromId, to.name, toId, allowed as number)
  return {
    ok: true,
    body: {
      fromObjectTypeId: from.typeId,
      fromObjectId: Number(fromId),
      toObjectTypeId: to.typeId,
      toObjectId: Number(toId),
      labels: [],
    },
  }
}

function pairOf(
  c: Ctx,
  fromName: string,
  toName: string,
  write: boolean,
): { ok: true; from: ObjectTypeDef; to: ObjectTypeDef } | { ok: false; answer: SimAnswer } {
  const from = objectTypeOf(fromName)
  if (!from.ok) return from
  const to = objectTypeOf(toName)
  if (!to.ok) return to
  const scopes = write ? [...from.def.writeScopes, ...to.def.writeScopes] : from.def.readScopes
  const denied = requireScopes(c, scopes)
  if (denied) return { ok: false, answer: denied }
  if (definedTypeId(from.def.name, to.def.name) === undefined) {
    return {
      ok: false,
      answer: validationError(
        `${from.def.singular} objects cannot be associated with ${to.def.singular} objects`,
      ),
    }
  }
  return { ok: true, from: from.def, to: to.def }
}
