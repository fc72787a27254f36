import { fitTemperature, type LabelledLogits } from './calibration'
import { DEV_URL, loadFixture } from './evaluate'
import { DEFAULT_PARAMS, intentLogits } from './intent'
import { intentModel } from './model'
import { prepare } from './normalize'
import { INTENTS } from './types'

/**
 * The combined logits of every development message with its label: the held-out split the
 * calibration temperature is fitted on (the model trains on train.jsonl; eval.jsonl only measures).
 */
export function devLogits(): LabelledLogits[] {
  return loadFixture(DEV_URL)
    .filter((m) => m.text.trim() !== '')
    .map((m) => ({
      logits: intentLogits(prepare(m.text), intentModel(), DEFAULT_PARAMS),
      label: INTENTS.indexOf(m.intent),
    }))
}

export function fitDevTemperature(): number {
  return fitTemperature(devLogits())
}
