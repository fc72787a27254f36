import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max'

/**
 * Phone helpers shared by the backend and the card front ends, so both sides agree on what
 * "the same number" means. libphonenumber-js does the parsing; this file only fixes the policy:
 * WhatsApp ids (`wa_id`, `from`) are international digits without "+", anything else is parsed
 * against the channel's default region.
 */

export type E164 = string & { readonly __brand: 'E164' }

const WA_DIGITS = /^\d{6,15}$/
const E164_SHAPE = /^\+[1-9]\d{5,14}$/

export function isCountryCode(region: string): region is CountryCode {
  return isSupportedCountry(region)
}

/**
 * Normalises a phone in any common notation to E.164, or null when it cannot be a phone number.
 * "Possible" (right length for its country) rather than "valid" (in an allocated range): Meta
 * delivers from ranges libphonenumber does not know yet (new allocations, 555 test numbers), and
 * a number stored from a webhook must be findable with the same rule a rep types it with.
 */
export function toE164(raw: string, defaultRegion?: string): E164 | null {
  const input = raw.trim()
  if (input.length === 0 || input.length > 40) return null
  const region = defaultRegion && isCountryCode(defaultRegion) ? defaultRegion : undefined
  const parsed = parsePhoneNumberFromString(input, region ? { defaultCountry: region } : undefined)
  if (!parsed?.isPossible()) return null
  return stableE164(parsed.number)
}

/**
 * libphonenumber can produce a "possible" number that is longer than E.164 allows or that reads
 * as another number when parsed again (national prefixes, trunk digits). Only a result that is
 * E.164-shaped and maps to itself is a stable key for a contact.
 */
function stableE164(candidate: string): E164 | null {
  if (!E164_SHAPE.test(candidate)) return null
  const again = parsePhoneNumberFromString(candidate)
  return again?.isPossible() && again.number === candidate ? (candidate as E164) : null
}

/** A WhatsApp id is the full international number without "+". */
export function waIdToE164(waId: string): E164 | null {
  const digits = waId.trim()
  if (!WA_DIGITS.test(digits)) return null
  const parsed = parsePhoneNumberFromString(`+${digits}`)
  if (!parsed?.isPossible() || parsed.number !== `+${digits}`) return null
  return stableE164(parsed.number)
}

/** The `to` value the Cloud API expects for an E.164 number. */
export function e164ToWaId(phone: E164 | string): string {
  return phone.replace(/^\+/, '')
}

export function isE164(value: string): value is E164 {
  return /^\+[1-9]\d{5,14}$/.test(value) && toE164(value) === value
}
