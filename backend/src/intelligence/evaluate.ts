import { readFileSync } from 'node:fs'
import { classifyIntent } from './intent'
import { detectLanguage } from './language'
import { analyzeSentiment } from './sentiment'
import { parseJsonl } from './training'
import { INTENTS, type Intent, LANGUAGES, type LabelledMessage, type Language } from './types'

export const EVAL_URL = new URL('../../../test/fixtures/intents/eval.jsonl', import.meta.url)
export const DEV_URL = new URL('../../../test/fixtures/intents/dev.jsonl', import.meta.url)
export const TRAIN_URL = new URL('../../../test/fixtures/intents/train.jsonl', import.meta.url)

export function loadFixture(url: URL): LabelledMessage[] {
  return parseJsonl(readFileSync(url, 'utf8'))
}

export interface Tally {
  correct: number
  total: number
}
const rate = (t: Tally) => (t.total === 0 ? 0 : t.correct / t.total)

export interface Prediction {
  message: LabelledMessage
  intent: Intent
  confidence: number
  language: string
  sentiment: string
}

export interface EvalReport {
  messages: number
  accuracy: number
  byIntent: Record<Intent, Tally>
  byLanguage: Record<Language, Tally>
  /** confusion[expected][predicted] */
  confusion: Record<Intent, Record<Intent, number>>
  sentimentAccuracy: number
  /** Over messages that have letters (an emoji alone has no language). */
  languageAccuracy: number
  predictions: Prediction[]
  min_intent_accuracy: number
  min_language_accuracy: number
}

/** Classifies every message and tallies intent, language and sentiment accuracy. */
export function evaluate(messages: LabelledMessage[]): EvalReport {
  const tally = () => ({ correct: 0, total: 0 })
  const byIntent = Object.fromEntries(INTENTS.map((i) => [i, tally()])) as Record<Intent, Tally>
  const byLanguage = Object.fromEntries(LANGUAGES.map((l) => [l, tally()])) as Record<Language, Tally>
  const confusion = Object.fromEntries(
    INTENTS.map((i) => [i, Object.fromEntries(INTENTS.map((j) => [j, 0]))]),
  ) as Record<Intent, Record<Intent, number>>
  const overall = tally()
  const sentiment = tally()
  const language = tally()
  const predictions: Prediction[] = []
  for (const m of messages) {
    const r = classifyIntent(m.text)
    const s = analyzeSentiment(m.text)
    const ok = r.intent === m.intent ? 1 : 0
    for (const t of [overall, byIntent[m.intent], byLanguage[m.language]]) {
      t.total += 1
      t.correct += ok
    }
    confusion[m.intent][r.intent] += 1
    sentiment.total += 1
    sentiment.correct += s.label === m.sentiment ? 1 : 0
    if (/\p{L}/u.test(m.text)) {
      language.total += 1
      language.correct += detectLanguage(m.text) === m.language ? 1 : 0
    }
    predictions.push({
      message: m,
      intent: r.intent,
      confidence: r.confidence,
      language: r.language,
      sentiment: s.label,
    })
  }
  return {
    messages: messages.length,
    accuracy: rate(overall),
    byIntent,
    byLanguage,
    confusion,
    sentimentAccuracy: rate(sentiment),
    languageAccuracy: rate(language),
    predictions,
    min_intent_accuracy: Math.min(...INTENTS.map((i) => rate(byIntent[i]))),
    min_language_accuracy: Math.min(...LANGUAGES.map((l) => rate(byLanguage[l]))),
  }
}

export { rate }
