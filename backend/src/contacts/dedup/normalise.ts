import { toE164, waIdToE164 } from '@scrm/shared'
import anyAscii from 'any-ascii'
import {
  type CountryCode,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max'
import { pinyin } from 'pinyin-pro'

/*
 * What "the same value" means when looking for one person behind two contacts. Libraries chosen
 * (all pure JS, no native code, `engines` satisfied by Node 20 and 24):
 * - libphonenumber-js (already the product's phone parser) for every way a number is typed;
 * - pinyin-pro for Han → pinyin: it is the maintained, dictionary-based converter that knows
 *   surname readings (单 is "shan" as a surname, not "dan"), which a character table does not;
 * - any-ascii for every other script (Cyrillic, Greek, Arabic, Hangul ...): one small,
 *   maintained table-driven transliterator rather than one library per script.
 */

const HAN = /\p{Script=Han}/u
const HAN_ALL = /\p{Script=Han}/gu
const MARKS = /\p{M}+/gu
const NOT_WORD = /[^\p{L}\p{N}]+/gu
const APOSTROPHES = /['\u2019\u02bc`]/g

/** Compatibility forms folded (full-width digits and letters), accents stripped, lower case. */
export function foldText(raw: string): string {
  return raw.normalize('NFKC').normalize('NFD').replace(MARKS, '').normalize('NFC').toLowerCase()
}

/**
 * A phone as a person types it, to E.164: `+852 9123 4567`, `85291234567`, `0085291234567`,
 * `9123 4567` (national, in the channel's region) and full-width digits all give `+85291234567`.
 * A run of digits that is a valid international number is read as one (a wa_id pasted into a
 * CRM field) unless it is a valid national number of the region — except when the run starts
 * with the region's own calling code: `4915123456789` in Germany is the wa_id of a German
 * mobile, even though variable-length plans also let it parse as a national number (area 0491).
 */
export function normalisePhone(raw: string, region?: string): string | null {
  const folded = raw.normalize('NFKC').trim()
  if (folded.length === 0 || folded.length > 40) return null
  const digits = folded.replace(/[\s().\-/]/g, '')
  if (/^00[1-9]\d{5,14}$/.test(digits)) return toE164(`+${digits.slice(2)}`)
  if (/^\d{8,15}$/.test(digits)) {
    const national = toE164(digits, region)
    const international = waIdToE164(digits)
    const nationalValid = national !== null && parsePhoneNumberFromString(national)?.isValid() === true
    const internationalValid =
      international !== null && parsePhoneNumberFromString(international)?.isValid() === true
    if (internationalValid && (!nationalValid || startsWithOwnCallingCode(digits, region)))
      return international
    if (nationalValid) return national
    return national ?? international
  }
  return toE164(folded, region)
}

function startsWithOwnCallingCode(digits: string, region: string | undefined): boolean {
  if (!region || !isSupportedCountry(region)) return false
  return digits.startsWith(getCountryCallingCode(region as CountryCode))
}

/**
 * Email as a mailbox: case-folded; for Gmail (which ignores dots and everything after "+" in the
 * local part) those are dropped too. Other providers treat dots as significant, so they stay.
 */
export function normaliseEmail(raw: string): string | null {
  const email = raw.normalize('NFKC').trim().toLowerCase()
  const at = email.lastIndexOf('@')
  if (at <= 0 || at === email.length - 1 || /\s/.test(email)) return null
  let local = email.slice(0, at)
  let domain = email.slice(at + 1)
  if (domain === 'googlemail.com') domain = 'gmail.com'
  if (domain === 'gmail.com') local = local.split('+')[0]?.replace(/\./g, '') ?? ''
  return local ? `${local}@${domain}` : null
}

/** An address or store name: folded, punctuation dropped, words in order. */
export function normaliseAddress(raw: string): string | null {
  const words = foldText(raw).replace(NOT_WORD, ' ').trim()
  return words.length >= 4 ? words : null
}

/** The two forms a name is compared in. */
export interface NameForms {
  /** Romanised, folded, tokens sorted: "Wei Zhang", "张伟" and "ZHANG Wéi" all give "wei zhang". */
  latin: string
  /** The Han characters of the name, in order; empty for names without any. */
  han: string
  tokens: string[]
}

/**
 * A Han name is read surname first: the first character is the family name (its pinyin token),
 * the rest the given name as one token, as people write it in Latin ("Zhang Xiaoming").
 */
function romaniseHan(part: string): string {
  const syllables = pinyin(part, { toneType: 'none', type: 'array', surname: 'head' })
  if (syllables.length <= 1) return syllables.join('')
  return `${syllables[0]} ${syllables.slice(1).join('')}`
}

export function nameForms(raw: string | null | undefined): NameForms | null {
  if (!raw) return null
  const nfkc = raw.normalize('NFKC')
  const han = (nfkc.match(HAN_ALL) ?? []).join('')
  const romanised = nfkc
    .split(/(\p{Script=Han}+)/u)
    .map((part) => (HAN.test(part) ? ` ${romaniseHan(part)} ` : anyAscii(part)))
    .join(' ')
  // An apostrophe joins a word (O'Brien, and any-ascii's soft sign in Ol'ga), it does not split it.
  const tokens = foldText(romanised)
    .replace(APOSTROPHES, '')
    .replace(NOT_WORD, ' ')
    .split(' ')
    .filter((t) => t.length > 0)
    .sort()
  if (tokens.length === 0 && !han) return null
  return { latin: tokens.join(' '), han, tokens }
}
