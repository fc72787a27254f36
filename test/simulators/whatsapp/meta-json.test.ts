import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { metaJson } from './meta-json'

/** Every "/" outside an escape: one preceded by an even number of backslashes. */
function unescapedSlashes(json: string): number {
  let count = 0
  for (let i = 0; i < json.length; i++) {
    if (json[i] === '\\') {
      i += 1 // skip the escaped character
      continue
    }
    if (json[i] === '/') count += 1
  }
  return count
}

/** JSON with any Unicode: astral characters (emoji), lone surrogates, controls, slashes. */
const anyJson = fc.jsonValue({ maxDepth: 4 })
/** JSON has no -0 (JSON.stringify writes it as 0), so values are taken as a parser would give them. */
const unicodeJson = fc
  .oneof(
    anyJson,
    fc.dictionary(
      fc.string({ unit: 'binary' }),
      fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), anyJson),
    ),
    fc.array(fc.string({ unit: 'binary' })),
    fc.string({ unit: 'binary' }).map((s) => ({ text: { body: `${s}/a\\/b/ é 你好 🙂` } })),
  )
  .map((value) => JSON.parse(JSON.stringify(value)) as unknown)

describe('metaJson', () => {
  it('is ASCII only', () => {
    fc.assert(
      fc.property(unicodeJson, (value) => {
        expect(metaJson(value)).toMatch(/^[\x20-\x7e]*$/)
      }),
      { numRuns: 1000 },
    )
  })

  it('parses back to the same value', () => {
    fc.assert(
      fc.property(unicodeJson, (value) => {
        expect(JSON.parse(metaJson(value))).toEqual(value)
      }),
      { numRuns: 1000 },
    )
  })

  it('escapes every "/", and is JSON.stringify otherwise', () => {
    fc.assert(
      fc.property(unicodeJson, (value) => {
        const wire = metaJson(value)
        expect(unescapedSlashes(wire)).toBe(0)
        const plain = JSON.stringify(value)
        expect(wire.split('\\/').length - 1).toBeGreaterThanOrEqual(plain.split('/').length - 1)
        expect(JSON.stringify(JSON.parse(wire))).toBe(plain)
      }),
      { numRuns: 1000 },
    )
  })

  it('writes non-ASCII as \\u escapes, emoji as surrogate pairs, as Meta does', () => {
    expect(metaJson({ a: 'é/🙂' })).toBe('{"a":"\\u00e9\\/\\ud83d\\ude42"}')
  })
})
