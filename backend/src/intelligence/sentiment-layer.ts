import { NEUTRAL_BAND, SLOPE } from './sentiment'
import type { SentimentLabel } from './types'

/**
 * What one workspace's reps taught the sentiment scorer: a valence per word feature (the intent
 * model's word, bigram, Han and emoji features; character n-grams are left out, as in the intent
 * layer), added to the lexicon valence of that workspace's messages only.
 *
 * Trained on the workspace's sentiment corrections by passive-aggressive updates on the valence:
 * for each corrected message whose valence is outside its label's band (by MARGIN), the smallest
 * equal change to its features' weights that brings it in, capped by MAX_STEP. One retrain makes
 * every corrected message read as the rep said; a message sharing no feature with a correction is
 * untouched. ("a Loggi de novo" is a complaint in a shop whose reps keep marking it negative.)
 */

/** |valence| at which the score leaves the neutral band: logit(0.5 + NEUTRAL_BAND) / SLOPE. */
export const BAND_EDGE = Math.log((0.5 + NEUTRAL_BAND) / (0.5 - NEUTRAL_BAND)) / SLOPE
/** How far inside its band a corrected message is pushed (in valence). */
export const MARGIN = 0.5
export const MAX_STEP = 2
export const EPOCHS = 8

export interface SentimentExample {
  features: readonly string[]
  /** The lexicon valence of the message (without any layer). */
  base: number
  label: SentimentLabel
}

/** Stored form: feature → valence adjustment. */
export type SentimentWeights = Record<string, number>

const usable = (f: string) => f.charCodeAt(0) !== 99 /* 'c' */

/** The valence interval a label asks for, MARGIN inside its band. */
function target(label: SentimentLabel): [number, number] {
  if (label === 'negative') return [Number.NEGATIVE_INFINITY, -BAND_EDGE - MARGIN]
  if (label === 'positive') return [BAND_EDGE + MARGIN, Number.POSITIVE_INFINITY]
  return [-BAND_EDGE / 2, BAND_EDGE / 2]
}

export class SentimentLayer {
  private constructor(private readonly weights: Map<string, number>) {}

  static empty(): SentimentLayer {
    return new SentimentLayer(new Map())
  }

  get size(): number {
    return this.weights.size
  }

  /** The valence this workspace adds to a message with these features. */
  valence(features: readonly string[]): number {
    let v = 0
    for (const f of features) v += this.weights.get(f) ?? 0
    return v
  }

  static train(examples: readonly SentimentExample[]): SentimentLayer {
    const layer = new SentimentLayer(new Map())
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      let updates = 0
      for (const ex of examples) {
        const feats = ex.features.filter(usable)
        if (feats.length === 0) continue
        const v = ex.base + layer.valence(feats)
        const [lo, hi] = target(ex.label)
        const miss = v < lo ? lo - v : v > hi ? hi - v : 0
        if (miss === 0) continue
        updates += 1
        const step = Math.max(-MAX_STEP, Math.min(MAX_STEP, miss / feats.length))
        for (const f of feats) layer.weights.set(f, (layer.weights.get(f) ?? 0) + step)
      }
      if (updates === 0) break
    }
    return layer
  }

  toJSON(): SentimentWeights {
    const out: SentimentWeights = {}
    for (const [f, w] of [...this.weights].sort(([a], [b]) => (a < b ? -1 : 1)))
      if (w !== 0) out[f] = Math.round(w * 1e6) / 1e6
    return out
  }

  static fromJSON(json: SentimentWeights): SentimentLayer {
    const weights = new Map<string, number>()
    for (const [f, w] of Object.entries(json)) if (Number.isFinite(w)) weights.set(f, w)
    return new SentimentLayer(weights)
  }
}
