import { type SQL, sql } from 'drizzle-orm'

/**
 * A report's period: whole local days `from`..`to` (inclusive) in `timeZone`. Rollup buckets are
 * UTC quarter hours, and every zone's offset is a multiple of 15 minutes, so local days and hours
 * are exact unions of buckets, DST days included (23 or 25 hours long).
 */
export interface ReportPeriod {
  workspaceId: string
  from: string
  to: string
  timeZone: string
}

/** The instant local midnight of `from` begins, as SQL. */
export const periodStart = (p: ReportPeriod): SQL =>
  sql`(${p.from}::date::timestamp at time zone ${p.timeZone})`

/** The instant local midnight after `to` begins (exclusive end), as SQL. */
export const periodEnd = (p: ReportPeriod): SQL =>
  sql`((${p.to}::date + 1)::timestamp at time zone ${p.timeZone})`

/** An instant's local calendar day as `YYYY-MM-DD` text. */
export const localDay = (at: SQL, timeZone: string): SQL =>
  sql`to_char((${at}) at time zone ${timeZone}, 'YYYY-MM-DD')`

/** The Monday of an instant's local ISO week as `YYYY-MM-DD` text. */
export const localWeek = (at: SQL, timeZone: string): SQL =>
  sql`to_char(date_trunc('week', (${at}) at time zone ${timeZone}), 'YYYY-MM-DD')`

/** Whole days between two `YYYY-MM-DD` dates, counting both ends. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
}

/** `YYYY-MM-DD` plus `days`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** The local calendar day of an instant in a zone, as `YYYY-MM-DD`. */
export function localDate(at: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at)
}
