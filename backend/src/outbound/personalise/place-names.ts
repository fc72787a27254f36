import { getCountries, parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { INTL_LOCALE, LANGUAGES } from './languages'

/**
 * Place names as CRMs and people write them: "São Paulo", "sao paulo", "SAO-PAULO" and
 * "São  Paulo " are one city. Folding removes accents (Unicode decomposition, then marks),
 * case, punctuation and repeated spaces; CJK names pass through unchanged.
 */
export function foldPlace(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim()
}

let countryNames: Map<string, string> | undefined

/**
 * Country names in the product's four languages (from CLDR through Intl.DisplayNames) and the
 * ISO codes themselves, folded, mapped to the ISO 3166 alpha-2 code; built once on first use.
 */
function countryIndex(): Map<string, string> {
  if (countryNames) return countryNames
  const index = new Map<string, string>()
  const regions = getCountries()
  for (const language of LANGUAGES) {
    const names = new Intl.DisplayNames([INTL_LOCALE[language]], { type: 'region', fallback: 'none' })
    for (const code of regions) {
      const name = names.of(code)
      if (name) index.set(foldPlace(name), code)
    }
  }
  for (const code of regions) index.set(foldPlace(code), code)
  countryNames = index
  return index
}

/** "BR", "br", "Brasil", "Brazil", "巴西" → "BR"; null when the value names no country. */
export function countryCodeOf(value: string | null | undefined): string | null {
  if (!value) return null
  return countryIndex().get(foldPlace(value)) ?? null
}

/** The country a phone number belongs to ("+5511…" → "BR"), or null. */
export function phoneCountry(phoneE164: string | null | undefined): string | null {
  if (!phoneE164) return null
  return parsePhoneNumberFromString(phoneE164)?.country ?? null
}
