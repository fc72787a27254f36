import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../../backend/src/outbound/personalise/languages'
import {
  type CalendarDate,
  calendarDateIn,
  dayNumber,
  formatRelativeDate,
  type RelativeDistance,
  relativeDistance,
  toCalendarDate,
} from '../../../backend/src/outbound/personalise/relative-date'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const ZONES = [
  'UTC',
  'America/Sao_Paulo',
  'Europe/Madrid',
  'Asia/Shanghai',
  'Pacific/Kiritimati',
  'America/Adak',
]
const UNITS = ['day', 'week', 'month', 'year'] as const

const at = (iso: string) => new Date(iso)
const instant = fc.date({
  min: at('1900-01-01T00:00:00Z'),
  max: at('2200-01-01T00:00:00Z'),
  noInvalidDate: true,
})
const zone = fc.constantFrom(...ZONES)
const language = fc.constantFrom(...LANGUAGES)

/** How far a distance reads: a larger unit is further, then a larger count. */
const reach = (d: RelativeDistance) => [UNITS.indexOf(d.unit), Math.abs(d.value)] as const
const notFurther = (a: RelativeDistance, b: RelativeDistance) => {
  const [ua, va] = reach(a)
  const [ub, vb] = reach(b)
  return ua < ub || (ua === ub && va <= vb)
}

