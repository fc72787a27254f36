import { type NameForms, nameForms, normaliseAddress, normaliseEmail, normalisePhone } from './normalise'
import type { DedupProfile } from './profile'

/** A contact's values as stored (or typed into a CRM), before any normalisation. */
export interface RawContact {
  id: string
  name: string | null
  profileName?: string | null
  /** The WhatsApp number, already E.164. */
  phone: string | null
  /** Other numbers as people typed them (CRM phone and mobile fields). */
  typedPhones?: string[]
  previousPhones?: string[]
  bsuids?: string[]
  email?: string | null
  crmRecords?: string[]
  skus?: { sku: string; at: number }[]
  address?: string | null
  store?: string | null
}

const uniq = (values: (string | null | undefined)[]): string[] => [
  ...new Set(values.filter((v): v is string => Boolean(v))),
]

/**
 * `region` reads national notations: the region of the workspace's WhatsApp number. `names`
 * caches the forms of names seen already in this scan: names repeat a lot, and romanising one
 * is the costliest step.
 */
export function buildProfile(
  raw: RawContact,
  region?: string,
  names?: Map<string, NameForms | null>,
): DedupProfile {
  const address = raw.address ? normaliseAddress(raw.address) : null
  const store = raw.store ? normaliseAddress(raw.store) : null
  return {
    id: raw.id,
    name: cachedNameForms(raw.name ?? raw.profileName ?? null, names),
    phones: uniq([raw.phone, ...(raw.typedPhones ?? []).map((p) => normalisePhone(p, region))]),
    previousPhones: uniq(raw.previousPhones ?? []),
    bsuids: uniq(raw.bsuids ?? []),
    emails: uniq([raw.email ? normaliseEmail(raw.email) : null]),
    crmRecords: uniq(raw.crmRecords ?? []),
    skus: raw.skus ?? [],
    addresses: uniq([address]),
    stores: uniq([store]),
  }
}

function cachedNameForms(name: string | null, cache?: Map<string, NameForms | null>): NameForms | null {
  if (!name || !cache) return nameForms(name)
  let forms = cache.get(name)
  if (forms === undefined) {
    forms = nameForms(name)
    cache.set(name, forms)
  }
  return forms
}

/** Profiles for a whole scan, sharing one name cache. */
export function buildProfiles(raws: RawContact[], region?: string): DedupProfile[] {
  const names = new Map<string, NameForms | null>()
  return raws.map((raw) => buildProfile(raw, region, names))
}
