import { intentFeatures } from './features'
import { type PreparedText, prepare, type Token } from './normalize'
import type { SentimentLayer } from './sentiment-layer'
import {
  EMOJI_VALENCE,
  GREETING_ADJECTIVES,
  GREETING_NOUNS,
  HAN_INTENSIFIERS,
  HAN_NEGATORS,
  HAN_VALENCE,
  LATIN_INTENSIFIERS,
  LATIN_NEGATORS,
  LATIN_PHRASES,
  LATIN_VALENCE,
} from './sentiment-lexicon'
import type { SentimentResult } from './types'

/** How many following words a negator reaches ("não gostei", "no me gusta", "not very good"). */
const NEGATION_SCOPE = 3
/** A negated positive is less negative than a plain negative ("not good" < "bad"). */
const NEGATION_FACTOR = -0.8
/** Raw valence → 0..1: score = logistic(SLOPE × valence). */
export const SLOPE = 0.9
/** Scores within this of 0.5 are neutral. */
export const NEUTRAL_BAND = 0.1
const QUESTION_DAMPING = 0.3

/** Phrases indexed by their first word: [remaining words, valence], longest first. */
const PHRASES = new Map<string, [string[], number][]>()
for (const [phrase, value] of Object.entries(LATIN_PHRASES)) {
  const [first, ...rest] = phrase.split(' ')
  const list = PHRASES.get(first) ?? []
  list.push([rest, value])
  list.sort((a, b) => b[0].length - a[0].length)
  PHRASES.set(first, list)
}

/** Length and valence of the phrase starting at `i`, if any. */
function phraseAt(tokens: readonly Token[], i: number): [number, number] | undefined {
  const candidates = PHRASES.get(tokens[i].text)
  if (!candidates) return undefined
  for (const [rest, value] of candidates) {
    if (rest.every((w, k) => tokens[i + 1 + k]?.kind === 'word' && tokens[i + 1 + k].text === w))
      return [rest.length + 1, value]
  }
  return undefined
}

const EXACT = new Map<string, number>()
const PREFIXES: [string, number][] = []
for (const [word, value] of Object.entries(LATIN_VALENCE)) {
  if (word.endsWith('*')) PREFIXES.push([word.slice(0, -1), value])
  else EXACT.set(word, value)
}
PREFIXES.sort((a, b) => b[0].length - a[0].length)

function latinValence(word: string): number {
  const exact = EXACT.get(word)
  if (exact !== undefined) return exact
  for (const [prefix, value] of PREFIXES) if (word.startsWith(prefix)) return value
  return 0
}

const HAN_ENTRIES = new Map<string, { kind: 'word' | 'negator' | 'intensifier'; value: number }>()
for (const [w, v] of Object.entries(HAN_INTENSIFIERS)) HAN_ENTRIES.set(w, { kind: 'intensifier', value: v })
for (const w of HAN_NEGATORS) HAN_ENTRIES.set(w, { kind: 'negator', value: 0 })
for (const [w, v] of Object.entries(HAN_VALENCE)) HAN_ENTRIES.set(w, { kind: 'word', value: v })
const HAN_MAX = Math.max(...[...HAN_ENTRIES.keys()].map((k) => k.length))

/** Running state of the left-to-right pass: pending negation and intensity. */
interface Scope {
  negation: number
  boost: number
  /** Words the pending boost still reaches ("muito bom", not "só queria saber … bom"). */
  boostReach: number
}

function apply(value: number, scope: Scope): number {
  let v = value * scope.boost
  if (scope.negation > 0) v *= NEGATION_FACTOR
  scope.boost = 1
  return v
}

