import type { ContactAttributes } from '../../db/schema'
import { countryCodeOf, foldPlace, phoneCountry } from './place-names'

/** Where a contact is, as far as the CRM and the phone number tell. */
export interface ContactPlace {
  city?: string
  /** Neighbourhood or district ("Pinheiros", "Chamberí"). */
  district?: string
  postcode?: string
  region?: string
  /** ISO 3166 alpha-2. */
  country?: string
}

export interface StoreLike {
  city: string | null
  region: string | null
  country: string | null
  aliases: string[]
}

/** How specific the match was, from a shared neighbourhood or postcode down to "any store". */
export type StoreMatch = 'district' | 'city' | 'region' | 'country' | 'first'

/** CRMs name these fields differently; the first one present is used. */
const FIELDS = {
  city: ['city', 'town', 'cidade', 'ciudad'],
  district: ['district', 'neighbourhood', 'neighborhood', 'bairro', 'barrio'],
  postcode: ['postal_code', 'postcode', 'zip', 'zip_code', 'cep'],
  region: ['region', 'state', 'province', 'estado', 'provincia'],
  country: ['country', 'country_code', 'pais', 'país'],
} as const

function firstText(attributes: ContactAttributes, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = attributes[key]
    if (typeof value === 'string' && value.trim()) return value.trim()
  }
  return undefined
}

/** The contact's place from its CRM attributes; the country falls back to the phone's. */
export function contactPlace(attributes: ContactAttributes, phoneE164: string | null): ContactPlace {
  const country = countryCodeOf(firstText(attributes, FIELDS.country)) ?? phoneCountry(phoneE164)
  return {
    city: firstText(attributes, FIELDS.city),
    district: firstText(attributes, FIELDS.district),
    postcode: firstText(attributes, FIELDS.postcode),
    region: firstText(attributes, FIELDS.region),
    country: country ?? undefined,
  }
}

const compactPostcode = (value: string) => value.replace(/[^0-9a-z]/gi, '').toUpperCase()

/**
 * The store a contact most likely goes to: one that shares their neighbourhood or postcode prefix
 * (store aliases), else one in their city (its city or an alias), else their region, else their
 * country, else the workspace's first store. Stores in another country than the contact's never
 * match by city or region ("Santiago" is in Chile and in Spain). Ties go to the earlier store in
 * `stores`, so callers pass them in a stable order.
 */
export function nearestStore<S extends StoreLike>(
  stores: readonly S[],
  place: ContactPlace,
): { store: S; match: StoreMatch } | null {
  if (stores.length === 0) return null
  const district = place.district ? foldPlace(place.district) : ''
  const postcode = place.postcode ? compactPostcode(place.postcode) : ''
  const city = place.city ? foldPlace(place.city) : ''
  const region = place.region ? foldPlace(place.region) : ''
  const country = place.country?.toUpperCase() ?? ''

  const local = stores.filter((s) => !country || !s.country || s.country.toUpperCase() === country)
  const aliasesOf = (s: S) => s.aliases.map(foldPlace).filter(Boolean)
  const byDistrict = local.find((s) =>
    aliasesOf(s).some(
      (alias) =>
        (district !== '' && alias === district) ||
        (postcode !== '' && /\d/.test(alias) && postcode.startsWith(compactPostcode(alias))),
    ),
  )
  if (byDistrict) return { store: byDistrict, match: 'district' }
  if (city) {
    const byCity = local.find((s) => (s.city && foldPlace(s.city) === city) || aliasesOf(s).includes(city))
    if (byCity) return { store: byCity, match: 'city' }
  }
  if (region) {
    const byRegion = local.find((s) => s.region && foldPlace(s.region) === region)
    if (byRegion) return { store: byRegion, match: 'region' }
  }
  if (country) {
    const byCountry = stores.find((s) => s.country?.toUpperCase() === country)
    if (byCountry) return { store: byCountry, match: 'country' }
  }
  return { store: stores[0] as S, match: 'first' }
}
