import { classifyPrepared, DEFAULT_PARAMS } from './intent'
import { detectLanguageOf } from './language'
import type { LearnedLayers } from './learned-layers'
import { intentModel } from './model'
import { prepare } from './normalize'
import { sentimentOf } from './sentiment'

export interface MessageInsights {
  intent: string
  confidence: number
  /** The primary intent first, then secondary ones (calibrated probability ≥ 0.1). */
  intents?: { value: string; confidence: number }[]
  sentiment: number
  language: string
}

/** Message types whose text is the customer's own words (not a reaction, an edit event ...). */
const CLASSIFIED_TYPES = new Set(['text', 'button', 'interactive', 'image', 'video', 'document', 'order'])

/**
 * Intent, sentiment and language of one customer message; null when it has no words of theirs.
 * `layers` are the workspace's own (learned from its reps); without them, the shared models alone.
 */
export function insightsFor(
  type: string,
  text: string | null,
  layers?: LearnedLayers,
): MessageInsights | null {
  if (!text || !CLASSIFIED_TYPES.has(type)) return null
  // One normalisation serves intent, language and sentiment: this runs for every inbound message.
  const prepared = prepare(text)
  const intent = classifyPrepared(prepared, intentModel(), DEFAULT_PARAMS, layers?.intent)
  const round = (x: number) => Math.round(x * 1000) / 1000
  return {
    intent: intent.intent,
    confidence: round(intent.confidence),
    intents: intent.intents.map((i) => ({ value: i.value, confidence: round(i.confidence) })),
    sentiment: Math.round(sentimentOf(prepared, layers?.sentiment).score * 1000) / 1000,
    language: detectLanguageOf(prepared),
  }
}

/** Weight of a new message in a contact's sentiment moving average. */
export const SENTIMENT_WEIGHT = 0.3
/** A contact's intent changes only on a message that says something specific, clearly enough. */
export const INTENT_MIN_CONFIDENCE = 0.5
