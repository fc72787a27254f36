/**
 * CRM search (`POST /crm/v3/objects/{type}/search`): filterGroups (OR of ANDed filters) with
 * HubSpot's operators, one sort, free-text `query`, paging by `after` offset. HubSpot's limits are
 * enforced: ≤ 5 filterGroups, ≤ 10 filters per group, ≤ 25 in all, `limit` ≤ 200, ≤ 10 000
 * results reachable. Its own 5-per-second limit is applied by the app's middleware.
 */
import { Hono } from 'hono'
import { type SimAnswer, validationError } from './errors'
import { isRecord, objectTypeOf, portalOf, readJson, requireScopes, type SimEnv, send } from './http'
import { type ObjectTypeDef, readNames } from './object-types'
import { type Portal, type StoredRecord, toSimRecord } from './portal'
import { parseTimestamp } from './property-values'
import type { SimulatorState } from './state'
import type { SimProperty } from './types'

const MAX_GROUPS = 5
const MAX_FILTERS_PER_GROUP = 10
const MAX_FILTERS = 25
const MAX_LIMIT = 200
const MAX_RESULTS = 10_000

const OPERATORS = new Set([
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
])

/** Properties a free-text `query` looks in. */
const QUERY_PROPERTIES: Record<string, string[]> = {
  contacts: ['firstname', 'lastname', 'email', 'phone', 'mobilephone'],
  communications: ['hs_communication_body'],
  tasks: ['hs_task_subject', 'hs_task_body'],
}

interface Filter {
  prop: SimProperty
  operator: string
  value?: unknown
  values?: unknown[]
  highValue?: unknown
}

export function searchRoute(state: SimulatorState): Hono<SimEnv> {
  const app = new Hono<SimEnv>()
  app.post('/:objectType/search', async (c) => {
    const type = objectTypeOf(c.req.param('objectType'))
    if (!type.ok) return send(c, type.answer)
    const denied = requireScopes(c, type.def.readScopes)
    if (denied) return send(c, denied)
    const body = await readJson(c)
    if (!body.ok) return send(c, body.answer)
    return send(c, search(portalOf(state, c), type.def, body.body, state.options.searchIndexLagMs))
  })
  return app
}

function search(portal: Portal, def: ObjectTypeDef, body: unknown, lagMs: number): SimAnswer {
  if (!isRecord(body)) return validationError('Invalid input JSON: expected an object')
  const limit = body.limit === undefined ? 10 : Number(body.limit)
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) {
    return validationError(`limit must be an integer between 0 and ${MAX_LIMIT}, got ${String(body.limit)}`)
  }
  const after = body.after === undefined || body.after === null || body.after === '' ? 0 : Number(body.after)
  if (!Number.isInteger(after) || after < 0) return validationError(`Invalid "after": ${String(body.after)}`)
  if (after + limit > MAX_RESULTS) {
    return validationError(
      `The search can page through at most ${MAX_RESULTS} results; after + limit exceeds it`,
    )
  }
  const groups = parseGroups(portal, def, body.filterGroups)
  if (!groups.ok) return groups.answer
  const sort = parseSort(portal, def, body.sorts)
  if (!sort.ok) return sort.answer
  const query = typeof body.query === 'string' ? body.query.trim().toLowerCase() : ''

  const now = Date.now()
  const matches = portal
    .live(def.name)
    .filter((r) => now - r.createdAt >= lagMs)
    .filter((r) => groups.groups.length === 0 || groups.groups.some((g) => g.every((f) => matchFilter(r, f))))
    .filter(
      (r) =>
        !query ||
        (QUERY_PROPERTIES[def.name] ?? []).some((p) => r.properties[p]?.toLowerCase().includes(query)),
    )
  matches.sort(sort.compare)

  const names = readNames(def, Array.isArray(body.properties) ? body.properties.map(String) : undefined)
  const page = matches.slice(after, after + limit)
  const next = after + limit < Math.min(matches.length, MAX_RESULTS) ? String(after + limit) : undefined
  return {
    status: 200,
    body: {
      total: matches.length,
      results: page.map((r) => toSimRecord(r, names)),
      ...(next ? { paging: { next: { after: next } } } : {}),
    },
  }
}

