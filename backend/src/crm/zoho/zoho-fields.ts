import type { FieldValue } from '../contact-values'
import type { CrmFieldSpec, CrmFieldType } from '../fields'
import type { CrmPropertyInfo, CrmPropertySpec } from '../port'

/** Zoho's standard fields our contact fields map to; tags are Zoho's native Tags. */
const STANDARD: Readonly<Record<string, string>> = {
  first_name: 'First_Name',
  last_name: 'Last_Name',
  email: 'Email',
  lead_source: 'Lead_Source',
  tags: 'Tag',
}

/** The unique, normalised E.164 field records are matched and upserted on. */
export const WHATSAPP_NUMBER = 'WhatsApp_Number'
/** Lead source value of records we create (added to the Lead_Source picklist when missing). */
export const LEAD_SOURCE_VALUE = 'WhatsApp'

/** "WA Last Inbound At" → Zoho's API name `WA_Last_Inbound_At`. */
export function labelOf(key: string): string {
  return `WA ${key
    .split('_')
    .map((w) => (w === '30d' ? '30d' : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ')}`
}

export function apiNameOfLabel(label: string): string {
  return label
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/_+/g, '_')
}

export function defaultZohoProperty(spec: CrmFieldSpec): { property: string; managed: boolean } {
  const standard = STANDARD[spec.key]
  if (standard) return { property: standard, managed: false }
  if (spec.key === 'wa_phone') return { property: WHATSAPP_NUMBER, managed: true }
  return { property: apiNameOfLabel(labelOf(spec.key)), managed: true }
}

/** A field as `GET /settings/fields` lists it. */
export interface ZohoFieldMeta {
  id: string
  api_name: string
  field_label?: string
  data_type: string
  length?: number
  unique?: unknown
  pick_list_values?: { display_value: string; actual_value: string }[]
  display_label?: string
  /** Read-only for the connected user's profile. */
  read_only?: boolean
  /** Read-only for everyone (system fields such as Created_Time). */
  field_read_only?: boolean
  /** Formula fields: what the expression yields. */
  formula?: { return_type?: string }
}

/** Zoho computes these; the Fields API lists them but a write to them fails. */
const COMPUTED_TYPES = new Set(['formula', 'autonumber', 'rollup_summary', 'aggregate'])

/** A field of `GET /settings/fields?module=Contacts` → the picker's entry. */
export function zohoPropertyInfo(f: ZohoFieldMeta): CrmPropertyInfo {
  const computed = COMPUTED_TYPES.has(f.data_type)
  const valueType = f.data_type === 'formula' ? (f.formula?.return_type ?? 'text') : f.data_type
  return {
    name: f.api_name,
    label: f.display_label ?? f.field_label ?? f.api_name,
    type: specOfField({ ...f, data_type: valueType }).type,
    crmType: f.data_type === 'formula' ? `formula (${valueType})` : f.data_type,
    writable: !computed && !f.read_only && !f.field_read_only,
  }
}

/** The Fields API body creating our field for a neutral spec. */
export function fieldCreateBody(
  spec: CrmFieldSpec,
  property: string,
  options: string[],
): Record<string, unknown> {
  const label = property === WHATSAPP_NUMBER ? 'WhatsApp Number' : labelOf(spec.key)
  const tooltip = { name: 'info_icon', value: spec.description.slice(0, 255) }
  const base = { field_label: label, tooltip }
  switch (spec.type) {
    case 'number':
      return { ...base, data_type: 'double', length: 16, decimal_place: 2 }
    case 'datetime':
      return { ...base, data_type: 'datetime' }
    case 'bool':
      return { ...base, data_type: 'boolean' }
    case 'enumeration':
      return {
        ...base,
        data_type: 'picklist',
        pick_list_values: options.map((v) => ({ display_value: v, actual_value: v })),
      }
    case 'multi_enumeration':
      return {
        ...base,
        data_type: 'multiselectpicklist',
        pick_list_values: options.map((v) => ({ display_value: v, actual_value: v })),
      }
    default:
      return {
        ...base,
        data_type: 'text',
        length: 255,
        ...(spec.unique ? { unique: { casesensitive: false } } : {}),
      }
  }
}

