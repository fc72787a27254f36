import { INTL_LOCALE, type Language } from './languages'

/**
 * Colloquial relative dates ("yesterday", "há 3 dias", "hace 2 semanas", "3天前") for quick
 * replies. Intl.RelativeTimeFormat writes the words; what it cannot do is decide how far away a
 * date is, because people count calendar days where they live: 23:50 yesterday in São Paulo is
 * "yesterday" even when it is the same UTC date. So the distance is counted between calendar
 * dates in the workspace's time zone (read with Intl.DateTimeFormat, which knows every DST rule),
 * never by dividing milliseconds. The day arithmetic is a few lines on proleptic Gregorian day
 * numbers, which keeps a date library (and its own time zone data) out of the backend.
 */

/** A date on the calendar, with no time and no zone. `month` is 1..12. */
export interface CalendarDate {
  year: number
  month: number
  day: number
}

export type RelativeUnit = 'day' | 'week' | 'month' | 'year'

/** How far a date is from today: negative in the past, positive in the future. */
export interface RelativeDistance {
  unit: RelativeUnit
  value: number
}

const DAY_MS = 86_400_000

const dayFormatters = new Map<string, Intl.DateTimeFormat>()

/** The calendar date an instant falls on in a time zone; null for an invalid instant or zone. */
export function calendarDateIn(instant: Date, timeZone: string): CalendarDate | null {
  if (Number.isNaN(instant.getTime())) return null
  let format = dayFormatters.get(timeZone)
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        era: 'short',
      })
    } catch {
      return null
    }
    dayFormatters.set(timeZone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]))
  const year = Number(parts.year)
  // Intl writes years before 1 AD as "n BC"; the proleptic year then is 1 - n.
  const signedYear = /^B/i.test(parts.era ?? '') ? 1 - year : year
  return { year: signedYear, month: Number(parts.month), day: Number(parts.day) }
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian, any year). */
export function dayNumber(date: CalendarDate): number {
  const d = new Date(0)
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  d.setUTCFullYear(date.year, date.month - 1, date.day)
  return Math.round(d.getTime() / DAY_MS)
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i

/**
 * The calendar date a stored value means in the workspace's time zone. A date alone
 * ("2024-05-10", what CRMs keep for "last purchase") and a date-time without an offset are wall
 * dates and are taken as written; a date-time with an offset or Z, an epoch-milliseconds number
 * or a Date is an instant and is read in the time zone. Anything else is null, so a malformed CRM
 * value becomes a missing variable instead of "NaN days ago".
 */
export function toCalendarDate(value: unknown, timeZone: string): CalendarDate | null {
  if (value instanceof Date) return calendarDateIn(value, timeZone)
  if (typeof value === 'number')
    return Number.isFinite(value) ? calendarDateIn(new Date(value), timeZone) : null
  if (typeof value !== 'string') return null
  const m = ISO.exec(value.trim())
  if (!m) return null
  const [, y, mo, d, hh, mm, ss, zone] = m
  const date = { year: Number(y), month: Number(mo), day: Number(d) }
  if (!isRealDate(date)) return null
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) return null
  if (!zone) return date
  const offset =
    zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(3).replace(':', '') || '00'}`
  return calendarDateIn(new Date(`${y}-${mo}-${d}T${hh}:${mm}:${ss ?? '00'}${offset}`), timeZone)
}

function isRealDate(date: CalendarDate): boolean {
  if (date.month < 1 || date.month > 12 || date.day < 1) return false
  const back = new Date(0)
  back.setUTCFullYear(date.year, date.month - 1, date.day)
  return back.getUTCMonth() === date.month - 1 && back.getUTCDate() === date.day
}

/** Whole calendar months from `from` to a later `to` (a month is complete on the same day number). */
function fullMonthsBetween(from: CalendarDate, to: CalendarDate): number {
  return (to.year - from.year) * 12 + (to.month - from.month) - (to.day < from.day ? 1 : 0)
}

/**
 * The unit a person would use: days up to 6 ("anteontem", "5 days ago"), weeks below 30 days,
 * whole calendar months below a year, then years. Each step only grows as the date moves away,
 * so a later past date never reads as further away than an earlier one.
 */
export function relativeDistance(target: CalendarDate, today: CalendarDate): RelativeDistance {
  const days = dayNumber(target) - dayNumber(today)
  const sign = days < 0 ? -1 : 1
  const n = Math.abs(days)
  if (n <= 6) return { unit: 'day', value: days }
  if (n < 30) return { unit: 'week', value: sign * Math.floor(n / 7) }
  const [earlier, later] = days < 0 ? [target, today] : [today, target]
  const months = Math.max(1, fullMonthsBetween(earlier, later))
  if (months < 12) return { unit: 'month', value: sign * months }
  return { unit: 'year', value: sign * Math.floor(months / 12) }
}

const wordFormatters = new Map<string, Intl.RelativeTimeFormat>()

/**
 * The distance in words. Days use `numeric: 'auto'` ("yesterday", "ontem", "ayer", "昨天",
 * "anteontem"); weeks, months and years are counted from the date, not from calendar weeks or
 * months, so they say "1 week ago" rather than "last week" (which would name a calendar period).
 */
export function formatDistance(distance: RelativeDistance, language: Language): string {
  const numeric = distance.unit === 'day' ? 'auto' : 'always'
  const cacheKey = `${language}:${numeric}`
  let format = wordFormatters.get(cacheKey)
  if (!format) {
    format = new Intl.RelativeTimeFormat(INTL_LOCALE[language], { numeric, style: 'long' })
    wordFormatters.set(cacheKey, format)
  }
  return format.format(distance.value, distance.unit)
}

export interface RelativeDateOptions {
  now: Date
  timeZone: string
  language: Language
}

/** "3 days ago" / "há 3 dias" / "hace 3 días" / "3天前" for a stored date, or null if it is not one. */
export function formatRelativeDate(value: unknown, options: RelativeDateOptions): string | null {
  const target = toCalendarDate(value, options.timeZone)
  const today = calendarDateIn(options.now, options.timeZone)
  if (!target || !today) return null
  return formatDistance(relativeDistance(target, today), options.language)
}
