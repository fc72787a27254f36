/**
 * Confidence that means what it says: the combined logits are divided by one temperature fitted
 * on the development set (`npx tsx scripts/train-intents.ts --calibrate`), the held-out split the
 * model never trains on and the evaluation set never joins. Temperature scaling keeps the
 * ranking (the chosen intent never changes) and, with one parameter, cannot overfit 359
 * messages the way isotonic regression could.
 */
export const CALIBRATION_TEMPERATURE = 0.5196

/** Softmax of logits / temperature. */
export function probabilities(z: Float64Array, temperature = 1): Float64Array {
  let max = Number.NEGATIVE_INFINITY
  for (const v of z) if (v > max) max = v
  const out = new Float64Array(z.length)
  let sum = 0
  for (let i = 0; i < z.length; i++) {
    out[i] = Math.exp((z[i] - max) / temperature)
    sum += out[i]
  }
  for (let i = 0; i < z.length; i++) out[i] = Number.isFinite(out[i] / sum) ? out[i] / sum : 0
  return out
}

export interface LabelledLogits {
  logits: Float64Array
  label: number
}

/** Mean negative log-likelihood of the labels at temperature `t`. */
export function negativeLogLikelihood(data: readonly LabelledLogits[], t: number): number {
  let sum = 0
  for (const d of data) sum -= Math.log(Math.max(1e-12, probabilities(d.logits, t)[d.label]))
  return sum / Math.max(1, data.length)
}

/** The temperature minimising NLL, by golden-section search on log t (the loss is unimodal in t). */
export function fitTemperature(data: readonly LabelledLogits[], lo = 0.05, hi = 20): number {
  const phi = (Math.sqrt(5) - 1) / 2
  let a = Math.log(lo)
  let b = Math.log(hi)
  for (let i = 0; i < 80; i++) {
    const c = b - phi * (b - a)
    const d = a + phi * (b - a)
    if (negativeLogLikelihood(data, Math.exp(c)) < negativeLogLikelihood(data, Math.exp(d))) b = d
    else a = c
  }
  return Math.exp((a + b) / 2)
}

export interface ReliabilityBin {
  from: number
  to: number
  count: number
  confidence: number
  accuracy: number
}

/**
 * Expected calibration error: the gap between confidence and accuracy, averaged over equal-width
 * confidence bins weighted by how many predictions fall in each.
 */
export function calibrationError(
  predictions: readonly { confidence: number; correct: boolean }[],
  bins = 10,
): { ece: number; bins: ReliabilityBin[] } {
  const table = Array.from({ length: bins }, (_, i) => ({
    from: i / bins,
    to: (i + 1) / bins,
    count: 0,
    confidence: 0,
    accuracy: 0,
  }))
  for (const p of predictions) {
    const bin = table[Math.min(bins - 1, Math.floor(p.confidence * bins))]
    bin.count += 1
    bin.confidence += p.confidence
    bin.accuracy += p.correct ? 1 : 0
  }
  let ece = 0
  for (const bin of table) {
    if (bin.count === 0) continue
    bin.confidence /= bin.count
    bin.accuracy /= bin.count
    ece += (bin.count / Math.max(1, predictions.length)) * Math.abs(bin.accuracy - bin.confidence)
  }
  return { ece, bins: table }
}
