/**
 * Properties v3 routes: groups (list, read, create, update, archive) and property definitions
 * (list, read, create, batch create / read, update, archive) with HubSpot's checks: name format,
 * a type/fieldType pair that fits, an existing group, enumeration options, hasUniqueValue only on
 * strings and numbers, 409 OBJECT_ALREADY_EXISTS on a taken name.
 */
import { Hono } from 'hono'
import { batchAnswer, batchError, inputsOf } from './batch'
import { hubspotError, notFound, type SimAnswer, validationError } from './errors'
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
import type { SimulatorState } from './state'
import type { SimProperty, SimPropertyGroup, SimPropertyOption } from './types'

/** Which fieldTypes HubSpot accepts for each type (its properties guide). */
const FIELD_TYPES: Record<SimProperty['type'], string[]> = {
  string: ['text', 'textarea', 'html', 'phonenumber', 'file'],
  number: ['number', 'calculation_equation'],
  datetime: ['date'],
  date: ['date'],
  enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox', 'calculation_equation'],
  bool: ['booleancheckbox', 'calculation_equation'],
  phone_number: ['phonenumber'],
}
const NAME = /^[a-z][a-z0-9_]*$/

type Resolved = { ok: true; def: ObjectTypeDef; portal: Portal } | { ok: false; answer: SimAnswer }

const alreadyExists = (message: string): SimAnswer => hubspotError(409, 'OBJECT_ALREADY_EXISTS', message)

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

function createProperty(portal: Portal, def: ObjectTypeDef, input: unknown): SimAnswer {
  if (!isRecord(input)) return validationError('Invalid input JSON: expected an object')
  const name = typeof input.name === 'string' ? input.name : ''
  if (!NAME.test(name) || name.length > 100) {
    return validationError(
      `Property name "${name}" is invalid: use lowercase letters, digits and underscores, starting with a letter`,
    )
  }
  if (name.startsWith('hs_'))
    return validationError(`Property names starting with "hs_" are reserved: ${name}`)
  if (portal.properties.get(def.name)?.get(name)) {
    return alreadyExists(`Property named '${name}' already exists.`)
  }
  const checked = checkDefinition(portal, def, input)
  if (!checked.ok) return checked.answer
  const at = new Date().toISOString()
  const prop: SimProperty = {
    name,
    label: checked.label,
    type: checked.type,
    fieldType: checked.fieldType,
    groupName: checked.groupName,
    description: typeof input.description === 'string' ? input.description : '',
    options: checked.options,
    displayOrder: typeof input.displayOrder === 'number' ? input.displayOrder : -1,
    hasUniqueValue: input.hasUniqueValue === true,
    hidden: input.hidden === true,
    formField: input.formField === true,
    calculated: false,
    externalOptions: input.externalOptions === true,
    createdAt: at,
    updatedAt: at,
    archived: false,
    modificationMetadata: { archivable: true, readOnlyDefinition: false, readOnlyValue: false },
  }
  portal.properties.get(def.name)?.set(name, prop)
  return { status: 201, body: prop }
}

function updateProperty(
  portal: Portal,
  def: ObjectTypeDef,
  prop: SimProperty,
  patch: Record<string, unknown>,
): SimAnswer {
  if (prop.hubspotDefined && (patch.type !== undefined || patch.fieldType !== undefined)) {
    return validationError(`The type of HubSpot defined property ${prop.name} cannot be changed`)
  }
  const checked = checkDefinition(portal, def, { ...prop, ...patch })
  if (!checked.ok) return checked.answer
  prop.label = checked.label
  prop.type = checked.type
  prop.fieldType = checked.fieldType
  prop.groupName = checked.groupName
  // Options are replaced as a whole; values already stored keep whatever they hold.
  prop.options = checked.options
  if (typeof patch.description === 'string') prop.description = patch.description
  if (typeof patch.displayOrder === 'number') prop.displayOrder = patch.displayOrder
  if (typeof patch.hidden === 'boolean') prop.hidden = patch.hidden
  if (typeof patch.formField === 'boolean') prop.formField = patch.formField
  prop.updatedAt = new Date().toISOString()
  return { status: 200, body: prop }
}

type Definition =
  | {
      ok: true
      label: string
      type: SimProperty['type']
      fieldType: string
      groupName: string
      options: SimPropertyOption[]
    }
  | { ok: false; answer: SimAnswer }

function checkDefinition(portal: Portal, def: ObjectTypeDef, input: Record<string, unknown>): Definition {
  const label = typeof input.label === 'string' ? input.label : ''
  if (!label) return { ok: false, answer: validationError('A property needs a label') }
  const type = String(input.type ?? '') as SimProperty['type']
  const allowed = FIELD_TYPES[type]
  if (!allowed) {
    return {
      ok: false,
      answer: validationError(`Invalid type "${type}"; use one of ${Object.keys(FIELD_TYPES).join(', ')}`),
    }
  }
  const fieldType = String(input.fieldType ?? '')
  if (!allowed.includes(fieldType)) {
    return {
      ok: false,
      answer: validationError(
        `fieldType "${fieldType}" is not valid for type "${type}"; use one of ${allowed.join(', ')}`,
      ),
    }
  }
  const groupName = String(input.groupName ?? '')
  if (!portal.group(def.name, groupName)) {
    return { ok: false, answer: validationError(`Property group ${groupName} does not exist`) }
  }
  if (input.hasUniqueValue === true && type !== 'string' && type !== 'number') {
    return { ok: false, answer: validationError('Only string and number properties can have unique values') }
  }
  const options = checkOptions(type, input.options, input.externalOptions === true)
  if (!options.ok) return options
  return { ok: true, label, type, fieldType, groupName, options: options.options }
}

function checkOptions(
  type: SimProperty['type'],
  raw: unknown,
  external: boolean,
): { ok: true; options: SimPropertyOption[] } | { ok: false; answer: SimAnswer } {
  if (type !== 'enumeration' && type !== 'bool') return { ok: true, options: [] }
  if (type === 'bool' && (raw === undefined || (Array.isArray(raw) && raw.length === 0))) {
    return {
      ok: true,
      options: [
        { label: 'Yes', value: 'true', displayOrder: 0, hidden: false },
        { label: 'No', value: 'false', displayOrder: 1, hidden: false },
      ],
    }
  }
  if (!Array.isArray(raw)) {
    if (external) return { ok: true, options: [] }
    return { ok: false, answer: validationError('Enumeration properties need "options"') }
  }
  const options: SimPropertyOption[] = []
  const seen = new Set<string>()
  for (const [i, o] of raw.entries()) {
    if (!isRecord(o) || typeof o.value !== 'string' || typeof o.label !== 'string' || o.value === '') {
      return { ok: false, answer: validationError(`Option ${i} needs a label and a non-empty value`) }
    }
    if (seen.has(o.value)) return { ok: false, answer: validationError(`Duplicate option value: ${o.value}`) }
    seen.add(o.value)
    options.push({
      label: o.label,
      value: o.value,
      description: typeof o.description === 'string' ? o.description : undefined,
      displayOrder: typeof o.displayOrder === 'number' ? o.displayOrder : i,
      hidden: o.hidden === true,
    })
  }
  return { ok: true, options }
}
