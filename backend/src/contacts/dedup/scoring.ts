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
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as string
    for (let j = 0; j < b.length; j++) if (b[j] === v) return v
  }
  return undefined
}

/**
 * `nameRarity` (0..1, the lower of the two names') scales the name's evidence by how rare the
 * name is in the workspace: two "Maria Silva"s among hundreds say little, two "Wanjiru Kamau"s a lot.
 */
export function scorePair(a: DedupProfile, b: DedupProfile, nameRarity = 1, minScore = 0): PairScore | null {
  // Hot path (millions of pairs a scan): the score first, from plain numbers; the reasons, with
  // their words, only for the few pairs that reach `minScore`.
  const phone = shared(a.phones, b.phones)
  const bsuid = shared(a.bsuids, b.bsuids)
  const email = shared(a.emails, b.emails)
  const record = shared(a.crmRecords, b.crmRecords)
  const previous =
    !phone && (a.previousPhones.length > 0 || b.previousPhones.length > 0)
      ? (shared(a.previousPhones, b.phones) ??
        shared(a.phones, b.previousPhones) ??
        shared(a.previousPhones, b.previousPhones))
      : undefined
  const similarity = a.name && b.name ? nameSimilarity(a.name, b.name, NAME_SIMILARITY_MIN) : 0
  const nameFactor = similarity >= NAME_SIMILARITY_MIN ? similarity * nameRarity : 0
  const sku = sharedSku(a, b)
  const address = shared(a.addresses, b.addresses)
  const store = shared(a.stores, b.stores)

  const w = REASON_WEIGHTS
  let miss = 1
  if (phone) miss *= 1 - w.same_phone
  if (bsuid) miss *= 1 - w.same_bsuid
  if (email) miss *= 1 - w.same_email
  if (record) miss *= 1 - w.same_crm_record
  if (previous) miss *= 1 - w.previous_phone
  if (nameFactor > 0) miss *= 1 - w.name_similar * nameFactor
  if (sku) miss *= 1 - w.same_sku_90d
  if (address) miss *= 1 - w.same_address
  if (store) miss *= 1 - w.same_store
  if (1 - miss < minScore || miss === 1) return null

  const reasons: DuplicateReason[] = []
  if (phone) reasons.push(reason('same_phone', phone))
  if (bsuid) reasons.push(reason('same_bsuid', bsuid))
  if (email) reasons.push(reason('same_email', email))
  if (record) reasons.push(reason('same_crm_record', record.split(':').slice(1).join(' ')))
  if (previous) reasons.push(reason('previous_phone', previous))
  if (nameFactor > 0)
    reasons.push(reason('name_similar', `${Math.round(similarity * 100)} % similar`, nameFactor))
  if (sku) reasons.push(reason('same_sku_90d', sku))
  if (address) reasons.push(reason('same_address', address))
  if (store) reasons.push(reason('same_store', store))
  let roundedMiss = 1
  for (const r of reasons) roundedMiss *= 1 - r.weight
  return { score: Math.round((1 - roundedMiss) * 1000) / 1000, reasons }
}

function reason(code: keyof typeof REASON_WEIGHTS, detail: string, factor = 1): DuplicateReason {
  return { code, detail, weight: Math.round(REASON_WEIGHTS[code] * factor * 1000) / 1000 }
}

function sharedSku(a: DedupProfile, b: DedupProfile): string | undefined {
  for (let i = 0; i < a.skus.length; i++) {
    const x = a.skus[i] as { sku: string; at: number }
    for (let j = 0; j < b.skus.length; j++) {
      const y = b.skus[j] as { sku: string; at: number }
      if (x.sku === y.sku && Math.abs(x.at - y.at) <= SKU_WINDOW_MS) return x.sku
    }
  }
  return undefined
}

/** Whether a pair may merge without a person: above the bar and proven by an exact identity. */
export function isAutoMergeable(pair: PairScore, autoMergeScore: number): boolean {
  return pair.score >= autoMergeScore && pair.reasons.some((r) => EXACT_IDENTITY_REASONS.has(r.code))
}
