import { PHATIC_HAN, PHATIC_WORDS } from './intent-lexicon'
import type { PreparedText, Token } from './normalize'
import { ruleScores } from './rules'
import { INTENTS } from './types'

/**
 * A message read the way a person reads it: as clauses. "thanks for the fast shipping but the
 * charger is missing" is a courtesy and a complaint; the courtesy must not outvote the complaint.
 *
 * Clauses end at punctuation, line breaks and emoji, and start at a contrast word ("but", "mas",
 * "pero", "但是", "不过"): what follows a contrast is what the customer came to say.
 */
export interface Clause {
  tokens: Token[]
  /** Tokens joined like `PreparedText.ruleText` (space-padded), for the lexicon rules. */
  ruleText: string
  /** The clause starts with a contrast word: the part of the message that carries the point. */
  afterContrast: boolean
  /** Greeting, thanks or pleasantry only: never the reason the customer wrote. */
  courtesy: boolean
}

const CONTRAST_WORDS = new Set([
  'but',
  'however',
  'though',
  'although',
  'unfortunately',
  'sadly',
  'mas',
  'porem',
  'entretanto',
  'infelizmente',
  'pero',
  'aunque',
  'lamentablemente',
  'desafortunadamente',
])
/** Contrast markers inside a Han run (already folded to simplified Mandarin). */
const HAN_CONTRAST = /但是|不过|可是|只是|然而|结果|但/gu

/** Words a pleasantry opens with, beyond the phatic word list ("hope you're well", "love the store"). */
const COURTESY_OPENERS = new Set([
  ...PHATIC_WORDS,
  'thank',
  'thanks',
  'thx',
  'appreciate',
  'hope',
  'love',
  'happy',
  'lovely',
  'agradeco',
  'espero',
  'adorei',
  'amo',
  'adoro',
  'feliz',
  'agradezco',
  'encanta',
  'gusto',
  'ojala',
  'loved',
  'amei',
  'amazing',
  'linda',
  'lindo',
  'hermoso',
  'hermosa',
  'bonito',
  'bonita',
])
const THANKS_OR_GREETING =
  /(?<= )(?:thanks|thank|thx|appreciate|obrigad[oa]|valeu|agradeco|gracias|agradezco|hi|hello|hey|hola|oi|ola|oie|oii|holi|buenas|hope|espero|love|loved|adorei|amei|amo|encanta|encanto|happy|feliz|lovely|gusto|great|nice|amazing|awesome|excellent|perfect|otim[oa]|excelente|perfeit[oa]|lind[oa]|genial|perfecto|bonit[oa]|hermos[oa])(?= )/u
const HAN_COURTESY_OPENER =
  /^(?:谢谢|多谢|感谢|你好|您好|早上好|下午好|晚上好|早安|哈啰|哈喽|嗨|希望|好喜欢|很喜欢|喜欢|大家好|亲)/u

const joinRule = (tokens: readonly Token[]) =>
  ` ${tokens
    .filter((t) => t.kind !== 'emoji')
    .map((t) => t.text)
    .join(' ')} `

function isPhaticToken(t: Token): boolean {
  if (t.kind === 'emoji') return true
  if (t.kind === 'han') return PHATIC_HAN.test(t.text)
  return PHATIC_WORDS.has(t.text)
}

/** Splits Han runs at contrast markers so that "但是" starts a clause inside a run. */
function splitHan(t: Token): Token[] {
  const parts: Token[] = []
  let last = 0
  for (const m of t.text.matchAll(HAN_CONTRAST)) {
    if (m.index === 0) continue
    parts.push({ kind: 'han', text: t.text.slice(last, m.index), boundary: last === 0 ? t.boundary : true })
    last = m.index
  }
  if (parts.length === 0) return [t]
  parts.push({ kind: 'han', text: t.text.slice(last), boundary: true })
  return parts
}

