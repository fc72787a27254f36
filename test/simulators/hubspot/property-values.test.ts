import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultProperties } from './default-properties'
import { checkValue, parseTimestamp } from './property-values'
import type { SimProperty } from './types'

const base = defaultProperties('contacts', new Date(0).toISOString())[0]
const prop = (p: Partial<SimProperty>): SimProperty => ({ ...base, name: 'x', ...p })
const DATETIME = prop({ type: 'datetime', fieldType: 'date' })
const DATE = prop({ type: 'date', fieldType: 'date' })
const NUMBER = prop({ type: 'number', fieldType: 'number' })
const OPTIONS = ['a', 'b', 'c', 'd']
const CHECKBOX = prop({
  type: 'enumeration',
  fieldType: 'checkbox',
  options: OPTIONS.map((value, displayOrder) => ({ value, label: value, displayOrder, hidden: false })),
})

const ms = fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) })

describe('property value normalisation', () => {
  it('stores a datetime given as epoch ms or ISO 8601 as the same ISO string', () => {
    fc.assert(
      fc.property(ms, (t) => {
        const iso = new Date(t).toISOString()
        const fromMs = checkValue(DATETIME, String(t))
        const fromIso = checkValue(DATETIME, iso)
        expect(fromMs).toEqual({ ok: true, value: iso })
        expect(fromIso).toEqual(fromMs)
        expect(parseTimestamp(iso)).toBe(t)
      }),
    )
  })

  it('accepts a date exactly at UTC midnight and refuses any other time of day with INVALID_DATE', () => {
    fc.assert(
      fc.property(ms, (t) => {
        const midnight = t - (t % 86_400_000)
        expect(checkValue(DATE, String(midnight))).toEqual({
          ok: true,
          value: new Date(midnight).toISOString().slice(0, 10),
        })
        const result = checkValue(DATE, String(t))
        if (t !== midnight) expect(result).toMatchObject({ ok: false, problem: { error: 'INVALID_DATE' } })
      }),
    )
  })

  it('keeps decimal numbers as written and refuses anything else with INVALID_INTEGER', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 })),
        (n) => {
          const text = Number.isInteger(n) ? String(n) : n.toFixed(4)
          expect(checkValue(NUMBER, text)).toEqual({ ok: true, value: text })
        },
      ),
    )
    fc.assert(
      fc.property(
        fc.string().filter((s) => s.trim() !== '' && !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s.trim())),
        (s) => {
          expect(checkValue(NUMBER, s)).toMatchObject({ ok: false, problem: { error: 'INVALID_INTEGER' } })
        },
      ),
    )
  })

  it('accepts any set of checkbox options joined by ";" and refuses one unknown value', () => {
    fc.assert(
      fc.property(fc.subarray(OPTIONS, { minLength: 1 }), fc.string({ minLength: 1 }), (picked, extra) => {
        expect(checkValue(CHECKBOX, picked.join(';'))).toEqual({ ok: true, value: picked.join(';') })
        if (!OPTIONS.includes(extra) && !extra.includes(';')) {
          expect(checkValue(CHECKBOX, [...picked, extra].join(';'))).toMatchObject({
            ok: false,
            problem: { error: 'INVALID_OPTION' },
          })
        }
      }),
    )
  })

  it('clears the property on an empty string or null, whatever the type', () => {
    for (const p of [DATETIME, DATE, NUMBER, CHECKBOX]) {
      expect(checkValue(p, '')).toEqual({ ok: true, value: null })
      expect(checkValue(p, null)).toEqual({ ok: true, value: null })
    }
  })
})
