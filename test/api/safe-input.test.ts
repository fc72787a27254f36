import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_INPUT_DEPTH, safeInputSchema, textProblem } from '../../backend/src/api/safe-input'
import { anyCodeUnit } from '../support/schema-arbitrary'

/** Node's own check (ES2024), as the oracle for ours. */
const wellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed()

describe('the text check at the API edge', () => {
  it('flags exactly the strings with a NUL or that are not well-formed UTF-16', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCodeUnit, maxLength: 40 }), (s) => {
        expect(textProblem(s) === null).toBe(wellFormed(s) && !s.includes('\u0000'))
      }),
      { numRuns: 2000 },
    )
  })

  it('accepts any well-formed text without NUL, emoji and CJK included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        fc.pre(!s.includes('\u0000'))
        expect(textProblem(s)).toBeNull()
      }),
    )
    expect(textProblem('退订 👍🏽 ação')).toBeNull()
  })

  it('names the path of every bad string and field name, at any depth', () => {
    const result = safeInputSchema.safeParse({ a: [{ b: 'x\u0000' }], 'k\uD800': 1, ok: 'fine' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['', 'a.0.b'])
  })

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    let deep: unknown = 'x'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    const result = safeInputSchema.safeParse(deep)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toHaveLength(MAX_INPUT_DEPTH)
    let shallow: unknown = 'x'
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) shallow = [shallow]
    expect(safeInputSchema.safeParse(shallow).success).toBe(true)
  })
})