const startsWithContrast = (t: Token) =>
  t.kind === 'word'
    ? CONTRAST_WORDS.has(t.text)
    : t.kind === 'han' && /^(?:但|不过|可是|只是|然而|结果)/u.test(t.text)

export function splitClauses(p: PreparedText): Clause[] {
  const groups: Token[][] = []
  let current: Token[] = []
  for (const original of p.tokens) {
    for (const t of original.kind === 'han' ? splitHan(original) : [original]) {
      const breaks = current.length > 0 && t.kind !== 'emoji' && (t.boundary || startsWithContrast(t))
      if (breaks) {
        groups.push(current)
        current = []
      }
      current.push(t)
      // An emoji closes its clause too ("loved it 😍 the box was crushed though").
      if (t.kind === 'emoji') {
        groups.push(current)
        current = []
      }
    }
  }
  if (current.length > 0) groups.push(current)
  return groups.map((tokens) => {
    const ruleText = joinRule(tokens)
    const afterContrast = startsWithContrast(tokens[0])
    return { tokens, ruleText, afterContrast, courtesy: !afterContrast && isCourtesy(tokens, ruleText) }
  })
}

/**
 * A clause is a courtesy when it is all greetings/thanks/emoji, or when it opens with one and
 * says nothing that names a need (checked by the caller through `needScore`): "thank you for the
 * quick delivery", "hope you are all well", "多谢你们这么快寄出".
 */
function isCourtesy(tokens: readonly Token[], ruleText: string): boolean {
  if (tokens.every(isPhaticToken)) return true
  const first = tokens[0]
  if (first.kind === 'han') return HAN_COURTESY_OPENER.test(first.text)
  if (first.kind === 'word' && COURTESY_OPENERS.has(first.text)) return THANKS_OR_GREETING.test(ruleText)
  return false
}

/** The tokens of the clauses that carry the message, as a PreparedText for the model. */
export function contentOf(p: PreparedText, clauses: readonly Clause[]): PreparedText {
  const tokens = clauses.flatMap((c) => c.tokens)
  return { raw: p.raw, normalized: p.normalized, tokens, ruleText: joinRule(tokens) }
}

/** A clause's rule score at or above this names a need ("where is my order", "me cobraram"). */
export const NEED_MIN = 2
/** Tokens from which a clause beside a pleasantry is a statement of its own, not an acknowledgement. */
export const STATEMENT_MIN = 4

const OTHER = INTENTS.indexOf('other')

export const maxNeed = (scores: Float64Array): number => {
  let best = 0
  for (let i = 0; i < scores.length; i++) if (i !== OTHER && scores[i] > best) best = scores[i]
  return best
}

/** The clauses that carry the message, each one's rule scores, and the text they make. */
export interface Reading {
  reading: PreparedText
  content: Clause[]
  scores: Float64Array[]
}

/**
 * The clauses that carry the message and each one's rule scores. `score` is `ruleScores` or a
 * memo of it (intent.ts scores each clause once per message); its results are only read here.
 */
export function readClauses(
  p: PreparedText,
  score: (ruleText: string) => Float64Array = ruleScores,
): Reading {
  const clauses = splitClauses(p)
  const scores = clauses.map((c) => score(c.ruleText))
  const keep = clauses.map((c, i) => !c.courtesy || maxNeed(scores[i]) >= NEED_MIN)
  const content = clauses.filter((_, i) => keep[i])
  // Pleasantries are set aside for a clause that names a need, follows a "but" or says
  // something at length; a short acknowledgement next to thanks is thanks ("sí me llegó, gracias").
  const needed = clauses.some(
    (c, i) =>
      keep[i] && (c.afterContrast || maxNeed(scores[i]) >= NEED_MIN || c.tokens.length >= STATEMENT_MIN),
  )
  if (!needed || content.length === 0 || content.length === clauses.length)
    return { reading: p, content: clauses, scores }
  return { reading: contentOf(p, content), content, scores: scores.filter((_, i) => keep[i]) }
}
