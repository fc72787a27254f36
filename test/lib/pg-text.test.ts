import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DbHandle } from '../../backend/src/db/client'
import { queryRows } from '../../backend/src/db/query-rows'
import {
  decodePgJson,
  decodePgText,
  displayPgText,
  encodePgJson,
  encodePgText,
  needsPgEscaping,
} from '../../backend/src/lib/pg-text'
import { ENGINES, openTestDb } from '../support/test-db'

/** Any JS string: random UTF-16 code units (lone surrogates included), weighted toward the hard cases. */
const anyCodeUnit = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) },
  { weight: 2, arbitrary: fc.constantFrom('\u0000', '\uFDD0', '\uD83D', '\uDE00', '\uD83D\uDE00', '0', 'u') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
)
const anyJsString = fc.string({ unit: anyCodeUnit, maxLength: 40 })

describe('Postgres-safe text escaping', () => {
  it('round-trips every JS string and leaves nothing Postgres refuses', () => {
    fc.assert(
      fc.property(anyJsString, (s) => {
        const encoded = encodePgText(s)
        expect(decodePgText(encoded)).toBe(s)
        expect(encoded.includes('\u0000')).toBe(false)
        // Well-formed UTF-16: nothing the driver would have to replace.
        expect(Buffer.from(encoded, 'utf8').toString('utf8')).toBe(encoded)
      }),
      { numRuns: 2000 },
    )
  })

  it('leaves ordinary text, emoji included, exactly as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(needsPgEscaping(s)).toBe(false)
        expect(encodePgText(s)).toBe(s)
      }),
    )
    expect(encodePgText('olá 😀 \\u0000')).toBe('olá 😀 \\u0000')
  })

  it('round-trips JSON values, keys included', () => {
    fc.assert(
      fc.property(fc.dictionary(anyJsString, fc.oneof(anyJsString, fc.array(anyJsString))), (value) => {
        expect(decodePgJson(encodePgJson(value))).toEqual(value)
      }),
    )
    const tricky = JSON.parse('{"__proto__": "a\\u0000b"}')
    const back = decodePgJson(encodePgJson(tricky))
    expect(Object.keys(back)).toEqual(['__proto__'])
    expect(Object.getOwnPropertyDescriptor(back, '__proto__')?.value).toBe('a\u0000b')
  })

  it('shows NUL and invisible controls as visible pictures and a lone surrogate as U+FFFD', () => {
    expect(displayPgText(encodePgText('a\u0000b'))).toBe('a\u2400b')
    expect(displayPgText(encodePgText('x\uD800y\u001b'))).toBe('x\uFFFDy\u241b')
    expect(displayPgText(encodePgText('<b>oi</b>\n\t😀'))).toBe('<b>oi</b>\n\t😀')
    expect(displayPgText(null)).toBeNull()
  })
})

describe.each(ENGINES)('Postgres accepts the escaped form on %s', (engine) => {
  let handle: DbHandle
  beforeAll(async () => {
    handle = await openTestDb(engine)
    await handle.db.execute(sql`create table pg_text_probe (id serial primary key, t text, j jsonb)`)
  })
  afterAll(async () => handle?.close())

  it('stores any string in text and jsonb and gives back the original', async () => {
    await fc.assert(
      fc.asyncProperty(anyJsString, anyJsString, async (s, key) => {
        const text = encodePgText(s)
        const json = JSON.stringify(encodePgJson({ [`k:${key}`]: s, list: [s] }))
        const [row] = await queryRows<{ t: string; j: Record<string, unknown> }>(
          handle.db,
          sql`insert into pg_text_probe (t, j) values (${text}, ${json}::jsonb) returning t, j`,
        )
        expect(decodePgText(row?.t ?? null)).toBe(s)
        expect(decodePgJson(row?.j)).toEqual({ [`k:${key}`]: s, list: [s] })
      }),
      { numRuns: 300 },
    )
  })
})
