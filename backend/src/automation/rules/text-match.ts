import { RE2JS } from 're2js'
import { prepare } from '../../intelligence/normalize'

/**
 * Rule text matching. Terms are normalised like the customer's text (case, accents, full/half
 * width, WhatsApp shorthand, traditional → simplified Chinese; `intelligence/normalize.ts`) and
 * matched on whole words: "desconto" matches "Desconto!" and "DESCONTO" but not "descontos";
 * "desconto*" matches both. Chinese terms match anywhere ("折扣" in "有折扣吗").
 *
 * Admin regexes run on RE2JS, a port of RE2: its automaton matches in time linear in the input
 * whatever the pattern, so a pattern like `(a+)+$` cannot backtrack catastrophically on a
 * customer's message. Patterns and inputs are capped in length on top of that, since even
 * linear work should stay small per message.
 */

export const MAX_TERM_CHARS = 100
export const MAX_REGEX_CHARS = 200
/** Longer messages are matched on their first this-many characters. */
export const MAX_TEXT_CHARS = 4096
/** Mentions counted per message and condition at most (a pasted wall of "desconto"). */
const MAX_MENTIONS_PER_MESSAGE = 50

const HAN = /\p{Script=Han}/u
const WILDCARD = '\u0000'
const ACCENTED = /[\u00C0-\u024F]/u

/** The canonical form of a term, with `\0` where a word may continue; '' when nothing is left. */
export function normaliseTerm(term: string): string {
  return term
    .trim()
    .split(/\s+/u)
    .map((word) => {
      const star = word.endsWith('*')
      const bare = word.replace(/\*+$/u, '')
      const norm = prepare(bare).ruleText.trim()
      return norm && star ? `${norm}${WILDCARD}` : norm
    })
    .filter(Boolean)
    .join(' ')
}

/** Why a term cannot be used, or null. */
export function checkTerm(term: string): string | null {
  if (term.replace(/\*+(?=\s|$)/gu, '').includes('*')) return `"${term}": * may only end a word ("desconto*")`
  if (!normaliseTerm(term)) return `"${term}" has no letters, digits or Chinese characters`
  return null
}

/** Why a pattern cannot be used, or null. */
export function checkRegex(pattern: string): string | null {
  if (ACCENTED.test(pattern))
    return 'write the pattern without accents: it runs on normalised text ("preco", not "preço")'
  try {
    RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE)
    return null
  } catch (error) {
    return `not a valid RE2 pattern: ${(error as Error).message}`
  }
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')

function termSource(norm: string): string {
  const body = escapeRegex(norm).replaceAll(WILDCARD, '[\\p{L}\\p{N}]*')
  const first = norm[0] ?? ''
  const last = norm.endsWith(WILDCARD) ? 'x' : (norm.at(-1) ?? '')
  // Latin edges must be word edges in the space-padded rule text; Han has no spaces to rely on.
  return `${HAN.test(first) ? '' : '(?<= )'}${body}${HAN.test(last) ? '' : '(?= )'}`
}

export interface TextOfMessage {
  /** The space-padded token text of `prepare()`. */
  ruleText: string
  /** `normalizeText()` of the message. */
  normalized: string
  /** Counts already made on this text, per matcher: a count rule re-reads the same history often. */
  memo?: WeakMap<TextMatcher, MentionCount>
}

export interface MentionCount {
  n: number
  /** The matched words, as normalised ("desconto", "太贵"). */
  found: string[]
}

/** A compiled text condition: literal terms in one V8 regex, plus an optional RE2 pattern. */
export class TextMatcher {
  private readonly terms: RegExp | null
  private readonly re2: RE2JS | null

  constructor(terms: string[], regex?: string) {
    // Longest first, so "muito caro" wins over "caro" at the same position. The alternatives are
    // escaped literals with at most a trailing [\p{L}\p{N}]* before a lookahead: no nested
    // quantifier, so V8's backtracking stays linear here too.
    const sources = [...new Set(terms.map(normaliseTerm).filter(Boolean))]
      .sort((a, b) => b.length - a.length)
      .map(termSource)
    this.terms = sources.length ? new RegExp(sources.join('|'), 'gu') : null
    this.re2 = regex ? RE2JS.compile(regex, RE2JS.CASE_INSENSITIVE) : null
  }

  count(text: TextOfMessage): MentionCount {
    const known = text.memo?.get(this)
    if (known) return known
    const found: string[] = []
    if (this.terms) {
      for (const m of text.ruleText.slice(0, MAX_TEXT_CHARS).matchAll(this.terms)) {
        found.push(m[0])
        if (found.length >= MAX_MENTIONS_PER_MESSAGE) break
      }
    }
    if (this.re2 && found.length < MAX_MENTIONS_PER_MESSAGE) {
      const matcher = this.re2.matcher(text.normalized.slice(0, MAX_TEXT_CHARS))
      while (found.length < MAX_MENTIONS_PER_MESSAGE && matcher.find()) {
        const hit = matcher.group() ?? ''
        found.push(hit)
        // An empty match would find itself again forever.
        if (hit.length === 0) break
      }
    }
    const result = { n: found.length, found }
    text.memo?.set(this, result)
    return result
  }
}

/**
 * Normalised forms of recent messages, kept per process: each message's history is read again on
 * every later message of the person, and normalising is most of the cost of matching.
 */
const CACHE_MAX = 50_000
const cache = new Map<number, TextOfMessage & { raw: string }>()

export function textOf(id: number, raw: string): TextOfMessage {
  const hit = cache.get(id)
  // An edit changes the text under the same id.
  if (hit && hit.raw === raw) {
    cache.delete(id)
    cache.set(id, hit)
    return hit
  }
  const p = prepare(raw.slice(0, MAX_TEXT_CHARS))
  const entry = { raw, ruleText: p.ruleText, normalized: p.normalized, memo: new WeakMap() }
  cache.set(id, entry)
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as number)
  return entry
}

/** A text that is not a stored message (the dry-run endpoint). */
export function textOfUnstored(raw: string): TextOfMessage {
  const p = prepare(raw.slice(0, MAX_TEXT_CHARS))
  return { ruleText: p.ruleText, normalized: p.normalized }
}
