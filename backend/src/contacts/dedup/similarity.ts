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

/** The better of the romanised comparison and, when both names have Han characters, the Han one. */
export function nameSimilarity(a: NameForms, b: NameForms): number {
  const latin = a.latin && b.latin ? normalisedSimilarity(a.latin, b.latin) : 0
  if (!a.han || !b.han) return latin
  return Math.max(latin, normalisedSimilarity(a.han, b.han))
}
