import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { TRAIN_URL } from '../../backend/src/intelligence/evaluate'
import { MODEL_URL, modelFile } from '../../backend/src/intelligence/model'
import { NaiveBayes } from '../../backend/src/intelligence/naive-bayes'
import {
  parseModelFile,
  serializeModelFile,
  sha256,
  trainModelFile,
} from '../../backend/src/intelligence/training'

describe('intent-model.tsv', () => {
  it('was built from the current training set (run `npx tsx scripts/train-intents.ts` if not)', () => {
    const jsonl = readFileSync(TRAIN_URL, 'utf8')
    expect(modelFile().source.sha256, 'intent-model.tsv is stale').toBe(sha256(jsonl))
    const fresh = serializeModelFile(trainModelFile(jsonl, modelFile().source.path))
    expect(readFileSync(MODEL_URL, 'utf8') === fresh, 'intent-model.tsv differs from a fresh training').toBe(
      true,
    )
  })

  it('round-trips through its text format', () => {
    const model = trainModelFile(readFileSync(TRAIN_URL, 'utf8'), 'x')
    expect(parseModelFile(serializeModelFile(model))).toEqual(model)
  })

  it('loads into scoring models quickly', () => {
    const t0 = performance.now()
    const file = parseModelFile(readFileSync(MODEL_URL, 'utf8'))
    new NaiveBayes(file.intent)
    new NaiveBayes(file.language)
    expect(performance.now() - t0).toBeLessThan(500)
  })
})
