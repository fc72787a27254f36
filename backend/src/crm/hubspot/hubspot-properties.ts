import type { FieldValue } from '../contact-values'
import { type CrmFieldSpec, type CrmFieldType, fieldSpec } from '../fields'
import type { CrmPropertyInfo, CrmPropertySpec } from '../port'
import { checkCrmValue, type ValueCheck, type ValueDialect } from '../value-check'

/** Our property group on every object type we write, so admins see where the fields come from. */
export const HUBSPOT_GROUP = { name: 'whatsapp_scrm', label: 'WhatsApp' }

/** Unique keys that make message and task writes idempotent (upsert by them after a crash). */
export const MESSAGE_ID_PROPERTY = 'scrm_message_id'
export const TASK_ID_PROPERTY = 'scrm_task_id'

/** HubSpot's own contact properties we map to instead of creating one. */
const HUBSPOT_STANDARD: Readonly<Record<string, string>> = {
  first_name: 'firstname',
  last_name: 'lastname',
  email: 'email',
}

export function defaultHubspotProperty(spec: CrmFieldSpec): { property: string; managed: boolean } {
  const standard = HUBSPOT_STANDARD[spec.key]
  if (standard) return { property: standard, managed: false }
  return { property: `scrm_${spec.key}`, managed: true }
}

/** HubSpot's property type and field type for ours. */
export function hubspotTypes(type: CrmFieldType): { type: string; fieldType: string } {
  switch (type) {
    case 'string':
      return { type: 'string', fieldType: 'text' }
    case 'number':
      return { type: 'number', fieldType: 'number' }
    case 'datetime':
      return { type: 'datetime', fieldType: 'date' }
    case 'enumeration':
      return { type: 'enumeration', fieldType: 'select' }
    case 'multi_enumeration':
      return { type: 'enumeration', fieldType: 'checkbox' }
    case 'bool':
      return { type: 'bool', fieldType: 'booleancheckbox' }
  }
}

/** HubSpot's description of a property → our neutral spec. */
export function specFromHubspot(p: {
  name: string
  type: string
  fieldType?: string
  options?: { value: string }[]
}): CrmPropertySpec {
  const type: CrmFieldType =
    p.type === 'number'
      ? 'number'
      : p.type === 'datetime' || p.type === 'date'
        ? 'datetime'
        : p.type === 'bool'
          ? 'bool'
          : p.type === 'enumeration'
            ? p.fieldType === 'checkbox'
              ? 'multi_enumeration'
              : 'enumeration'
            : 'string'
  return { name: p.name, type, options: p.options?.map((o) => o.value) }
}

export function propertyCreate(fieldKey: string, property: string, tagOptions: string[]) {
  const spec = fieldSpec(fieldKey)
  if (!spec) throw new Error(`unknown CRM field ${fieldKey}`)
  const options =
    spec.type === 'bool'
      ? ['true', 'false']
      : spec.options === 'tags'
        ? tagOptions
        : spec.options
          ? [...spec.options]
          : undefined
  return {
    name: property,
    label: spec.label,
    description: spec.description,
    groupName: HUBSPOT_GROUP.name,
    ...hubspotTypes(spec.type),
    ...(spec.unique ? { hasUniqueValue: true } : {}),
    ...(options ? { options: options.map((value, displayOrder) => optionOf(value, displayOrder)) } : {}),
  }
}

export function optionOf(value: string, displayOrder: number) {
  const label = value === 'true' ? 'Yes' : value === 'false' ? 'No' : value.replaceAll('_', ' ')
  return { label, value, displayOrder, hidden: false }
}

const HUBSPOT_VALUES: ValueDialect = {
  datetime: (ms) => String(ms),
  maxText: 65_536,
  choicesOf: (property) => `options of ${property}`,
}

/** Our value as HubSpot wants it for that property, or why it cannot be sent. */
export function toHubspotValue(value: FieldValue, spec: CrmPropertySpec): ValueCheck {
  return checkCrmValue(value, spec, HUBSPOT_VALUES)
}

/** HubSpot's string → our neutral value, for changes coming back. */
export function fromHubspotValue(raw: string | null, spec: CrmPropertySpec): FieldValue {
  if (raw === null || raw === '') return spec.type === 'multi_enumeration' ? [] : null
  switch (spec.type) {
    case 'number':
      return Number(raw)
    case 'datetime':
      return /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw)
    case 'bool':
      return raw === 'true'
    case 'multi_enumeration':
      return raw.split(';').filter(Boolean).sort()
    default:
      return raw
  }
}

/** A contact property as HubSpot lists it (the attributes the picker reads). */
export interface HubspotListedProperty {
  name: string
  label: string
  type: string
  fieldType: string
  calculated?: boolean
  hidden?: boolean
  archived?: boolean
  modificationMetadata?: { readOnlyValue?: boolean }
}

/**
 * HubSpot's contact property → the picker's entry. Calculated properties and those whose value
 * HubSpot sets itself (`readOnlyValue`: record id, last modified …) refuse writes.
 */
export function hubspotPropertyInfo(p: HubspotListedProperty): CrmPropertyInfo {
  return {
    name: p.name,
    label: p.label,
    type: specFromHubspot(p).type,
    crmType: `${p.type}/${p.fieldType}`,
    writable: !p.calculated && !p.modificationMetadata?.readOnlyValue,
  }
}
