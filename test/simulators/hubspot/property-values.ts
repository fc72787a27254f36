/**
 * Checks one property value the way HubSpot does on a write and turns it into the string HubSpot
 * stores and returns: numbers as given, datetimes as ISO 8601 (input: epoch ms or ISO 8601), dates
 * as YYYY-MM-DD at UTC midnight, booleans as "true"/"false", multi-checkbox values joined by ';'.
 * Error codes and messages are HubSpot's (`INVALID_INTEGER`, `INVALID_LONG`, `INVALID_DATE`,
 * `INVALID_OPTION`, `INVALID_EMAIL`).
 */
import type { PropertyProblem } from './errors'
import type { SimProperty } from './types'

export type ValueCheck = { ok: true; value: string | null } | { ok: false; problem: PropertyProblem }

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/
const EPOCH_MS = /^-?\d+$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/
// Deliberately loose, like HubSpot's: something@domain.tld without spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const MAX_STRING = 65_536

export function checkValue(prop: SimProperty, raw: unknown): ValueCheck {
  if (raw === null || raw === undefined) return { ok: true, value: null }
  if (typeof raw === 'object') {
    return fail(prop, 'INVALID_PROPERTY_VALUE', `${JSON.stringify(raw)} is not a valid property value.`)
  }
  const text = String(raw)
  // An empty string clears the property, whatever its type.
  if (text === '') return { ok: true, value: null }
  switch (prop.type) {
    case 'number':
      if (!NUMBER.test(text.trim()))
        return fail(prop, 'INVALID_INTEGER', `${text} was not a valid number.`, text)
      return { ok: true, value: text.trim() }
    case 'datetime':
      return datetime(prop, text)
    case 'date':
      return date(prop, text)
    case 'bool':
      return bool(prop, text)
    case 'enumeration':
      return enumeration(prop, text)
    default:
      if (text.length > MAX_STRING) {
        return fail(prop, 'INVALID_STRING_LENGTH', `The value is longer than ${MAX_STRING} characters.`)
      }
      if (prop.name === 'email') {
        const email = text.trim().toLowerCase()
        if (!EMAIL.test(email)) return fail(prop, 'INVALID_EMAIL', `Email address ${text} is invalid`, text)
        return { ok: true, value: email }
      }
      return { ok: true, value: text }
  }
}

/** Epoch ms or ISO 8601 → epoch ms, or null when it is neither. */
export function parseTimestamp(text: string): number | null {
  const t = text.trim()
  if (EPOCH_MS.test(t)) return Number(t)
  if (ISO_DATE.test(t) || ISO_DATETIME.test(t)) {
    const ms = Date.parse(ISO_DATE.test(t) ? `${t}T00:00:00Z` : t)
    return Number.isNaN(ms) ? null : ms
  }
  return null
}

function datetime(prop: SimProperty, text: string): ValueCheck {
  const ms = parseTimestamp(text)
  if (ms === null || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15) {
    return fail(prop, 'INVALID_LONG', `${text} was not a valid long.`, text)
  }
  return { ok: true, value: new Date(ms).toISOString() }
}

function date(prop: SimProperty, text: string): ValueCheck {
  const ms = parseTimestamp(text)
  if (ms === null) return fail(prop, 'INVALID_DATE', `${text} was not a valid date.`, text)
  const d = new Date(ms)
  const rest = ms - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
  if (rest !== 0) {
    const at = `${d.getUTCHours()}:${d.getUTCMinutes()}:${d.getUTCSeconds()}.${d.getUTCMilliseconds()}`
    return fail(prop, 'INVALID_DATE', `${text} is at ${at} UTC, not midnight!`, text)
  }
  return { ok: true, value: d.toISOString().slice(0, 10) }
}

function bool(prop: SimProperty, text: string): ValueCheck {
  const t = text.trim().toLowerCase()
  if (t === 'true' || t === 'false') return { ok: true, value: t }
  return fail(prop, 'INVALID_OPTION', `${text} was not one of the allowed options: [true, false]`, text)
}

function enumeration(prop: SimProperty, text: string): ValueCheck {
  if (prop.externalOptions) return { ok: true, value: text }
  const allowed = prop.options.map((o) => o.value)
  if (prop.fieldType === 'booleancheckbox') {
    const t = text.trim().toLowerCase()
    if (t === 'true' || t === 'false') return { ok: true, value: t }
  }
  // Multiple checkboxes: every ';'-separated value must be an option.
  const values = prop.fieldType === 'checkbox' ? text.split(';').filter((v) => v !== '') : [text]
  const bad = values.find((v) => !allowed.includes(v))
  if (bad !== undefined) {
    return fail(
      prop,
      'INVALID_OPTION',
      `${bad} was not one of the allowed options: [${allowed.join(', ')}]`,
      text,
    )
  }
  return { ok: true, value: values.join(';') }
}

function fail(prop: SimProperty, error: string, message: string, propertyValue?: string): ValueCheck {
  return { ok: false, problem: { name: prop.name, error, message, propertyValue } }
}
