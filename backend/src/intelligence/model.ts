import { readFileSync } from 'node:fs'
import { featureWeight } from './features'
import { NaiveBayes } from './naive-bayes'
import type { ModelFile } from './training'

/**
 * The trained naive Bayes counts are precomputed into `intent-model.json` by
 * `npx tsx scripts/train-intents.ts` rather than trained at startup:
 * - the service does not read the test workspace at run time (a deployment may not ship it);
 * - the model is a reviewed, versioned artifact: a change to the training set shows up as a
 *   diff of counts, and `model.test.ts` fails when the file is stale;
 * - loading counts is cheaper than re-tokenizing the training set on every cold start.
 * The file holds counts, not log-probabilities, so it stays small and diffable; it is read and
 * turned into log-probabilities once, on first use (not at import, so the training script can
 * run before the file exists).
 */
export const MODEL_URL = new URL('./intent-model.json', import.meta.url)

let file: ModelFile | undefined
let intent: NaiveBayes | undefined
let language: NaiveBayes | undefined

export function modelFile(): ModelFile {
  file ??= JSON.parse(readFileSync(MODEL_URL, 'utf8')) as ModelFile
  return file
}

export function intentModel(): NaiveBayes {
  intent ??= new NaiveBayes(modelFile().intent, (f) => featureWeight(f))
  return intent
}

export function languageModel(): NaiveBayes {
  language ??= new NaiveBayes(modelFile().language)
  return language
}
