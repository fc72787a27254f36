/**
 * Property definitions as HubSpot checks them: name format (lowercase, no `hs_` prefix), a
 * type/fieldType pair that fits, an existing group, enumeration options, hasUniqueValue only on
 * strings and numbers, 409 OBJECT_ALREADY_EXISTS on a taken name. PATCH replaces options whole.
 */
import { hubspotError, type SimAnswer, validationError } from './errors'
import { isRecord } from './http'
import type { ObjectTypeDef } from './object-types'
import type { Portal } from './portal'
import type { SimProperty, SimPropertyOption } from './types'

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
export const NAME = /^[a-z][a-z0-9_]*$/

export const alreadyExists = (message: string): SimAnswer =>
  hubspotError(409, 'OBJECT_ALREADY_EXISTS', message)

export function createProperty(portal: Portal, def: ObjectTypeDef, input: unknown): SimAnswer {
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

export function updateProperty(
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