function parseGroups(
  portal: Portal,
  def: ObjectTypeDef,
  raw: unknown,
): { ok: true; groups: Filter[][] } | { ok: false; answer: SimAnswer } {
  if (raw === undefined || raw === null) return { ok: true, groups: [] }
  if (!Array.isArray(raw)) return { ok: false, answer: validationError('filterGroups must be an array') }
  if (raw.length > MAX_GROUPS) {
    return {
      ok: false,
      answer: validationError(`There are ${raw.length} filter groups, but the maximum is ${MAX_GROUPS}.`),
    }
  }
  let total = 0
  const groups: Filter[][] = []
  for (const g of raw) {
    const filters = isRecord(g) && Array.isArray(g.filters) ? g.filters : []
    if (filters.length > MAX_FILTERS_PER_GROUP) {
      return {
        ok: false,
        answer: validationError(
          `A filter group has ${filters.length} filters, but the maximum is ${MAX_FILTERS_PER_GROUP}.`,
        ),
      }
    }
    total += filters.length
    const group: Filter[] = []
    for (const f of filters) {
      const name = isRecord(f) ? String(f.propertyName ?? '') : ''
      const operator = isRecord(f) ? String(f.operator ?? 'EQ') : ''
      const prop = portal.property(def.name, name)
      if (!prop) {
        return { ok: false, answer: validationError(`Property "${name}" does not exist on ${def.name}`) }
      }
      if (!OPERATORS.has(operator))
        return { ok: false, answer: validationError(`Unknown filter operator: ${operator}`) }
      const values = isRecord(f) && Array.isArray(f.values) ? f.values : undefined
      if ((operator === 'IN' || operator === 'NOT_IN') && !values) {
        return { ok: false, answer: validationError(`Operator ${operator} needs "values"`) }
      }
      group.push({
        prop,
        operator,
        value: (f as Record<string, unknown>).value,
        values,
        highValue: (f as Record<string, unknown>).highValue,
      })
    }
    groups.push(group)
  }
  if (total > MAX_FILTERS) {
    return {
      ok: false,
      answer: validationError(`There are ${total} filters, but the maximum is ${MAX_FILTERS}.`),
    }
  }
  return { ok: true, groups }
}

type Compare = (a: StoredRecord, b: StoredRecord) => number

function parseSort(
  portal: Portal,
  def: ObjectTypeDef,
  raw: unknown,
): { ok: true; compare: Compare } | { ok: false; answer: SimAnswer } {
  const byId: Compare = (a, b) => Number(a.id) - Number(b.id)
  if (!Array.isArray(raw) || raw.length === 0) return { ok: true, compare: byId }
  const first = raw[0]
  let name: string
  let descending: boolean
  if (typeof first === 'string') {
    descending = first.startsWith('-')
    name = first.replace(/^-/, '')
  } else if (isRecord(first)) {
    name = String(first.propertyName ?? '')
    descending = first.direction === 'DESCENDING'
  } else {
    return { ok: false, answer: validationError('Invalid sort') }
  }
  const prop = portal.property(def.name, name)
  if (!prop) return { ok: false, answer: validationError(`Property "${name}" does not exist on ${def.name}`) }
  const sign = descending ? -1 : 1
  return {
    ok: true,
    compare: (a, b) => {
      const x = comparable(prop, a.properties[name])
      const y = comparable(prop, b.properties[name])
      // Records without the property come last, whatever the direction.
      if (x === null || y === null) return x === y ? byId(a, b) : x === null ? 1 : -1
      return (x < y ? -1 : x > y ? 1 : 0) * sign || byId(a, b)
    },
  }
}

function comparable(prop: SimProperty, value: unknown): number | string | null {
  if (value === undefined || value === null || value === '') return null
  const text = String(value)
  if (prop.type === 'number') return Number(text)
  if (prop.type === 'datetime' || prop.type === 'date') return parseTimestamp(text)
  return text.toLowerCase()
}

function matchFilter(record: StoredRecord, f: Filter): boolean {
  const stored = record.properties[f.prop.name]
  const has = stored !== undefined && stored !== null && stored !== ''
  switch (f.operator) {
    case 'HAS_PROPERTY':
      return has
    case 'NOT_HAS_PROPERTY':
      return !has
    case 'IN':
      return has && (f.values ?? []).some((v) => equal(f.prop, stored, v))
    case 'NOT_IN':
      return !has || !(f.values ?? []).some((v) => equal(f.prop, stored, v))
    case 'EQ':
      return has && equal(f.prop, stored, f.value)
    case 'NEQ':
      return !has || !equal(f.prop, stored, f.value)
    case 'CONTAINS_TOKEN':
      return has && tokenMatch(stored, f.value)
    case 'NOT_CONTAINS_TOKEN':
      return !has || !tokenMatch(stored, f.value)
    case 'BETWEEN': {
      const x = comparable(f.prop, stored)
      const lo = comparable(f.prop, f.value)
      const hi = comparable(f.prop, f.highValue)
      return x !== null && lo !== null && hi !== null && x >= lo && x <= hi
    }
    default: {
      const x = comparable(f.prop, stored)
      const y = comparable(f.prop, f.value)
      if (x === null || y === null) return false
      if (f.operator === 'LT') return x < y
      if (f.operator === 'LTE') return x <= y
      if (f.operator === 'GT') return x > y
      return x >= y
    }
  }
}

function equal(prop: SimProperty, stored: string, value: unknown): boolean {
  const x = comparable(prop, stored)
  const y = comparable(prop, value)
  return x !== null && x === y
}

/** CONTAINS_TOKEN: a `*` wildcard anywhere, otherwise a whole-word match. */
function tokenMatch(stored: string, value: unknown): boolean {
  const token = String(value ?? '').toLowerCase()
  const text = stored.toLowerCase()
  if (token.includes('*')) {
    const pattern = token
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')
    return (
      new RegExp(`^${pattern}$`).test(text) ||
      text.split(/[\s@.;,]+/).some((w) => new RegExp(`^${pattern}$`).test(w))
    )
  }
  return text.split(/[\s;,]+/).includes(token) || text === token
}
