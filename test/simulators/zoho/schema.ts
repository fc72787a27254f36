/** The modules' standard fields, and the Fields API's rules for custom ones. */
import type { SimFieldMeta } from './types'

let fieldSeq = 5_725_767_000_000_000
export const nextFieldId = () => String(++fieldSeq)

const f = (api_name: string, data_type: string, extra: Partial<SimFieldMeta> = {}): SimFieldMeta => {
  const field_label = extra.field_label ?? api_name.replace(/_/g, ' ')
  return {
    id: nextFieldId(),
    api_name,
    field_label,
    display_label: field_label,
    data_type,
    custom_field: false,
    read_only: false,
    field_read_only: false,
    ...extra,
  }
}
/** Fields Zoho fills itself: listed, never writable. */
const system = (api_name: string, data_type: string, field_label: string) =>
  f(api_name, data_type, { field_label, display_label: field_label, read_only: true, field_read_only: true })

const LEAD_SOURCES = [
  '-None-',
  'Advertisement',
  'Cold Call',
  'Online Store',
  'Chat',
  'Web Download',
  'Trade Show',
]
const picklist = (values: string[]) => values.map((v) => ({ display_value: v, actual_value: v }))

/** Standard layout fields of the modules the simulator serves. */
export function standardFields(module: string): SimFieldMeta[] {
  const person = [
    f('First_Name', 'text', { length: 40 }),
    f('Last_Name', 'text', { length: 80, system_mandatory: true }),
    f('Email', 'email', { length: 100 }),
    f('Phone', 'phone', { length: 30 }),
    f('Mobile', 'phone', { length: 30 }),
    f('Lead_Source', 'picklist', { pick_list_values: picklist(LEAD_SOURCES) }),
    f('Tag', 'tag'),
    system('Created_Time', 'datetime', 'Created Time'),
    system('Modified_Time', 'datetime', 'Modified Time'),
  ]
  switch (module) {
    case 'Contacts':
      return [
        ...person,
        system('Full_Name', 'text', 'Contact Name'),
        // An admin's formula field, as orgs have them: computed by Zoho, read-only.
        f('Days_Since_WhatsApp', 'formula', {
          field_label: 'Days Since WhatsApp',
          display_label: 'Days Since WhatsApp',
          custom_field: true,
          read_only: true,
          formula: { return_type: 'double', expression: 'Datecomp(Now(), Modified_Time) / 1440' },
        }),
      ]
    case 'Leads':
      return [...person, f('Company', 'text', { length: 200, system_mandatory: true })]
    case 'Notes':
      return [
        f('Note_Title', 'text', { length: 120 }),
        f('Note_Content', 'textarea', { length: 32_000 }),
        f('Parent_Id', 'lookup'),
      ]
    case 'Tasks':
      return [
        f('Subject', 'text', { length: 255, system_mandatory: true }),
        f('Description', 'textarea', { length: 32_000 }),
        f('Due_Date', 'date'),
        f('Priority', 'picklist', {
          pick_list_values: picklist(['Highest', 'High', 'Normal', 'Low', 'Lowest']),
        }),
        f('Status', 'picklist', {
          pick_list_values: picklist([
            'Not Started',
            'Deferred',
            'In Progress',
            'Completed',
            'Waiting for input',
          ]),
        }),
        f('Who_Id', 'lookup'),
        f('What_Id', 'lookup'),
        f('$se_module', 'text'),
      ]
    default:
      return []
  }
}

export const MODULES = ['Contacts', 'Leads', 'Notes', 'Tasks'] as const
export const CUSTOM_TYPES = new Set([
  'text',
  'textarea',
  'integer',
  'double',
  'datetime',
  'date',
  'boolean',
  'picklist',
  'multiselectpicklist',
  'email',
  'phone',
])

/** Zoho derives a custom field's API name from its label: letters, digits, single underscores. */
export function apiNameOf(label: string): string {
  return label
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/_+/g, '_')
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Why a value does not fit the field, or null. Zoho datetimes carry an offset and no milliseconds. */
export function invalidValue(field: SimFieldMeta, value: unknown): string | null {
  if (value === null) return null
  switch (field.data_type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'phone':
      if (typeof value !== 'string') return 'expected a string'
      if (field.length && value.length > field.length) return `longer than ${field.length} characters`
      if (field.data_type === 'email' && value !== '' && !/^[^@\s]+@[^@\s]+$/.test(value))
        return 'not an email'
      return null
    case 'integer':
      return Number.isInteger(value) ? null : 'expected an integer'
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'expected a number'
    case 'boolean':
      return typeof value === 'boolean' ? null : 'expected true or false'
    case 'datetime':
      return typeof value === 'string' && DATETIME.test(value) ? null : 'expected yyyy-MM-ddTHH:mm:ss±HH:mm'
    case 'date':
      return typeof value === 'string' && DATE.test(value) ? null : 'expected yyyy-MM-dd'
    case 'picklist':
      return typeof value === 'string' && field.pick_list_values?.some((p) => p.actual_value === value)
        ? null
        : 'not a value of the picklist'
    case 'multiselectpicklist':
      return Array.isArray(value) &&
        value.every((v) => typeof v === 'string' && field.pick_list_values?.some((p) => p.actual_value === v))
        ? null
        : 'not values of the picklist'
    default:
      return null
  }
}

/** Zoho's datetime format, second precision, in UTC. */
export function zohoTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}+00:00`
}
