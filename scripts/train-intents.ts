/**
 * Rebuilds backend/src/intelligence/intent-model.tsv (naive Bayes counts for intents and for
 * pt/es/en language identification) from test/fixtures/intents/train.jsonl.
 *
 *   npx tsx scripts/train-intents.ts          write the model file
 *   npx tsx scripts/train-intents.ts --calibrate
 *                                             fit the calibration temperature on the DEV set
 *                                             and write it into calibration.ts
 *   npx tsx scripts/train-intents.ts --cv     tuning report: 5-fold cross-validation of the
 *                                             model alone on the TRAINING set (smoothing,
 *                                             n-gram weight), then the model + rules combination
 *                                             (temperature, rule weight) on the DEV set
 *
 * The evaluation set is never read here. Cross-validating the combination on the training set
 * would flatter the rules (they were written looking at training messages), hence the dev set.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fitDevTemperature } from '../backend/src/intelligence/calibration-fit'
import { featureWeight } from '../backend/src/intelligence/features'
import { type CombineParams, classifyPrepared } from '../backend/src/intelligence/intent'
import { intentModel } from '../backend/src/intelligence/model'
import { NaiveBayes } from '../backend/src/intelligence/naive-bayes'
import { prepare } from '../backend/src/intelligence/normalize'
import {
  parseJsonl,
  serializeModelFile,
  trainIntentCounts,
  trainModelFile,
} from '../backend/src/intelligence/training'

const root = join(import.meta.dirname, '..')
export const TRAIN_PATH = 'test/fixtures/intents/train.jsonl'
export const DEV_PATH = 'test/fixtures/intents/dev.jsonl'
export const MODEL_PATH = 'backend/src/intelligence/intent-model.tsv'
export const CALIBRATION_PATH = 'backend/src/intelligence/calibration.ts'

function tuneCombination() {
  const messages = parseJsonl(readFileSync(join(root, DEV_PATH), 'utf8'))
  const prepared = messages.map((m) => prepare(m.text))
  const model = intentModel()
  const rows: string[] = []
  for (const temperature of [1, 2, 4, 8, 16, 1e9]) {
    const cells: string[] = []
    for (const ruleWeight of [0, 0.5, 1, 2, 4]) {
      let correct = 0
      messages.forEach((m, i) => {
        if (classifyPrepared(prepared[i], model, { temperature, ruleWeight }).intent === m.intent)
          correct += 1
      })
      cells.push((correct / messages.length).toFixed(3))
    }
    rows.push(`  T=${String(temperature).padEnd(5)} ${cells.join('  ')}`)
  }
  console.log(`\ncombination on ${DEV_PATH} (rows: temperature; columns: rule weight 0 0.5 1 2 4)`)
  console.log(rows.join('\n'))
}

function crossValidate(folds: number) {
  const messages = parseJsonl(readFileSync(join(root, TRAIN_PATH), 'utf8'))
  // Deterministic interleaved folds: every fold sees every language and intent.
  const fold = (i: number) => i % folds
  const prepared = messages.map((m) => prepare(m.text))
  const results: {
    alpha: number
    charWeight: number
    minCount: number
    params: CombineParams
    accuracy: number
  }[] = []
  for (const minCount of [1, 2, 3])
    for (const alpha of [0.1, 0.3, 1])
      for (const charWeight of [0.5, 0.25]) {
        const models = Array.from(
          { length: folds },
          (_, f) =>
            new NaiveBayes(
              trainIntentCounts(
                messages.filter((_, i) => fold(i) !== f),
                alpha,
                minCount,
              ),
              (feature) => featureWeight(feature, charWeight),
            ),
        )
        for (const temperature of [1])
          for (const ruleWeight of [0]) {
            const params = { temperature, ruleWeight }
            let correct = 0
            messages.forEach((m, i) => {
              if (classifyPrepared(prepared[i], models[fold(i)], params).intent === m.intent) correct += 1
            })
            results.push({ alpha, charWeight, minCount, params, accuracy: correct / messages.length })
          }
      }
  results.sort((a, b) => b.accuracy - a.accuracy)
  console.log(`model alone, ${folds}-fold cross-validation on ${TRAIN_PATH}:`)
  for (const r of results)
    console.log(
      `  minCount=${r.minCount} alpha=${r.alpha} charWeight=${r.charWeight} → ${r.accuracy.toFixed(3)}`,
    )
}

function writeModel() {
  const jsonl = readFileSync(join(root, TRAIN_PATH), 'utf8')
  const model = trainModelFile(jsonl, TRAIN_PATH)
  writeFileSync(join(root, MODEL_PATH), serializeModelFile(model))
  console.log(
    `${MODEL_PATH}: ${model.source.messages} messages, ${model.intent.features.length} intent features, ${model.language.features.length} language features`,
  )
}

function writeCalibration() {
  const path = join(root, CALIBRATION_PATH)
  const t = fitDevTemperature()
  const source = readFileSync(path, 'utf8').replace(
    /export const CALIBRATION_TEMPERATURE = [\d.]+/,
    `export const CALIBRATION_TEMPERATURE = ${t.toFixed(4)}`,
  )
  writeFileSync(path, source)
  console.log(`${CALIBRATION_PATH}: temperature ${t.toFixed(4)} fitted on ${DEV_PATH}`)
}

if (process.argv.includes('--calibrate')) writeCalibration()
else if (process.argv.includes('--cv')) {
  crossValidate(5)
  tuneCombination()
} else writeModel()