/** A listed field → our neutral spec. Native Tags take any name of 1-25 characters. */
export function specOfField(f: ZohoFieldMeta): CrmPropertySpec {
  const type: CrmFieldType =
    f.data_type === 'double' ||
    f.data_type === 'integer' ||
    f.data_type === 'bigint' ||
    f.data_type === 'currency'
      ? 'number'
      : f.data_type === 'datetime' || f.data_type === 'date'
        ? 'datetime'
        : f.data_type === 'boolean'
          ? 'bool'
          : f.data_type === 'picklist'
            ? 'enumeration'
            : f.data_type === 'multiselectpicklist' || f.data_type === 'tag'
              ? 'multi_enumeration'
              : 'string'
  const options =
    f.data_type === 'picklist' || f.data_type === 'multiselectpicklist'
      ? (f.pick_list_values ?? []).map((p) => p.actual_value).filter((v) => v !== '-None-')
      : undefined
  return { name: f.api_name, type, ...(options ? { options } : {}) }
}

export type ValueCheck = { ok: true; value: string } | { ok: false; reason: string }

/** Our value as the string the port carries ('' clears), or why the field cannot take it. */
export function toZohoValue(value: FieldValue, spec: CrmPropertySpec): ValueCheck {
  if (value === null || (Array.isArray(value) && value.length === 0)) return { ok: true, value: '' }
  switch (spec.type) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value)
      return Number.isFinite(n)
        ? { ok: true, value: String(Math.round(n * 100) / 100) }
        : { ok: false, reason: `"${value}" is not a number` }
    }
    case 'datetime': {
      const n = typeof value === 'number' ? value : Date.parse(String(value))
      return Number.isFinite(n)
        ? { ok: true, value: zohoDateTime(n) }
        : { ok: false, reason: `"${value}" is not a date` }
    }
    case 'bool':
      return typeof value === 'boolean' || value === 'true' || value === 'false'
        ? { ok: true, value: String(value) }
        : { ok: false, reason: `"${value}" is not true/false` }
    case 'enumeration': {
      const v = String(value)
      return !spec.options || spec.options.includes(v)
        ? { ok: true, value: v }
        : { ok: false, reason: `"${v}" is not a value of the picklist ${spec.name}` }
    }
    case 'multi_enumeration': {
      const list = Array.isArray(value) ? value.map(String) : String(value).split(';').filter(Boolean)
      if (spec.name === 'Tag') {
        const long = list.filter((t) => t.length > 25)
        if (long.length > 0)
          return { ok: false, reason: `Zoho tags are at most 25 characters: ${long.join(', ')}` }
      } else if (spec.options) {
        const unknown = list.filter((v) => !spec.options?.includes(v))
        if (unknown.length > 0)
          return { ok: false, reason: `${unknown.join(', ')} not values of ${spec.name}` }
      }
      return { ok: true, value: [...new Set(list)].sort().join(';') }
    }
    case 'string': {
      const s = Array.isArray(value) ? value.join(';') : String(value)
      return s.length <= 255 ? { ok: true, value: s } : { ok: false, reason: 'longer than 255 characters' }
    }
  }
}

/** The port's string → the JSON value Zoho wants for the field's type ('' → null; Tag → [{ name }]). */
export function toZohoJson(value: FieldValue, spec: CrmPropertySpec | undefined): unknown {
  if (spec?.name === 'Tag') {
    const list = Array.isArray(value)
      ? value.map(String)
      : String(value ?? '')
          .split(';')
          .filter(Boolean)
    return list.map((name) => ({ name }))
  }
  if (value === null || value === '') return null
  switch (spec?.type) {
    case 'number':
      return Number(value)
    case 'bool':
      return value === true || value === 'true'
    case 'multi_enumeration':
      return Array.isArray(value) ? value.map(String) : String(value).split(';').filter(Boolean)
    default:
      return Array.isArray(value) ? value.join(';') : String(value)
  }
}

/** A value Zoho answered → the raw string the port carries. */
export function rawOfZoho(value: unknown, name: string): string | null {
  if (value === null || value === undefined) return null
  if (name === 'Tag' && Array.isArray(value))
    return (value as { name?: string }[])
      .map((t) => String(t?.name ?? ''))
      .filter(Boolean)
      .sort()
      .join(';')
  if (Array.isArray(value)) return value.map(String).sort().join(';')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

export function fromZohoValue(raw: string | null, spec: CrmPropertySpec): FieldValue {
  if (raw === null || raw === '') return spec.type === 'multi_enumeration' ? [] : null
  switch (spec.type) {
    case 'number':
      return Number(raw)
    case 'datetime':
      return Date.parse(raw)
    case 'bool':
      return raw === 'true'
    case 'multi_enumeration':
      return raw.split(';').filter(Boolean).sort()
    default:
      return raw
  }
}

/** Zoho's datetime: offset, no milliseconds. */
export function zohoDateTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}+00:00`
}
