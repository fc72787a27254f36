import { INTENT_LEXICON, type LexiconEntry, PHATIC_HAN, PHATIC_WORDS } from './intent-lexicon'
import type { Token } from './normalize'
import { INTENTS, type Intent } from './types'

/**
 * Compiles the intent lexicon into a few regular expressions (one per intent, script and
 * weight) and scores a message's `ruleText` with them.
 */

const HAN_CHAR = /\p{Script=Han}/u
const WORD_CHARS = '[\\p{L}\\p{N}]'

/** Lexicon pattern → regular-expression source (see the syntax in intent-lexicon.ts). */
export function patternSource(pattern: string): string {
  return pattern
    .replaceAll('*', `${WORD_CHARS}*`)
    .replaceAll(' _ ', ` (?:${WORD_CHARS}+ ){0,3}`)
    .replaceAll('#', '\\d+')
}

interface RuleGroup {
  intent: number
  weight: number
  han: boolean
  regex: RegExp
}

/**
 * Intents for which "I don't want X" turns a cue into counter-evidence ("não quero desconto",
 * "no quiero comprar", "不想买"). Complaints, human requests and status questions keep their
 * cues under negation ("não funciona", "no quiero hablar con un robot", "还没到").
 */
const NEGATABLE = new Set<Intent>([
  'price_discount',
  'purchase_intent',
  'quote',
  'product_inquiry',
  'store_location',
])
const NEGATED_DESIRE =
  /(?:^| )(?:nao|no|not|dont|nem|nunca|never)(?: [^ ]+)? (?:quero|queria|preciso|quiero|necesito|want|need|gostaria|quisiera|interessa|interesa)(?: [^ ]+){0,3} $|(?:^| )(?:nao|not|dont|nem|nunca|never) $/
const NO_BEFORE_VERB = /(?:^| )no $/
const DESIRE_VERB = /^(?:quiero|quero|compr|necesito|me |lo |la |voy|want|need|buy)/
const HAN_NEGATED = /(?:不要|不想|不用|不需要|没兴趣)[^ ]{0,3}$|[不没别]$/

function compile(): RuleGroup[] {
  const groups = new Map<string, { intent: number; weight: number; han: boolean; sources: string[] }>()
  INTENTS.forEach((intent, ii) => {
    for (const entries of Object.values(INTENT_LEXICON[intent]) as LexiconEntry[][]) {
      for (const [pattern, weight] of entries) {
        const han = HAN_CHAR.test(pattern)
        const key = `${ii}|${weight}|${han}`
        let g = groups.get(key)
        if (!g) {
          g = { intent: ii, weight, han, sources: [] }
          groups.set(key, g)
        }
        g.sources.push(patternSource(pattern))
      }
    }
  })
  return [...groups.values()].map((g) => {
    const body = g.sources.map((s) => `(?:${s})`).join('|')
    // Latin patterns are whole words of the space-padded rule text; Han patterns are substrings.
    const source = g.han ? `(?:${body})` : `(?<= )(?:${body})(?= )`
    return { intent: g.intent, weight: g.weight, han: g.han, regex: new RegExp(source, 'gu') }
  })
}

const GROUPS = compile()

function negated(ruleText: string, index: number, matched: string, han: boolean): boolean {
  const before = ruleText.slice(Math.max(0, index - 40), index)
  if (han || HAN_CHAR.test(matched[0] ?? '')) return HAN_NEGATED.test(before)
  if (NEGATED_DESIRE.test(before)) return true
  return NO_BEFORE_VERB.test(before) && DESIRE_VERB.test(matched)
}

/** Sum of matched pattern weights per intent (in `INTENTS` order); negated cues count −½. */
export function ruleScores(ruleText: string): Float64Array {
  const scores = new Float64Array(INTENTS.length)
  const hasHan = HAN_CHAR.test(ruleText)
  for (const g of GROUPS) {
    if (g.han && !hasHan) continue
    const negatable = NEGATABLE.has(INTENTS[g.intent])
    g.regex.lastIndex = 0
    for (let m = g.regex.exec(ruleText); m !== null; m = g.regex.exec(ruleText)) {
      if (m[0].length === 0) {
        g.regex.lastIndex += 1
        continue
      }
      const neg = negatable && negated(ruleText, m.index, m[0], g.han)
      scores[g.intent] += neg ? -0.5 * g.weight : g.weight
    }
  }
  return scores
}

/** Bonus for `other` when a message is nothing but greetings, thanks, laughter and emoji. */
export const PHATIC_BONUS = 4

export function isPhatic(tokens: readonly Token[]): boolean {
  if (tokens.length === 0) return false
  return tokens.every((t) =>
    t.kind === 'emoji' ? true : t.kind === 'han' ? PHATIC_HAN.test(t.text) : PHATIC_WORDS.has(t.text),
  )
}
