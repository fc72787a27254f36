import type { DuplicateReason } from '../../db/schema'
import type { DedupProfile } from './profile'
import { nameSimilarity } from './similarity'

/** Reasons that prove one person on their own; only these may merge without a person. */
export const EXACT_IDENTITY_REASONS = new Set(['same_phone', 'same_bsuid', 'same_email'])

export const NAME_SIMILARITY_MIN = 0.8
export const SKU_WINDOW_MS = 90 * 24 * 3_600_000

/**
 * How much each reason says on its own (0..1). Reasons combine as independent evidence
 * (1 − Π(1 − w)), so two weak ones (a similar name and the same SKU) reach the review threshold
 * together while neither does alone, and a shared surname and address (a family) do not.
 */
export const REASON_WEIGHTS = {
  same_phone: 1,
  same_bsuid: 1,
  same_email: 0.95,
  same_crm_record: 0.95,
  previous_phone: 0.45,
  name_similar: 0.55,
  same_sku_90d: 0.3,
  same_address: 0.35,
  same_store: 0.1,
} as const

export interface PairScore {
  score: number
  reasons: DuplicateReason[]
}

function shared(a: string[], b: string[]): string | undefined {
  if (a.length === 0 || b.length === 0) return undefined
  return a.find((v) => b.includes(v))
}

/**
 * `nameWeight` scales the name's evidence by how rare the name is in the workspace: two
 * "Maria Silva"s among hundreds say little, two "Wanjiru Kamau"s a lot.
 */
export function scorePair(
  a: DedupProfile,
  b: DedupProfile,
  nameRarity: (p: DedupProfile) => number,
): PairScore {
  const reasons: DuplicateReason[] = []
  const add = (code: keyof typeof REASON_WEIGHTS, detail: string, factor = 1) =>
    reasons.push({ code, detail, weight: Math.round(REASON_WEIGHTS[code] * factor * 1000) / 1000 })

  const phone = shared(a.phones, b.phones)
  if (phone) add('same_phone', phone)
  const bsuid = shared(a.bsuids, b.bsuids)
  if (bsuid) add('same_bsuid', bsuid)
  const email = shared(a.emails, b.emails)
  if (email) add('same_email', email)
  const record = shared(a.crmRecords, b.crmRecords)
  if (record) add('same_crm_record', record.split(':').slice(1).join(' '))
  if (!phone) {
    const previous = shared([...a.phones, ...a.previousPhones], [...b.phones, ...b.previousPhones])
    if (previous) add('previous_phone', previous)
  }
  if (a.name && b.name) {
    const similarity = nameSimilarity(a.name, b.name)
    if (similarity >= NAME_SIMILARITY_MIN) {
      const rarity = Math.min(nameRarity(a), nameRarity(b))
      add('name_similar', `${Math.round(similarity * 100)} % similar`, similarity * rarity)
    }
  }
  const sku = sharedSku(a, b)
  if (sku) add('same_sku_90d', sku)
  const address = shared(a.addresses, b.addresses)
  if (address) add('same_address', address)
  const store = shared(a.stores, b.stores)
  if (store) add('same_store', store)

  let miss = 1
  for (const r of reasons) miss *= 1 - r.weight
  return { score: Math.round((1 - miss) * 1000) / 1000, reasons }
}

function sharedSku(a: DedupProfile, b: DedupProfile): string | undefined {
  for (const x of a.skus) {
    for (const y of b.skus) if (x.sku === y.sku && Math.abs(x.at - y.at) <= SKU_WINDOW_MS) return x.sku
  }
  return undefined
}

/** Whether a pair may merge without a person: above the bar and proven by an exact identity. */
export function isAutoMergeable(pair: PairScore, autoMergeScore: number): boolean {
  return pair.score >= autoMergeScore && pair.reasons.some((r) => EXACT_IDENTITY_REASONS.has(r.code))
}
