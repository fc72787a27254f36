import { distance } from 'fastest-levenshtein'
import type { NameForms } from './normalise'

/*
 * fastest-levenshtein: Myers' bit-parallel edit distance, dependency-free and the most used
 * Levenshtein package on npm; names are short, so one comparison costs well under a microsecond,
 * which keeps a 100,000-contact scan inside its time budget.
 */

/** 1 − edit distance / longer length: 1 for equal strings, 0 for nothing in common. */
export function normalisedSimilarity(a: string, b: string): number {
  if (a === b) return a.length > 0 ? 1 : 0
  const longer = Math.max(a.length, b.length)
  if (longer === 0) return 0
  return 1 - distance(a, b) / longer
}

/**
 * Below `floor` the exact figure does not matter: strings whose lengths differ by more than
 * (1 − floor) of the longer cannot reach it, and are not measured.
 */
function boundedSimilarity(a: string, b: string, floor: number): number {
  const longer = Math.max(a.length, b.length)
  if (longer === 0 || Math.abs(a.length - b.length) > (1 - floor) * longer) return 0
  return normalisedSimilarity(a, b)
}

/**
 * The better of the romanised comparison and, when both names have Han characters, the Han one.
 * Values under `floor` (default 0: always exact) may come back as 0.
 */
export function nameSimilarity(a: NameForms, b: NameForms, floor = 0): number {
  const latin = a.latin && b.latin ? boundedSimilarity(a.latin, b.latin, floor) : 0
  if (!a.han || !b.han) return latin
  return Math.max(latin, boundedSimilarity(a.han, b.han, floor))
}
