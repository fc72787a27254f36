import fc from 'fast-check'
import { type CountryCode, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max'
import examples from 'libphonenumber-js/mobile/examples'
import { describe, expect, it } from 'vitest'
import { e164ToWaId, isE164, toE164, waIdToE164 } from '../../shared/src/phone'

const COUNTRIES: CountryCode[] = [
  'US',
  'CA',
  'BR',
  'MX',
  'AR',
  'CO',
  'CL',
  'PE',
  'GB',
  'DE',
  'FR',
  'ES',
  'IT',
  'NL',
  'PL',
  'CH',
  'RU',
  'TR',
  'IN',
  'ID',
  'CN',
  'HK',
  'SG',
  'JP',
  'KR',
  'AU',
  'NG',
  'ZA',
  'EG',
  'SA',
  'AE',
  'IL',
]
const E164_SHAPE = /^\+[1-9]\d{5,14}$/

/** A valid mobile number of one of the countries: its example with the last digits replaced. */
const validNumber = fc
  .record({
    country: fc.constantFrom(...COUNTRIES),
    tail: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 4 }),
  })
  .map(({ country, tail }) => {
    const example = getExampleNumber(country, examples)
    if (!example) throw new Error(`no example number for ${country}`)
    const national = example.nationalNumber.slice(0, -tail.length) + tail.join('')
    return { country, parsed: parsePhoneNumberFromString(national, country) }
  })
  .filter(({ parsed }) => parsed?.isValid() === true)
  .map(({ country, parsed }) => ({
    country,
    number: parsed?.number as string,
    parsed: parsed as NonNullable<typeof parsed>,
  }))

/** Strings that look like someone typed a phone number, with the usual punctuation. */
const phoneLike = fc
  .array(fc.constantFrom(...'0123456789', '+', ' ', '-', '(', ')', '.', '/'), { maxLength: 24 })
  .map((chars) => chars.join(''))
/** Mostly digits, 6 to 16 of them, maybe with "+" and separators: often a possible number. */
const digitRun = fc
  .tuple(
    fc.constantFrom('', '+', '00', '0'),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom('', '', '', ' ', '-', '.')), {
      minLength: 6,
      maxLength: 16,
    }),
  )
  .map(([prefix, digits]) => prefix + digits.map(([d, sep]) => `${d}${sep}`).join(''))
const anyInput = fc.oneof(
  phoneLike,
  digitRun,
  fc.string(),
  fc.string({ unit: 'binary' }),
  validNumber.map((v) => v.parsed.formatNational()),
)
const anyRegion = fc.option(
  fc.oneof(
    fc.constantFrom(...COUNTRIES),
    fc.string({ maxLength: 3 }),
    fc.constantFrom('__proto__', 'constructor', 'us', ''),
  ),
  { nil: undefined },
)

describe('toE164', () => {
  it('is idempotent: its output normalises to itself under any region', () => {
    fc.assert(
      fc.property(anyInput, anyRegion, anyRegion, (raw, region, otherRegion) => {
        const once = toE164(raw, region)
        if (once === null) return
        expect(toE164(once)).toBe(once)
        expect(toE164(once, otherRegion)).toBe(once)
        expect(toE164(` ${once} `, region)).toBe(once)
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws, and answers null or "+" and digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), phoneLike, digitRun), anyRegion, (raw, region) => {
        const result = toE164(raw, region)
        expect(result === null || /^\+[1-9]\d{5,14}$/.test(result)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('returns null for strings without a digit, longer than 40 characters, or with too few digits', () => {
    const noDigit = fc.string({ unit: 'binary' }).filter((s) => !/\p{Nd}/u.test(s))
    const tooLong = fc
      .tuple(validNumber, fc.string({ minLength: 41, maxLength: 60 }))
      .map(([v, pad]) => `${v.number}${pad.replace(/\s/g, '-')}`)
    const tooShort = fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 4 }).map((d) => `+${d.join('')}`)
    fc.assert(
      fc.property(fc.oneof(noDigit, tooLong, tooShort), anyRegion, (raw, region) => {
        expect(toE164(raw, region)).toBeNull()
      }),
      { numRuns: 2000 },
    )
  })

  it('reads national and international notations of a valid number as the same E.164', () => {
    fc.assert(
      fc.property(validNumber, ({ country, number, parsed }) => {
        expect(number).toMatch(E164_SHAPE)
        expect(toE164(number)).toBe(number)
        expect(toE164(parsed.formatNational(), country)).toBe(number)
        expect(toE164(parsed.formatInternational())).toBe(number)
        expect(toE164(parsed.formatInternational(), 'US')).toBe(number)
        expect(isE164(number)).toBe(true)
      }),
    )
  })
})

describe('waIdToE164 and e164ToWaId', () => {
  it('round-trip every valid number', () => {
    fc.assert(
      fc.property(validNumber, ({ number }) => {
        const waId = e164ToWaId(number)
        expect(waId).toMatch(/^[1-9]\d{5,14}$/)
        expect(waIdToE164(waId)).toBe(number)
        expect(waIdToE164(` ${waId} `)).toBe(number)
      }),
    )
  })

  it('never throws, and refuses anything but 6 to 15 digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), phoneLike), (raw) => {
        if (!/^\d{6,15}$/.test(raw.trim())) expect(waIdToE164(raw)).toBeNull()
        else expect(waIdToE164(raw) ?? '+0').toMatch(/^\+\d+$/)
      }),
      { numRuns: 2000 },
    )
  })

  it('refuses a "+" or a formatted number as a wa_id', () => {
    fc.assert(
      fc.property(validNumber, ({ number, parsed }) => {
        expect(waIdToE164(number)).toBeNull()
        expect(waIdToE164(parsed.formatInternational())).toBeNull()
      }),
    )
  })
})

describe('numbers that only look possible', () => {
  it('refuses results that are too long or read as another number when parsed again', () => {
    expect(toE164('000000000000', 'NG')).toBeNull()
    expect(toE164('011 15-2345-6780', 'CN')).toBeNull()
    expect(toE164('10000000000000', 'JP')).toBeNull()
    expect(toE164('20100000000000', 'DE')).toBeNull()
    expect(waIdToE164('4300000')).toBeNull()
  })
})
