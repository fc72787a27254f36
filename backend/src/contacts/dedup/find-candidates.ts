import { compareText } from '../../lib/compare-text'
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

const DEFAULT_MAX_BLOCK = 40
const DEFAULT_WINDOW = 6

/**
 * Blocking keys: values two records of one person are likely to share exactly. Identity values
 * (phone, BSUID, email, CRM record, address) are keys as they are. A name gives one key per
 * ordered pair of its tokens, the first whole and the second by its first letter, so a typo
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
    const tokens = p.name.tokens.slice(0, 3)
    if (tokens.length === 1) keys.push(`n:${tokens[0]}`)
    for (const x of tokens) {
      for (const y of tokens) if (x !== y) keys.push(`n:${x}|${y.slice(0, 1)}`)
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
    // 1 for a name at most two people have; 0.8 for one a hundred share, 0.7 at most.
    return n <= 2 ? 1 : Math.max(0.7, 1 - Math.log10(n / 2) / 8.5)
  }

  const n = profiles.length
  const candidates: FoundCandidate[] = []
  let pairsCompared = 0

  // The blocks worth comparing, members ordered (oversized ones by name), and for each contact
  // where it stands in each of its blocks, in flat arrays: a scan of 100,000 contacts has about
  // a million such places, too many to hold as objects without the collector taking over.
  const lists: number[][] = []
  const windowed: boolean[] = []
  const placeCount = new Int32Array(n + 1)
  for (const members of blocks.values()) {
    if (members.length < 2) continue
    const big = members.length > maxBlock
    lists.push(
      big ? [...members].sort((x, y) => compareText(sortName(profiles[x]), sortName(profiles[y]))) : members,
    )
    windowed.push(big)
    for (const m of members) placeCount[m + 1] = (placeCount[m + 1] as number) + 1
  }
  const offset = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) offset[i + 1] = (offset[i] as number) + (placeCount[i + 1] as number)
  const placeBlock = new Int32Array(offset[n] as number)
  const placePos = new Int32Array(offset[n] as number)
  const fill = offset.slice(0, n)
  for (let b = 0; b < lists.length; b++) {
    const list = lists[b] as number[]
    for (let pos = 0; pos < list.length; pos++) {
      const m = list[pos] as number
      const at = fill[m] as number
      placeBlock[at] = b
      placePos[at] = pos
      fill[m] = at + 1
    }
  }
  const rarities = new Float64Array(n)
  for (let i = 0; i < n; i++) rarities[i] = rarity(profiles[i] as DedupProfile)

  // `lastVisitor[j] === i`: the pair (i, j) was compared already through another shared key.
  const lastVisitor = new Int32Array(n).fill(-1)
  for (let i = 0; i < n; i++) {
    const a = profiles[i] as DedupProfile
    for (let p = offset[i] as number; p < (offset[i + 1] as number); p++) {
      const b = placeBlock[p] as number
      const members = lists[b] as number[]
      const pos = placePos[p] as number
      const from = windowed[b] ? Math.max(0, pos - window) : 0
      const to = windowed[b] ? Math.min(members.length - 1, pos + window) : members.length - 1
      for (let k = from; k <= to; k++) {
        const j = members[k] as number
        if (j <= i || lastVisitor[j] === i) continue
        lastVisitor[j] = i
        pairsCompared++
        const other = profiles[j] as DedupProfile
        const scored = scorePair(
          a,
          other,
          Math.min(rarities[i] as number, rarities[j] as number),
          options.reviewScore,
        )
        if (scored && scored.score >= options.reviewScore) {
          const [first, second] = a.id < other.id ? [a.id, other.id] : [other.id, a.id]
          candidates.push({ a: first, b: second, ...scored })
        }
      }
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
