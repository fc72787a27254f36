import { INTENTS, type Intent } from './types'

/**
 * What one workspace's reps taught the classifier: sparse per-feature, per-intent adjustments
 * added to the shared model's logits for that workspace's messages only.
 *
 * Trained on the workspace's corrections by passive-aggressive updates (Crammer et al. 2006): for
 * each corrected message and each intent the corrected one does not lead by MARGIN, the smallest
 * change to the weights of that message's features that makes it lead by MARGIN. So one retrain
 * makes every corrected message read the way the rep said (its own predictions change), and a
 * message that shares no feature with any correction is untouched. Character n-grams are left
 * out: they would carry a correction to every message sharing three letters with it.
 */
export const MARGIN = 1
/** Upper bound on one update's step (PA-I), so a mislabelled correction cannot swamp the model. */
export const MAX_STEP = 2
export const EPOCHS = 8

export interface LayerExample {
  features: readonly string[]
  /** The shared model's logits for the message (without any layer). */
  base: Float64Array
  label: Intent
}

/** Stored form: feature → [intent index, weight] pairs with non-zero weight. */
export type LayerWeights = Record<string, [number, number][]>

const usable = (f: string) => f.charCodeAt(0) !== 99 /* 'c' */

export class WorkspaceLayer {
  private constructor(private readonly weights: Map<string, Float64Array>) {}

  static empty(): WorkspaceLayer {
    return new WorkspaceLayer(new Map())
  }

  get size(): number {
    return this.weights.size
  }

  /** Adds this workspace's adjustments to `z` in place. */
  adjust(features: readonly string[], z: Float64Array): void {
    for (const f of features) {
      const row = this.weights.get(f)
      if (!row) continue
      for (let c = 0; c < z.length; c++) z[c] += row[c]
    }
  }

  static train(examples: readonly LayerExample[]): WorkspaceLayer {
    const layer = new WorkspaceLayer(new Map())
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      let updates = 0
      for (const ex of examples) {
        const feats = ex.features.filter(usable)
        if (feats.length === 0) continue
        const z = Float64Array.from(ex.base)
        layer.adjust(feats, z)
        const y = INTENTS.indexOf(ex.label)
        // Every intent within MARGIN of the corrected one is pushed back, not only the nearest:
        // otherwise the runner-up of today becomes the wrong answer of tomorrow.
        let violated = false
        for (let c = 0; c < z.length; c++) {
          const gap = z[y] - z[c]
          if (c === y || gap >= MARGIN) continue
          violated = true
          // Each feature moves +τ on the label and −τ on the rival: the gap grows by 2·|F|·τ.
          const tau = Math.min(MAX_STEP, (MARGIN - gap) / (2 * feats.length) + 1e-9)
          for (const f of feats) {
            let row = layer.weights.get(f)
            if (!row) {
              row = new Float64Array(INTENTS.length)
              layer.weights.set(f, row)
            }
            row[y] += tau
            row[c] -= tau
          }
        }
        if (!violated) continue
        updates += 1
      }
      if (updates === 0) break
    }
    return layer
  }

  toJSON(): LayerWeights {
    const out: LayerWeights = {}
    for (const [f, row] of [...this.weights].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const pairs: [number, number][] = []
      row.forEach((w, c) => {
        if (w !== 0) pairs.push([c, Math.round(w * 1e6) / 1e6])
      })
      if (pairs.length) out[f] = pairs
    }
    return out
  }

  static fromJSON(json: LayerWeights): WorkspaceLayer {
    const weights = new Map<string, Float64Array>()
    for (const [f, pairs] of Object.entries(json)) {
      const row = new Float64Array(INTENTS.length)
      for (const [c, w] of pairs) if (c >= 0 && c < row.length && Number.isFinite(w)) row[c] = w
      weights.set(f, row)
    }
    return new WorkspaceLayer(weights)
  }
}
