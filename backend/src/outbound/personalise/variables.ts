import type { Contact, Store } from '../../db/schema'
import type { Language } from './languages'
import { formatRelativeDate } from './relative-date'
import type { VariableValue } from './render'

/** What personalisation reads about a contact. */
export type ContactFacts = Pick<Contact, 'name' | 'profileName' | 'phoneE164' | 'email' | 'attributes'>

/** Everything a variable can be filled from, in the order a value is looked for. */
export interface VariableSources {
  /** Values passed with the send (an agent's edit, the automation's order data): they win. */
  given: Record<string, string>
  contact: ContactFacts | null
  /** The contact's nearest store, when the body uses a store variable and the workspace has stores. */
  store: Store | null
  /** The quick reply's own defaults, then the workspace's (for the contact's language first). */
  replyDefaults: Record<string, string>
  workspaceDefaults: Record<string, string>
  language: Language
  timeZone: string
  now: Date
}

/** Variables that need the nearest store; the store is only looked up when a body uses one. */
export const STORE_VARIABLES = new Set([
  'nearest_store',
  'store_address',
  'store_city',
  'store_hours',
  'store_maps_url',
])

const present = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

/** A record's own entry: `{{constructor}}` or `{{__proto__}}` must not read Object.prototype. */
function ownEntry(record: Record<string, unknown> | undefined, key: string): unknown {
  return record && Object.hasOwn(record, key) ? record[key] : undefined
}

const ownText = (record: Record<string, unknown>, key: string) => {
  const value = ownEntry(record, key)
  return typeof value === 'string' ? present(value) : undefined
}

/** An attribute as text; null, empty and non-scalar values count as absent. */
function attribute(contact: ContactFacts | null, key: string): string | undefined {
  const value = ownEntry(contact?.attributes, key)
  if (typeof value === 'string') return present(value)
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean') return String(value)
  return undefined
}

const words = (value: string | undefined) => value?.split(/\s+/).filter(Boolean) ?? []

const from = (source: VariableValue['source'], value: string | undefined): VariableValue | undefined =>
  value === undefined ? undefined : { value, source }

type Builtin = (s: VariableSources) => VariableValue | undefined

/**
 * Variables with a meaning of their own. `first_name` prefers the CRM's field, because a
 * WhatsApp profile name is often a nickname or an emoji; the contact's name (which a CRM or
 * agent edit overrides) comes next, then the profile name as last seen.
 */
const BUILTINS: Record<string, Builtin> = {
  first_name: (s) =>
    from('crm', attribute(s.contact, 'first_name')) ??
    from('contact', words(present(s.contact?.name ?? undefined))[0]) ??
    from('contact', words(present(s.contact?.profileName ?? undefined))[0]),
  last_name: (s) => {
    const crm = attribute(s.contact, 'last_name')
    if (crm) return from('crm', crm)
    const rest = words(present(s.contact?.name ?? undefined)).slice(1)
    return from('contact', rest.length ? rest.join(' ') : undefined)
  },
  name: (s) => {
    const own = present(s.contact?.name) ?? present(s.contact?.profileName)
    if (own) return from('contact', own)
    const crm = [attribute(s.contact, 'first_name'), attribute(s.contact, 'last_name')].filter(Boolean)
    return from('crm', crm.length ? crm.join(' ') : undefined)
  },
  phone: (s) => from('contact', present(s.contact?.phoneE164)),
  email: (s) => from('contact', present(s.contact?.email)) ?? from('crm', attribute(s.contact, 'email')),
  last_purchase: (s) => {
    const stored = ownEntry(s.contact?.attributes, 'last_purchase_at')
    if (stored === undefined || stored === null || stored === '') return undefined
    const text = formatRelativeDate(stored, { now: s.now, timeZone: s.timeZone, language: s.language })
    return from('crm', text ?? undefined)
  },
  nearest_store: (s) => from('store', present(s.store?.name)),
  store_address: (s) => from('store', present(s.store?.address)),
  store_city: (s) => from('store', present(s.store?.city)),
  store_hours: (s) => from('store', present(s.store?.hours)),
  store_maps_url: (s) => from('store', present(s.store?.mapsUrl)),
}

/** The names with a built-in meaning, for documentation and the API description. */
export const BUILTIN_VARIABLES = Object.keys(BUILTINS)

/**
 * One variable's value: given with the send, else built in (contact, CRM or store), else the
 * CRM attribute of that name (`{{customer_level}}`, or explicitly `{{attr.customer_level}}`,
 * which never means a built-in), else the reply's default, else the workspace's; undefined
 * when none has a non-blank value.
 */
export function resolveVariable(name: string, s: VariableSources): VariableValue | undefined {
  const given = ownText(s.given, name)
  if (given !== undefined) return { value: given, source: 'given' }
  const builtin = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined
  const own = builtin
    ? builtin(s)
    : from('crm', attribute(s.contact, name.startsWith('attr.') ? name.slice(5) : name))
  if (own) return own
  return (
    from('default', ownText(s.replyDefaults, name)) ?? from('default', ownText(s.workspaceDefaults, name))
  )
}
