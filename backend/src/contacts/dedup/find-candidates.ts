import type { DedupProfile } from './profile'
import { type PairScore, scorePair } from './scoring'

export interface FoundCandidate extends PairScore {
  a: string
  b: string
}

export interface FindOptions {
  /** Pairs scoring below this are not candidates. */
  reviewScore: number
  /** A block larger than this is not compared all-pairs but by sorted neighbourhood. */
  maxBlock?: number
  /** How many neighbours each contact of an oversized block is compared with. */
  window?: number
  /** The blocking keys of a profile; all-pairs comparison gives everyone the same one. */
  keys?: (p: DedupProfile) => string[]
}

export interface FindResult {
  candidates: FoundCandidate[]
  pairsCompared: number
}

const DEFAULT_MAX_BLOCK = 24
const DEFAULT_WINDOW = 6

/**
 * Blocking keys: values two records of one person are likely to share exactly. Identity values
 * (phone, BSUID, email, CRM record, address) are keys as they are. A name gives one key per
 * ordered pair of its tokens, the first whole and the second by its first two letters, so a typo
 * in one token still shares a key through the other; a Han name is also a key as written.
 */
export function blockingKeys(p: DedupProfile): string[] {
  const keys: string[] = []
  for (const v of p.phones) keys.push(`p:${v}`)
  for (const v of p.previousPhones) keys.push(`p:${v}`)
  for (const v of p.bsuids) keys.push(`b:${v}`)
  for (const v of p.emails) keys.push(`e:${v}`)
  for (const v of p.crmRecords) keys.push(`c:${v}`)
  for (const v of p.addresses) keys.push(`a:${v}`)
  if (p.name) {
    if (p.name.han) keys.push(`h:${p.name.han}`)
    const tokens = p.name.tokens.slice(0, 4)
    if (tokens.length === 1) keys.push(`n:${tokens[0]}`)
    for (const x of tokens) {
      for (const y of tokens) if (x !== y) keys.push(`n:${x}|${y.slice(0, 2)}`)
    }
  }
  return keys
}

/**
 * Every pair of contacts that is probably one person, scored with its reasons. Work grows with
 * the number of contacts, not of pairs: only contacts sharing a blocking key are compared, and a
 * key shared by too many (a common name, a shop's address) compares each contact with its
 * nearest neighbours by name within the block instead of with all of it.
 */
export function findCandidates(profiles: DedupProfile[], options: FindOptions): FindResult {
  const maxBlock = options.maxBlock ?? DEFAULT_MAX_BLOCK
  const window = options.window ?? DEFAULT_WINDOW
  const blocks = new Map<string, number[]>()
  for (let i = 0; i < profiles.length; i++) {
    const profile = profiles[i] as DedupProfile
    for (const key of (options.keys ?? blockingKeys)(profile)) {
      const block = blocks.get(key)
      if (block) block.push(i)
      else blocks.set(key, [i])
    }
  }

  const nameCount = new Map<string, number>()
  for (const p of profiles)
    if (p.name?.latin) nameCount.set(p.name.latin, (nameCount.get(p.name.latin) ?? 0) + 1)
  const rarity = (p: DedupProfile): number => {
    const n = p.name?.latin ? (nameCount.get(p.name.latin) ?? 1) : 1
    // 1 for a name at most two people have; down to 0.5 for one a hundred share.
    return n <= 2 ? 1 : Math.max(0.5, 1 - Math.log10(n / 2) / 3.4)
  }

  const seen = new Set<number>()
  const n = profiles.length
  const candidates: FoundCandidate[] = []
  let pairsCompared = 0
  const compare = (i: number, j: number) => {
    if (i === j) return
    const [lo, hi] = i < j ? [i, j] : [j, i]
    const key = lo * n + hi
    if (seen.has(key)) return
    seen.add(key)
    pairsCompared++
    const a = profiles[lo] as DedupProfile
    const b = profiles[hi] as DedupProfile
    const scored = scorePair(a, b, rarity)
    if (scored.score >= options.reviewScore) {
      const [first, second] = a.id < b.id ? [a.id, b.id] : [b.id, a.id]
      candidates.push({ a: first, b: second, ...scored })
    }
  }

  for (const members of blocks.values()) {
    if (members.length < 2) continue
    if (members.length <= maxBlock) {
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) compare(members[x] as number, members[y] as number)
      }
      continue
    }
    const sorted = [...members].sort((x, y) => sortName(profiles[x]).localeCompare(sortName(profiles[y])))
    for (let x = 0; x < sorted.length; x++) {
      for (let y = x + 1; y <= x + window && y < sorted.length; y++)
        compare(sorted[x] as number, sorted[y] as number)
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.a.localeCompare(y.a) || x.b.localeCompare(y.b))
  return { candidates, pairsCompared }
}

function sortName(p: DedupProfile | undefined): string {
  return p?.name?.latin ?? ''
}

/** Every pair compared, for measuring what blocking misses on a sample. */
export function allPairs(profiles: DedupProfile[], reviewScore: number): FindResult {
  return findCandidates(profiles, { reviewScore, maxBlock: Number.POSITIVE_INFINITY, keys: () => ['all'] })
}
