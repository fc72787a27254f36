import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { percentilesDisc, unpackWaits } from '../../backend/src/analytics/wait-values'

/** percentile_disc as Postgres defines it, over a sorted copy. */
const bySorting = (values: number[], fraction: number) => {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(1, Math.ceil(fraction * sorted.length)) - 1]
}

const packed = (values: number[]) => {
  const bytes = Buffer.alloc(values.length * 4)
  values.forEach((v, i) => {
    bytes.writeInt32BE(v, i * 4)
  })
  return bytes
}

describe('exact percentiles of packed waits', () => {
  it('equal a sort for any values split into any runs, any fractions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 900 }), fc.integer()), { maxLength: 60 }), {
          maxLength: 8,
        }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (runs, fractions) => {
          const all = runs.flat()
          const typed = runs.map((r) => unpackWaits(packed(r)))
          expect(percentilesDisc(typed, fractions)).toEqual(fractions.map((f) => bySorting(all, f)))
        },
      ),
      { numRuns: 2_000 },
    )
  })

  it('reads the three forms the drivers answer bytea in', () => {
    const bytes = packed([7, 0, 86_400, 2 ** 31 - 1])
    expect([...unpackWaits(bytes)]).toEqual([7, 0, 86_400, 2 ** 31 - 1])
    expect([...unpackWaits(new Uint8Array(bytes))]).toEqual([7, 0, 86_400, 2 ** 31 - 1])
    expect([...unpackWaits(`\\x${bytes.toString('hex')}`)]).toEqual([7, 0, 86_400, 2 ** 31 - 1])
    expect([...unpackWaits(null)]).toEqual([])
  })

  it('takes the first value for fraction 0 and the one at ceil(f × n) otherwise, like percentile_disc', () => {
    const runs = [unpackWaits(packed([40, 10])), unpackWaits(packed([30, 20]))]
    expect(percentilesDisc(runs, [0, 0.25, 0.5, 0.51, 0.9, 1])).toEqual([10, 10, 20, 30, 40, 40])
    expect(percentilesDisc([], [0.5])).toEqual([null])
  })
})