describe('relative dates', () => {
  it.each([
    [
      'en',
      [
        'today',
        'yesterday',
        '3 days ago',
        '2 weeks ago',
        '2 months ago',
        '1 year ago',
        'tomorrow',
        'in 3 days',
      ],
    ],
    ['pt', ['hoje', 'ontem', 'há 3 dias', 'há 2 semanas', 'há 2 meses', 'há 1 ano', 'amanhã', 'em 3 dias']],
    [
      'es',
      [
        'hoy',
        'ayer',
        'hace 3 días',
        'hace 2 semanas',
        'hace 2 meses',
        'hace 1 año',
        'mañana',
        'dentro de 3 días',
      ],
    ],
    ['zh', ['今天', '昨天', '3天前', '2周前', '2个月前', '1年前', '明天', '3天后']],
  ] as const)('speaks %s', (lang, expected) => {
    const now = at('2024-05-10T15:00:00Z')
    const dates = [
      '2024-05-10',
      '2024-05-09',
      '2024-05-07',
      '2024-04-24',
      '2024-03-02',
      '2023-04-30',
      '2024-05-11',
      '2024-05-13',
    ]
    const said = dates.map((d) => formatRelativeDate(d, { now, timeZone: 'UTC', language: lang }))
    expect(said).toEqual(expected)
  })

  it('picks days, then weeks, whole months and years at the thresholds', () => {
    const today = { year: 2024, month: 5, day: 31 }
    const from = (date: string) => relativeDistance(toCalendarDate(date, 'UTC') as CalendarDate, today)
    expect(from('2024-05-25')).toEqual({ unit: 'day', value: -6 })
    expect(from('2024-05-24')).toEqual({ unit: 'week', value: -1 })
    expect(from('2024-05-02')).toEqual({ unit: 'week', value: -4 })
    expect(from('2024-05-01')).toEqual({ unit: 'month', value: -1 })
    expect(from('2023-06-01')).toEqual({ unit: 'month', value: -11 })
    expect(from('2023-05-31')).toEqual({ unit: 'year', value: -1 })
    expect(from('2021-06-01')).toEqual({ unit: 'year', value: -2 })
    expect(from('2024-07-01')).toEqual({ unit: 'month', value: 1 })
  })

  it('counts calendar days where the workspace is, not UTC dates', () => {
    const sp = { timeZone: 'America/Sao_Paulo', language: 'pt' as const }
    // 23:50 yesterday in São Paulo is already today's date in UTC.
    expect(
      formatRelativeDate('2024-05-10T23:50:00-03:00', { ...sp, now: at('2024-05-11T12:00:00-03:00') }),
    ).toBe('ontem')
    expect(
      formatRelativeDate('2024-05-10T23:50:00-03:00', {
        ...sp,
        timeZone: 'UTC',
        now: at('2024-05-11T12:00:00-03:00'),
      }),
    ).toBe('hoje')
    // And the other way round: two UTC dates, one São Paulo day.
    expect(formatRelativeDate('2024-05-10T11:00:00Z', { ...sp, now: at('2024-05-11T02:00:00Z') })).toBe(
      'hoje',
    )
    // A date without a time is the day the CRM wrote, in any zone.
    expect(formatRelativeDate('2024-05-10', { ...sp, now: at('2024-05-11T02:30:00Z') })).toBe('hoje')
    expect(
      formatRelativeDate('2024-05-10', { ...sp, timeZone: 'Asia/Shanghai', now: at('2024-05-11T02:30:00Z') }),
    ).toBe('ontem')
  })

  it('counts days across daylight-saving changes', () => {
    const es = (target: string, now: string) =>
      formatRelativeDate(target, { now: at(now), timeZone: 'Europe/Madrid', language: 'es' })
    // Spring forward (2024-03-31): exactly 24 h apart, but two calendar days.
    expect(es('2024-03-30T23:30:00+01:00', '2024-04-01T00:30:00+02:00')).toBe('anteayer')
    // Fall back (2024-10-27): 25 h apart, one calendar day.
    expect(es('2024-10-26T23:30:00+02:00', '2024-10-27T23:30:00+01:00')).toBe('ayer')
    // São Paulo's clocks jumped from 00:00 to 01:00 on 2018-11-04: one hour apart, yet yesterday.
    expect(
      formatRelativeDate('2018-11-03T23:30:00-03:00', {
        now: at('2018-11-04T01:30:00-02:00'),
        timeZone: 'America/Sao_Paulo',
        language: 'en',
      }),
    ).toBe('yesterday')
  })

  it('reads dates, date-times with and without offsets, epoch milliseconds; rejects the rest', () => {
    expect(toCalendarDate('2024-02-29', 'UTC')).toEqual({ year: 2024, month: 2, day: 29 })
    expect(toCalendarDate('2024-05-10T23:30:00', 'Asia/Shanghai')).toEqual({ year: 2024, month: 5, day: 10 })
    expect(toCalendarDate('2024-05-10T23:30:00.123+0000', 'Asia/Shanghai')).toEqual({
      year: 2024,
      month: 5,
      day: 11,
    })
    expect(toCalendarDate('2024-05-10 20:00-03', 'UTC')).toEqual({ year: 2024, month: 5, day: 10 })
    expect(toCalendarDate(Date.UTC(2024, 4, 10, 23, 30), 'Asia/Shanghai')).toEqual({
      year: 2024,
      month: 5,
      day: 11,
    })
    for (const bad of [
      '2023-02-29',
      '2024-13-01',
      '2024-05-10T25:00:00Z',
      'last tuesday',
      '',
      '10/05/2024',
      NaN,
      null,
      {},
    ])
      expect(toCalendarDate(bad, 'UTC')).toBeNull()
    expect(formatRelativeDate('soon', { now: new Date(), timeZone: 'UTC', language: 'en' })).toBeNull()
  })

  it('always says something, in every language and zone', () => {
    fc.assert(
      fc.property(instant, instant, zone, language, (target, now, timeZone, lang) => {
        const said = formatRelativeDate(target, { now, timeZone, language: lang })
        expect(typeof said).toBe('string')
        expect((said as string).trim().length).toBeGreaterThan(0)
        expect(said).not.toMatch(/NaN|undefined|Infinity/)
      }),
    )
  })

  it('never reads a later past date (or an earlier future date) as further away', () => {
    fc.assert(
      fc.property(instant, instant, instant, zone, (x, y, now, timeZone) => {
        const today = calendarDateIn(now, timeZone) as CalendarDate
        const [a, b] = x <= y ? [x, y] : [y, x]
        const da = relativeDistance(calendarDateIn(a, timeZone) as CalendarDate, today)
        const db = relativeDistance(calendarDateIn(b, timeZone) as CalendarDate, today)
        if (b <= now) expect(notFurther(db, da)).toBe(true)
        if (a >= now) expect(notFurther(da, db)).toBe(true)
        expect(Math.sign(da.value)).toBe(
          Math.sign(dayNumber(calendarDateIn(a, timeZone) as CalendarDate) - dayNumber(today)),
        )
      }),
    )
  })

  it('counts exact calendar days across DST changes in São Paulo (until 2019) and Madrid', () => {
    // An instant on local day D: midnight of D at the zone's standard offset plus under 23 h stays
    // on D whether or not summer time (one hour more) is in force.
    const places = [
      { timeZone: 'America/Sao_Paulo', standardOffsetHours: -3 },
      { timeZone: 'Europe/Madrid', standardOffsetHours: 1 },
    ]
    const day = fc.integer({
      min: dayNumber({ year: 2008, month: 1, day: 1 }),
      max: dayNumber({ year: 2026, month: 12, day: 31 }),
    })
    const timeOfDay = fc.integer({ min: 0, max: 23 * HOUR - 1 })
    fc.assert(
      fc.property(
        fc.constantFrom(...places),
        day,
        timeOfDay,
        fc.integer({ min: -6, max: 6 }),
        timeOfDay,
        (p, d, t1, k, t2) => {
          const onDay = (n: number, t: number) => new Date(n * DAY - p.standardOffsetHours * HOUR + t)
          const target = calendarDateIn(onDay(d + k, t1), p.timeZone) as CalendarDate
          const today = calendarDateIn(onDay(d, t2), p.timeZone) as CalendarDate
          expect(dayNumber(target)).toBe(d + k)
          expect(relativeDistance(target, today)).toEqual({ unit: 'day', value: k })
        },
      ),
      { numRuns: 500 },
    )
  })

  it('takes a CRM date as written, whatever the zone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: at('1000-01-01T00:00:00Z'), max: at('2999-12-31T00:00:00Z'), noInvalidDate: true }),
        zone,
        (d, timeZone) => {
          const date = d.toISOString().slice(0, 10)
          const parsed = toCalendarDate(date, timeZone) as CalendarDate
          expect(
            [parsed.year, parsed.month, parsed.day]
              .map((n, i) => String(n).padStart(i ? 2 : 4, '0'))
              .join('-'),
          ).toBe(date)
        },
      ),
    )
  })
})
