import { CALIBRATION_TEMPERATURE, probabilities } from './calibration'
import { contentOf, maxNeed, type Reading, readClauses } from './clauses'
import { intentFeatures } from './features'
import { detectLanguageOf } from './language'
import { intentModel, languageModel } from './model'
import type { NaiveBayes } from './naive-bayes'
import { type PreparedText, prepare } from './normalize'
import { isPhatic, isWrongItem, PHATIC_BONUS, productQuestionPrior, ruleScores } from './rules'
import { INTENTS, type Intent, type IntentResult, type ScoredIntent } from './types'
import type { WorkspaceLayer } from './workspace-layer'

/**
 * Intent = softmax over intents of (naive Bayes log-joint / TEMPERATURE + RULE_WEIGHT × rule
 * score + precedence), divided by the calibration temperature. The lexicon rules are precise on
 * the phrasings they know and handle negation ("não quero desconto, quero falar com uma
 * pessoa"); the model generalizes to phrasings they do not know. Both constants were chosen on
 * the dev set (`npx tsx scripts/train-intents.ts --cv`), never on the evaluation set.
 *
 * The message is read as clauses (clauses.ts): pleasantries are set aside when something else is
 * said, and the annotation rules decide between clauses that name different needs.
 */
export interface CombineParams {
  temperature: number
  ruleWeight: number
  /** Divides the final logits; fitted on the dev set (calibration.ts). 1 = uncalibrated. */
  calibration?: number
}
export const DEFAULT_PARAMS: CombineParams = {
  temperature: 4,
  ruleWeight: 1,
  calibration: CALIBRATION_TEMPERATURE,
}

const OTHER = INTENTS.indexOf('other')
const PRODUCT = INTENTS.indexOf('product_inquiry')
const COMPLAINT = INTENTS.indexOf('complaint')
const HUMAN = INTENTS.indexOf('human_request')

/** A clause that reports a problem this clearly makes the message a complaint (guideline 1). */
export const PROBLEM_MIN = 3
export const PROBLEM_BONUS = 2
/** A clause that asks for a person this clearly wins over order/product words (guideline 2). */
export const PERSON_MIN = 3
export const PERSON_BONUS = 1.5
/** Weight of a clause after "but"/"mas"/"但是" on top of its share of the whole message. */
export const CONTRAST_WEIGHT = 0.5
/** Secondary intents are kept when the message gives them at least this probability... */
export const SECONDARY_MIN = 0.1
/** ...or when one clause, read alone, asks for it this clearly. */
export const CLAUSE_SECONDARY_MIN = 0.6

/**
 * Abstaining (out-of-domain replies). A message of at most ABSTAIN_MAX_WORDS words (numbers not
 * counted, two Han characters count as one word) with no lexicon cue of CUE_MIN or more for any
 * intent and no question is a reply to what the shop said — "the first one", "number", "my
 * number is 5511…", "第一个" — not a request: the naive Bayes model alone, reading a few function
 * words, would otherwise name an intent with full confidence ("the first one" → complaint 1.00).
 * Such a message reads as `other`: its logit is raised ABSTAIN_MARGIN above the best one before
 * the workspace layer is added, so a workspace whose reps taught it what such a reply means there
 * still gets their reading.
 */
export const ABSTAIN_MAX_WORDS = 3
export const CUE_MIN = 1
export const ABSTAIN_MARGIN = 3

const ALL_DIGITS = /^\d+$/

/** Words a message says, numbers aside (a phone or order number is not a word). */
function wordCount(p: PreparedText): number {
  let words = 0
  let han = 0
  for (const t of p.tokens)
    if (t.kind === 'word') {
      if (!ALL_DIGITS.test(t.text)) words += 1
    } else if (t.kind === 'han') han += t.text.length
  return words + Math.ceil(han / 2)
}

function argmax(z: Float64Array): number {
  let best = 0
  for (let i = 1; i < z.length; i++) if (z[i] > z[best]) best = i
  return best
}

/**
 * Loads both models (~150 ms, once). Classification does it on first use; call this at startup
 * so the first request does not pay for it.
 */
export function warmUp(): void {
  intentModel()
  languageModel()
}

export function classifyIntent(text: string, layer?: WorkspaceLayer): IntentResult {
  const p = prepare(text)
  return { ...classifyPrepared(p, intentModel(), DEFAULT_PARAMS, layer), language: detectLanguageOf(p) }
}

export interface IntentScores {
  intent: Intent
  confidence: number
  /** Every intent the message gives SECONDARY_MIN or more, most probable first (primary first). */
  intents: ScoredIntent[]
}

/** Intents a reported problem outranks: everything but a request for a person and small talk. */
const OUTRANKED = INTENTS.map((_, i) => i).filter((i) => i !== COMPLAINT && i !== HUMAN && i !== OTHER)
const strongestRival = (rules: Float64Array) => Math.max(0, ...OUTRANKED.map((i) => rules[i]))

/**
 * The logits before the softmax: model and rules over the clauses that carry the message, plus
 * the precedence of the annotation guidelines. Exposed for calibration fitting and the
 * per-workspace layer's training.
 */
