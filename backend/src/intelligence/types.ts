import { intentSchema } from '@scrm/shared'

/** The intents, in the shared contract's order (the model's class indices follow it). */
export const INTENTS = intentSchema.options
export type Intent = (typeof INTENTS)[number]

export const LANGUAGES = ['pt', 'es', 'en', 'zh'] as const
export type Language = (typeof LANGUAGES)[number]
export type DetectedLanguage = Language | 'unknown'

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number]

export interface ScoredIntent {
  value: Intent
  /** Calibrated probability, 0..1. */
  confidence: number
}

export interface IntentResult {
  intent: Intent
  /** Calibrated probability of the chosen intent, 0..1. */
  confidence: number
  /** The chosen intent first, then every other intent the message gives 10 % or more. */
  intents: ScoredIntent[]
  language: DetectedLanguage
}

export interface SentimentResult {
  /** 0 = very negative, 0.5 = neutral, 1 = very positive. */
  score: number
  label: SentimentLabel
}

/** One line of `test/fixtures/intents/{train,eval}.jsonl`. */
export interface LabelledMessage {
  text: string
  intent: Intent
  language: Language
  sentiment: SentimentLabel
  /** Which hard case the message stands for (evaluation report: confusion per case). */
  case?: string
}
