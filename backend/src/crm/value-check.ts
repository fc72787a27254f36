import type { FieldValue } from './contact-values'
import type { CrmPropertySpec } from './port'

export type ValueCheck = { ok: true; value: string } | { ok: false; reason: string }

/** What differs between CRMs in how a value is written and refused; the checks are the same. */
export interface ValueDialect {
  /** A valid instant as the CRM takes it (HubSpot: epoch ms; Salesforce: ISO 8601). */
  datetime(ms: number): string
  /** The longest text a string field keeps. */
  maxText: number
  /** How the CRM names a field's allowed values, in a refusal: "options of segment". */
  choicesOf(property: string): string
  /** Multi-select values are stored sorted (Salesforce): sending them sorted makes equal values compare equal. */
  sortMulti?: boolean
}

/**
 * Our value as the string a CRM field accepts ('' clears it), or why it cannot be sent. Checked
 * before sending, so one bad value never turns into a batch of refusals.
 */
export function checkCrmValue(value: FieldValue, spec: CrmPropertySpec, dialect: ValueDialect): ValueCheck {
  if (value === null || (Array.isArray(value) && value.length === 0)) return { ok: true, value: '' }
  switch (spec.type) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value)
      return Number.isFinite(n)
        ? { ok: true, value: String(n) }
        : { ok: false, reason: `"${value}" is not a number` }
    }
    case 'datetime': {
      const n = typeof value === 'number' ? value : Date.parse(String(value))
      return Number.isFinite(n)
        ? { ok: true, value: dialect.datetime(n) }
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
        : { ok: false, reason: `"${v}" is not one of the ${dialect.choicesOf(spec.name)}` }
    }
    case 'multi_enumeration': {
      const list = Array.isArray(value) ? value.map(String) : String(value).split(';').filter(Boolean)
      const unknown = spec.options ? list.filter((v) => !spec.options?.includes(v)) : []
      if (unknown.length > 0)
        return {
          ok: false,
          reason: `${unknown.map((v) => `"${v}"`).join(', ')} not among the ${dialect.choicesOf(spec.name)}`,
        }
      return { ok: true, value: (dialect.sortMulti ? [...list].sort() : list).join(';') }
    }
    case 'string': {
      const s = Array.isArray(value) ? value.join(';') : String(value)
      return s.length <= dialect.maxText
        ? { ok: true, value: s }
        : { ok: false, reason: `longer than ${dialect.maxText.toLocaleString('en')} characters` }
    }
  }
}