/** Longest-match pass over a Han run; 好 counts as intensifier before a valenced word (好开心). */
function hanValence(run: string, scope: Scope): number {
  let total = 0
  let i = 0
  while (i < run.length) {
    let entry: { kind: string; value: number } | undefined
    let len = Math.min(HAN_MAX, run.length - i)
    for (; len > 0; len--) {
      entry = HAN_ENTRIES.get(run.slice(i, i + len))
      if (entry) break
    }
    if (!entry || len === 0) {
      i += 1
      if (scope.negation > 0) scope.negation -= 1
      continue
    }
    const word = run.slice(i, i + len)
    i += len
    if (entry.kind === 'negator') {
      scope.negation = 2
      continue
    }
    const ahead = [2, 1].some(
      (n) => i + n <= run.length && HAN_ENTRIES.get(run.slice(i, i + n))?.kind === 'word',
    )
    if (word === '好' && ahead) {
      scope.boost = HAN_INTENSIFIERS.好
      continue
    }
    if (entry.kind === 'intensifier' && word !== '好') {
      scope.boost = entry.value
      continue
    }
    const value = word === '好' ? (HAN_VALENCE.好 ?? 0) : entry.value
    if (value !== 0) total += apply(value, scope)
    scope.negation = 0
  }
  return total
}

export function analyzeSentiment(text: string, layer?: SentimentLayer): SentimentResult {
  return sentimentOf(prepare(text), layer)
}

/**
 * Sentiment of a prepared message; a workspace's layer (what its reps taught, sentiment-layer.ts)
 * adds its valence for the message's words before the score is taken.
 */
export function sentimentOf(p: PreparedText, layer?: SentimentLayer): SentimentResult {
  let valence = valenceOf(p)
  if (layer && layer.size > 0) valence += layer.valence(intentFeatures(p))
  const score = 1 / (1 + Math.exp(-SLOPE * valence))
  const label = score > 0.5 + NEUTRAL_BAND ? 'positive' : score < 0.5 - NEUTRAL_BAND ? 'negative' : 'neutral'
  return { score: Math.round(score * 1000) / 1000, label }
}

/** The raw valence the lexicons give a message (the score is logistic(SLOPE × valence)). */
export function valenceOf(p: PreparedText): number {
  let valence = 0
  let positiveEmoji = 0
  const scope: Scope = { negation: 0, boost: 1, boostReach: 0 }
  const tokens = p.tokens
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t.boundary) {
      scope.negation = 0 // "pedi reembolso e nada, palhaçada": negation ends at the comma
      scope.boost = 1
    }
    if (t.kind === 'emoji') {
      const v = (Object.hasOwn(EMOJI_VALENCE, t.text) ? EMOJI_VALENCE[t.text] : 0) ?? 0 // emoji sit outside negation scope
      valence += v
      if (v > 0) positiveEmoji += 1
      continue
    }
    if (t.kind === 'han') {
      valence += hanValence(t.text, scope)
      continue
    }
    const w = t.text
    const phrase = phraseAt(tokens, i)
    if (phrase) {
      const [length, value] = phrase
      if (value !== 0) valence += apply(value, scope)
      scope.negation = 0
      i += length - 1
      continue
    }
    if (LATIN_NEGATORS.has(w)) {
      scope.negation = NEGATION_SCOPE + 1
    } else if (Object.hasOwn(LATIN_INTENSIFIERS, w)) {
      scope.boost = LATIN_INTENSIFIERS[w] as number
      scope.boostReach = 3
    } else {
      const next = tokens[i + 1]
      const greeting = GREETING_ADJECTIVES.has(w) && next?.kind === 'word' && GREETING_NOUNS.has(next.text)
      const value = greeting ? 0 : latinValence(w)
      if (value !== 0) {
        valence += apply(value, scope)
        scope.negation = 0
      }
    }
    if (scope.negation > 0) scope.negation -= 1
    if (scope.boostReach > 0 && --scope.boostReach === 0) scope.boost = 1
  }
  // "é bom pra corrida?" asks about quality, it does not praise: damp positive words in a
  // question unless an emoji says otherwise.
  if (valence > 0 && positiveEmoji === 0 && /[?？吗]\s*$/u.test(p.raw)) valence *= QUESTION_DAMPING
  // "!!" amplifies whatever the message already says.
  if (valence !== 0 && /!{2,}|！{2,}/u.test(p.raw)) valence *= 1.2
  return valence
}
