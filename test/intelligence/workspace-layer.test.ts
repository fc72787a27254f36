import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { INTENTS } from '../../backend/src/intelligence/types'
import { MARGIN, WorkspaceLayer } from '../../backend/src/intelligence/workspace-layer'

const example = fc.record({
  features: fc.uniqueArray(
    fc.constantFrom('w:bolo', 'w:encomenda', 'b:de bolo', 'h:蛋糕', 'e:🎂', 'w:pdf', 'w:frete'),
    {
      minLength: 1,
      maxLength: 5,
    },
  ),
  base: fc
    .array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 9, maxLength: 9 })
    .map((a) => Float64Array.from(a)),
  label: fc.constantFrom(...INTENTS),
})

const adjusted = (layer: WorkspaceLayer, features: string[], base: Float64Array) => {
  const z = Float64Array.from(base)
  layer.adjust(features, z)
  return z
}

describe('WorkspaceLayer', () => {
  it('makes a corrected message lead every other intent by the margin after one training (property)', () => {
    fc.assert(
      fc.property(example, (ex) => {
        const layer = WorkspaceLayer.train([ex])
        const z = adjusted(layer, ex.features, ex.base)
        const y = INTENTS.indexOf(ex.label)
        for (let c = 0; c < z.length; c++)
          if (c !== y) expect(z[y] - z[c]).toBeGreaterThanOrEqual(MARGIN - 1e-6)
      }),
    )
  })

  it('leaves messages that share no feature with any correction untouched, and character n-grams out', () => {
    const layer = WorkspaceLayer.train([
      { features: ['w:bolo', 'c:_bo', 'c:bol'], base: new Float64Array(9), label: 'purchase_intent' },
    ])
    const base = Float64Array.from({ length: 9 }, (_, i) => i)
    expect(adjusted(layer, ['w:frete', 'c:_bo', 'c:bol'], base)).toEqual(base)
    expect(layer.size).toBe(1)
  })

  it('round-trips through its stored form', () => {
    fc.assert(
      fc.property(fc.array(example, { minLength: 1, maxLength: 6 }), (examples) => {
        const layer = WorkspaceLayer.train(examples)
        const copy = WorkspaceLayer.fromJSON(JSON.parse(JSON.stringify(layer.toJSON())))
        for (const ex of examples) {
          const a = adjusted(layer, ex.features, ex.base)
          const b = adjusted(copy, ex.features, ex.base)
          for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i], 5)
        }
      }),
      { numRuns: 50 },
    )
  })

  it('ignores malformed stored weights instead of failing to load', () => {
    const layer = WorkspaceLayer.fromJSON({
      'w:x': [
        [42, 1],
        [0, Number.NaN],
        [1, 2],
      ],
    })
    expect(Array.from(adjusted(layer, ['w:x'], new Float64Array(9)))).toEqual([0, 2, 0, 0, 0, 0, 0, 0, 0])
  })
})
