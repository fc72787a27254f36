/**
 * The storage budget's calendar: months in the workspace's time zone, and the projection of a
 * month's use at its rate so far. Pure functions; the comparisons are in integers (BigInt), so
 * exactly the budget is not over it.
 */

const DAY_MS = 86_400_000

/** `YYYY-MM` of an instant in a zone. */
export function monthOf(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(at)
  const year = parts.find((p) => p.type === 'year')?.value
  const month = parts.find((p) => p.type === 'month')?.value
  return `${year}-${month}`
}

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetMs(at: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '')
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return (match[1] === '-' ? -1 : 1) * minutes * 60_000
}

/** The instant local midnight starts the first day of `YYYY-MM` in the zone. */
export function monthStart(month: string, timeZone: string): Date {
  const wall = Date.parse(`${month}-01T00:00:00Z`)
  // Two passes settle the offset where it differs between the guess and the answer (DST edges).
  let at = wall - offsetMs(new Date(wall), timeZone)
  at = wall - offsetMs(new Date(at), timeZone)
  return new Date(at)
}

/** Where `now` stands in its month: the month, its length and the time gone, in ms. */
export function monthProgress(now: Date, timeZone: string) {
  const month = monthOf(now, timeZone)
  const start = monthStart(month, timeZone).getTime()
  const end = monthStart(nextMonth(month), timeZone).getTime()
  return { month, lengthMs: end - start, elapsedMs: now.getTime() - start }
}

/**
 * The month's use at the rate so far: used × length / elapsed. The elapsed time counts as at
 * least one day, so the first writes of a month (a minute after midnight) project as a day's
 * use spread over the month, not as a minute's.
 */
export function projectMonth(used: number, progress: { lengthMs: number; elapsedMs: number }): number {
  const elapsed = Math.min(progress.lengthMs, Math.max(progress.elapsedMs, DAY_MS))
  return Math.round((used * progress.lengthMs) / elapsed)
}

/** `basisPoints` of `capacity` (500 = 5 %), rounded down. */
export function budgetOf(capacity: number, basisPoints: number): number {
  return Math.floor((capacity * basisPoints) / 10_000)
}

/**
 * Whether the projection is over the budget, exactly: used × length / elapsed > capacity × bp /
 * 10,000, cross-multiplied in BigInt so neither rounding nor float error moves the edge.
 */
export function projectedOverBudget(
  used: number,
  progress: { lengthMs: number; elapsedMs: number },
  capacity: number,
  basisPoints: number,
): boolean {
  const elapsed = Math.min(progress.lengthMs, Math.max(progress.elapsedMs, DAY_MS))
  return (
    BigInt(Math.round(used)) * BigInt(Math.round(progress.lengthMs)) * 10_000n >
    BigInt(Math.round(capacity)) * BigInt(Math.round(basisPoints)) * BigInt(Math.round(elapsed))
  )
}
