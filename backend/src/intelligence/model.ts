import { readFileSync } from 'node:fs'
import { featureWeight } from './features'
import { NaiveBayes } from './naive-bayes'
import { type ModelFile, parseModelFile } from './training'

/**
 * The trained naive Bayes counts are precomputed into `intent-model.tsv` by
 * `npx tsx scripts/train-intents.ts` rather than trained at startup:
 * - the service does not read the test workspace at run time (a deployment may not ship it);
 * - the model is a reviewed, versioned artifact: a change to the training set shows up as a
 *   diff of counts, and `model.test.ts` fails when the file is stale;
 * - training takes ~250 ms on this machine (over the 200 ms startup budget), loading ~150 ms.
 * The file holds counts, not log-probabilities, one feature per line, so it stays diffable; it is read and
 * turned into log-probabilities once, on first use (not at import, so the training script can
 * run before the file exists).
 */
export const MODEL_URL = new URL('./intent-model.tsv', import.meta.url)

let file: ModelFile | undefined
let intent: NaiveBayes | undefined
let language: NaiveBayes | undefined

export function modelFile(): ModelFile {
  file ??= parseModelFile(readFileSync(MODEL_URL, 'utf8'))
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
