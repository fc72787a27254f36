import type { FieldValue } from '../contact-values'
import type { CrmFieldSpec, CrmFieldType } from '../fields'
import type { CrmPropertyInfo, CrmPropertySpec } from '../port'
import { checkCrmValue, type ValueCheck, type ValueDialect } from '../value-check'

/**
 * Our contact fields on Contact and Lead. The package installs the `WA_*__c` fields on both
 * objects (names in the README, "Salesforce sync"); names and email map to Salesforce's
 * standard fields. We never create fields at runtime: "managed" here means "the package's".
 */
const PACKAGE_FIELDS: Readonly<Record<string, string>> = {
  wa_phone: 'WA_Phone__c',
  last_inbound_at: 'WA_Last_Inbound_At__c',
  last_outbound_at: 'WA_Last_Outbound_At__c',
  messages_30d: 'WA_Messages_30d__c',
  inquiry_frequency: 'WA_Inquiry_Frequency__c',
  tags: 'WA_Tags__c',
  segment: 'WA_Segment__c',
  priority: 'WA_Priority__c',
  last_intent: 'WA_Last_Intent__c',
  sentiment: 'WA_Sentiment__c',
  activity_score: 'WA_Activity_Score__c',
  churn_risk: 'WA_Churn_Risk__c',
  opt_in_status: 'WA_Opt_In_Status__c',
  median_response_seconds: 'WA_Median_Response_Seconds__c',
  window_open_until: 'WA_Window_Open_Until__c',
  customer_level: 'WA_Customer_Level__c',
}

const STANDARD_FIELDS: Readonly<Record<string, string>> = {
  first_name: 'FirstName',
  last_name: 'LastName',
  email: 'Email',
  lead_source: 'LeadSource',
}

/** The package's `WA_Message__c` object and Task key, with a managed package's namespace prefix. */
export function packageNames(prefix: string) {
  const p = (name: string) => `${prefix}${name}`
  return {
    message: {
      object: p('WA_Message__c'),
      key: p('WA_Message_Key__c'),
      contact: p('WA_Contact__c'),
      lead: p('WA_Lead__c'),
      direction: p('WA_Direction__c'),
      body: p('WA_Body__c'),
      sentAt: p('WA_Sent_At__c'),
      mediaUrl: p('WA_Media_URL__c'),
      status: p('WA_Status__c'),
    },
    taskKey: p('WA_Task_Key__c'),
    /** On Contact and Lead: when an erased person's record was cleared for the org's own privacy deletion. */
    erasureRequestedAt: p('WA_Erasure_Requested_At__c'),
  }
}

export type PackageNames = ReturnType<typeof packageNames>

export function defaultSalesforceProperty(
  spec: CrmFieldSpec,
  prefix: string,
): { property: string; managed: boolean } {
  const standard = STANDARD_FIELDS[spec.key]
  if (standard) return { property: standard, managed: false }
  const packaged = PACKAGE_FIELDS[spec.key]
  if (packaged) return { property: `${prefix}${packaged}`, managed: true }
  return { property: `${prefix}WA_${spec.key}__c`, managed: true }
}

export interface DescribedField {
  name: string
  type: string
  length?: number
  restrictedPicklist?: boolean
  picklistValues?: { value: string; active: boolean }[]
  updateable?: boolean
  createable?: boolean
}

/** A described Salesforce field → our neutral spec. An unrestricted picklist takes any value (no options to check). */
export function specFromDescribe(f: DescribedField): CrmPropertySpec {
  const type: CrmFieldType =
    f.type === 'double' ||
    f.type === 'int' ||
    f.type === 'currency' ||
    f.type === 'percent' ||
    f.type === 'long'
      ? 'number'
      : f.type === 'datetime' || f.type === 'date'
        ? 'datetime'
        : f.type === 'boolean'
          ? 'bool'
          : f.type === 'picklist'
            ? 'enumeration'
            : f.type === 'multipicklist'
              ? 'multi_enumeration'
              : 'string'
  const options =
    (type === 'enumeration' || type === 'multi_enumeration') && f.restrictedPicklist
      ? (f.picklistValues ?? []).filter((v) => v.active).map((v) => v.value)
      : undefined
  return { name: f.name, type, ...(options ? { options } : {}) }
}

/** A Contact field as `describe` lists it, for the mapping picker. */
export interface ListedSalesforceField extends DescribedField {
  label: string
  calculated?: boolean
}

/**
 * A described field → the picker's entry. Formula and roll-up fields (`calculated`) and fields the
 * integration user may not both create and update (system fields, read-only by profile) refuse
 * our writes, which both create and update records.
 */
export function salesforcePropertyInfo(f: ListedSalesforceField): CrmPropertyInfo {
  return {
    name: f.name,
    label: f.label,
    type: specFromDescribe(f).type,
    crmType: f.type,
    writable: !f.calculated && Boolean(f.updateable) && Boolean(f.createable),
  }
}

const SALESFORCE_VALUES: ValueDialect = {
  datetime: (ms) => new Date(ms).toISOString(),
  maxText: 255,
  choicesOf: (property) => `values of the restricted picklist ${property}`,
  sortMulti: true,
}

/**
 * Our value as a string the field accepts (the port carries strings; `toSalesforceJson` types it
 * for the request), or why it cannot be sent. '' clears the field.
 */
export function toSalesforceValue(value: FieldValue, spec: CrmPropertySpec): ValueCheck {
  return checkCrmValue(value, spec, SALESFORCE_VALUES)
}

/** The formatted string as the JSON value Salesforce's REST API wants for the field's type. */
export function toSalesforceJson(
  value: FieldValue,
  type: CrmFieldType | undefined,
): string | number | boolean | null {
  if (value === null || value === '') return null
  if (type === 'number') return Number(value)
  if (type === 'bool') return value === true || value === 'true'
  if (Array.isArray(value)) return value.join(';')
  return typeof value === 'string' ? value : String(value)
}

/** A value Salesforce answered (typed JSON, `…+0000` datetimes) → the raw string the port carries. */
export function rawOf(value: unknown): string | null {
  if (value === null || value === undefined) return null
  return typeof value === 'string' ? value : String(value)
}

/** Salesforce's string → our neutral value, for changes coming back. */
export function fromSalesforceValue(raw: string | null, spec: CrmPropertySpec): FieldValue {
  if (raw === null || raw === '') return spec.type === 'multi_enumeration' ? [] : null
  switch (spec.type) {
    case 'number':
      return Number(raw)
    case 'datetime':
      return /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
    case 'bool':
      return raw === 'true'
    case 'multi_enumeration':
      return raw.split(';').filter(Boolean).sort()
    default:
      return raw
  }
}