export function intentLogits(
  p: PreparedText,
  model: NaiveBayes,
  params: CombineParams,
  layer?: WorkspaceLayer,
  score: RuleScorer = ruleScores,
): Float64Array {
  return logitsOf(p, readClauses(p, score), model, params, layer, score)
}

type RuleScorer = (ruleText: string) => Float64Array

/**
 * `ruleScores` remembered for one message: the whole message, its clauses and each clause read
 * alone (for secondary intents) share rule texts, and the lexicon regexes are the costly part.
 * Callers must not change the arrays it returns.
 */
function memoRuleScores(): RuleScorer {
  const memo = new Map<string, Float64Array>()
  return (ruleText) => {
    let scores = memo.get(ruleText)
    if (!scores) {
      scores = ruleScores(ruleText)
      memo.set(ruleText, scores)
    }
    return scores
  }
}

function logitsOf(
  p: PreparedText,
  { reading, content, scores }: Reading,
  model: NaiveBayes,
  params: CombineParams,
  layer: WorkspaceLayer | undefined,
  score: RuleScorer,
): Float64Array {
  const rules = Float64Array.from(score(reading.ruleText))
  if (isPhatic(p.tokens)) rules[OTHER] += PHATIC_BONUS
  const cued = maxNeed(rules) >= CUE_MIN
  const questionPrior = productQuestionPrior(p, rules)
  rules[PRODUCT] += questionPrior
  let problem = 0
  let person = 0
  content.forEach((c, i) => {
    problem = Math.max(problem, scores[i][COMPLAINT])
    person = Math.max(person, scores[i][HUMAN])
    if (c.afterContrast && content.length > 1)
      for (let k = 0; k < rules.length; k++) if (scores[i][k] > 0) rules[k] += CONTRAST_WEIGHT * scores[i][k]
  })
  if (isWrongItem(reading.ruleText)) problem = Math.max(problem, PROBLEM_MIN)
  // A reported problem wins over the price, product and order words it is told with; a stated
  // request for a person wins over order/product words.
  if (problem >= PROBLEM_MIN)
    rules[COMPLAINT] = Math.max(rules[COMPLAINT], strongestRival(rules)) + PROBLEM_BONUS
  else if (person >= PERSON_MIN) rules[HUMAN] += PERSON_BONUS
  const features = intentFeatures(reading)
  const { scores: nb } = model.score(features)
  const z = new Float64Array(INTENTS.length)
  for (let i = 0; i < z.length; i++) z[i] = nb[i] / params.temperature + params.ruleWeight * rules[i]
  // A short question with no other cue is a product question only when the model reads it as one
  // ("能机洗吗" is, "the first one?" is not).
  const short = !cued && wordCount(reading) <= ABSTAIN_MAX_WORDS
  if (short && (questionPrior === 0 || argmax(z) !== PRODUCT)) {
    let top = Number.NEGATIVE_INFINITY
    for (let i = 0; i < z.length; i++) if (i !== OTHER && z[i] > top) top = z[i]
    z[OTHER] = Math.max(z[OTHER], top + ABSTAIN_MARGIN)
  }
  if (layer) layer.adjust(features, z)
  return z
}

/** The intent half of `classifyIntent`, with the model and constants injectable for tuning. */
export function classifyPrepared(
  p: PreparedText,
  model: NaiveBayes,
  params: CombineParams,
  layer?: WorkspaceLayer,
): IntentScores {
  if (p.tokens.length === 0)
    return { intent: 'other', confidence: 1, intents: [{ value: 'other', confidence: 1 }] }
  const score = memoRuleScores()
  const read = readClauses(p, score)
  const probs = probabilities(logitsOf(p, read, model, params, layer, score), params.calibration ?? 1)
  let best = OTHER
  for (let i = 0; i < probs.length; i++) if (probs[i] > probs[best]) best = i
  const secondary = new Map<Intent, number>()
  INTENTS.forEach((value, i) => {
    if (i !== best && probs[i] >= SECONDARY_MIN) secondary.set(value, probs[i])
  })
  // A clause that asks for something else on its own is a secondary intent ("how much is it? and
  // where is the shop?"): the message-level softmax is sharp and would hide it.
  if (read.content.length > 1)
    for (const clause of read.content) {
      const own = contentOf(p, [clause])
      const cp = probabilities(intentLogits(own, model, params, layer, score), params.calibration ?? 1)
      let top = OTHER
      for (let i = 0; i < cp.length; i++) if (cp[i] > cp[top]) top = i
      if (top === best || top === OTHER || cp[top] < CLAUSE_SECONDARY_MIN) continue
      secondary.set(INTENTS[top], Math.max(secondary.get(INTENTS[top]) ?? 0, cp[top]))
    }
  const intents: ScoredIntent[] = [
    { value: INTENTS[best], confidence: probs[best] },
    ...[...secondary]
      .map(([value, confidence]) => ({ value, confidence }))
      .sort((a, b) => b.confidence - a.confidence),
  ]
  return { intent: INTENTS[best], confidence: probs[best], intents }
}
