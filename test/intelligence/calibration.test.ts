import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CALIBRATION_TEMPERATURE,
  calibrationError,
  fitTemperature,
  probabilities,
} from '../../backend/src/intelligence/calibration'
import { devLogits, fitDevTemperature } from '../../backend/src/intelligence/calibration-fit'
import { EVAL_URL, evaluate, loadFixture } from '../../backend/src/intelligence/evaluate'

/** A deterministic pseudo-random stream, so the synthetic sets are the same on every run. */
function lcg(seed: number): () => number {
  let x = seed >>> 0
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    return x / 2 ** 32
  }
}

describe('calibration', () => {
  it('the shipped temperature is the one fitted on the dev set (run train-intents --calibrate if not)', () => {
    expect(CALIBRATION_TEMPERATURE).toBeCloseTo(fitDevTemperature(), 3)
    expect(devLogits().length).toBeGreaterThan(300)
  })

  it('recovers the temperature that generated the labels', () => {
    const random = lcg(7)
    const truth = 2.5
    const data = Array.from({ length: 4000 }, () => {
      const logits = Float64Array.from({ length: 4 }, () => 6 * random())
      const p = probabilities(logits, truth)
      let u = random()
      let label = 0
      while (label < 3 && u > p[label]) u -= p[label++]
      return { logits, label }
    })
    expect(fitTemperature(data)).toBeCloseTo(truth, 0)
  })

  it('measures no calibration error on predictions right exactly as often as they claim', () => {
    const random = lcg(11)
    const predictions = Array.from({ length: 20_000 }, () => {
      const confidence = random()
      return { confidence, correct: random() < confidence }
    })
    expect(calibrationError(predictions).ece).toBeLessThan(0.02)
    // The same predictions claiming certainty are off by about half.
    expect(calibrationError(predictions.map((p) => ({ ...p, confidence: 1 }))).ece).toBeGreaterThan(0.4)
  })

  it('softmax at any temperature is a distribution that keeps the ranking (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 2, maxLength: 9 }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        (z, t) => {
          const p = probabilities(Float64Array.from(z), t)
          expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9)
          // The most likely intent stays the most likely (ties may resolve either way).
          const top = z.indexOf(Math.max(...z))
          expect(p[top]).toBeCloseTo(Math.max(...p), 12)
        },
      ),
    )
  })

  it('on the evaluation set, confidence bins are within 0.05 of their accuracy on average (ECE)', () => {
    const report = evaluate(loadFixture(EVAL_URL))
    expect(report.ece).toBeLessThanOrEqual(0.05)
    const high = report.reliability.at(-1)
    expect(high?.count).toBeGreaterThan(0)
    expect(Math.abs((high?.accuracy ?? 0) - (high?.confidence ?? 0))).toBeLessThan(0.05)
  })
})
