import { intentFeatures } from './features'
import { detectLanguageOf } from './language'
import { intentModel, languageModel } from './model'
import type { NaiveBayes } from './naive-bayes'
import { type PreparedText, prepare } from './normalize'
import { isPhatic, PHATIC_BONUS, productQuestionPrior, ruleScores } from './rules'
import { INTENTS, type Intent, type IntentResult } from './types'

/**
 * Intent = softmax over intents of (naive Bayes log-joint / TEMPERATURE + RULE_WEIGHT × rule
 * score). The lexicon rules are precise on the phrasings they know and handle negation
 * ("não quero desconto, quero falar com uma pessoa"); the model generalizes to phrasings they do
 * not know. Both constants were chosen on the dev set (`npx tsx scripts/train-intents.ts --cv`:
 * the best accuracy lies on temperature / rule weight ≈ 4), never on the evaluation set.
 */
export interface CombineParams {
  temperature: number
  ruleWeight: number
}
export const DEFAULT_PARAMS: CombineParams = { temperature: 4, ruleWeight: 1 }

const OTHER = INTENTS.indexOf('other')
const PRODUCT = INTENTS.indexOf('product_inquiry')

/**
 * Loads both models (~150 ms, once). Classification does it on first use; call this at startup
 * so the first request does not pay for it.
 */
export function warmUp(): void {
  intentModel()
  languageModel()
}

export function classifyIntent(text: string): IntentResult {
  const p = prepare(text)
  return { ...classifyPrepared(p, intentModel(), DEFAULT_PARAMS), language: detectLanguageOf(p) }
}

/** The intent half of `classifyIntent`, with the model and constants injectable for tuning. */
export function classifyPrepared(
  p: PreparedText,
  model: NaiveBayes,
  params: CombineParams,
): { intent: Intent; confidence: number } {
  if (p.tokens.length === 0) return { intent: 'other', confidence: 1 }
  const rules = ruleScores(p.ruleText)
  if (isPhatic(p.tokens)) rules[OTHER] += PHATIC_BONUS
  rules[PRODUCT] += productQuestionPrior(p, rules)
  const { scores: nb } = model.score(intentFeatures(p))
  const z = new Float64Array(INTENTS.length)
  let max = Number.NEGATIVE_INFINITY
  for (let i = 0; i < z.length; i++) {
    z[i] = nb[i] / params.temperature + params.ruleWeight * rules[i]
    if (z[i] > max) max = z[i]
  }
  let sum = 0
  let best = OTHER
  for (let i = 0; i < z.length; i++) {
    z[i] = Math.exp(z[i] - max)
    sum += z[i]
  }
  for (let i = 0; i < z.length; i++) if (z[i] > z[best]) best = i
  const confidence = z[best] / sum
  return { intent: INTENTS[best], confidence: Number.isFinite(confidence) ? confidence : 0 }
}
