import { createHash } from 'node:crypto'
import { intentFeatures, languageFeatures } from './features'
import { type NaiveBayesCounts, trainNaiveBayes } from './naive-bayes'
import { prepare } from './normalize'
import { INTENTS, type LabelledMessage } from './types'

/** Smoothing of both models; chosen by cross-validation on the training set (`train-intents --cv`). */
export const INTENT_ALPHA = 0.3
export const LANGUAGE_ALPHA = 0.5

export interface ModelFile {
  /** Where the counts came from, so a test can tell when the file is stale. */
  source: { path: string; sha256: string; messages: number }
  intent: NaiveBayesCounts
  language: NaiveBayesCounts
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

export function trainIntentCounts(messages: LabelledMessage[], alpha = INTENT_ALPHA): NaiveBayesCounts {
  return trainNaiveBayes(
    messages.map((m) => ({ features: intentFeatures(prepare(m.text)), label: m.intent })),
    [...INTENTS],
    alpha,
  )
}

export function trainLanguageCounts(messages: LabelledMessage[], alpha = LANGUAGE_ALPHA): NaiveBayesCounts {
  const latin = messages.filter((m) => m.language !== 'zh')
  return trainNaiveBayes(
    latin.map((m) => ({ features: languageFeatures(prepare(m.text)), label: m.language })),
    ['pt', 'es', 'en'],
    alpha,
  )
}

/** Both models from the training fixture's text (`path` is recorded, not read). */
export function trainModelFile(jsonl: string, path: string): ModelFile {
  const messages = parseJsonl(jsonl)
  return {
    source: { path, sha256: sha256(jsonl), messages: messages.length },
    intent: trainIntentCounts(messages),
    language: trainLanguageCounts(messages),
  }
}

export function parseJsonl(jsonl: string): LabelledMessage[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledMessage)
}
