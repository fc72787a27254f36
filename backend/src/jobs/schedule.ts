import { Cron } from 'croner'

/**
 * Cron schedules, read by croner: maintained, no dependencies, Node ≥ 18, time zones through Intl
 * (so DST gaps and repeats follow the zone's own rules). See docs/adr/002-jobs-and-scheduler.md.
 */

const parsed = new Map<string, Cron>()

function cronOf(pattern: string, timeZone: string): Cron {
  const key = `${timeZone} ${pattern}`
  let cron = parsed.get(key)
  if (!cron) {
    // paused: croner only computes dates here; our loop, not croner's timers, runs the jobs.
    cron = new Cron(pattern, { timezone: timeZone, paused: true, mode: '5-part' })
    parsed.set(key, cron)
  }
  return cron
}

/** A zone Intl knows, else UTC: a stored zone that no longer parses must not stop the schedule. */
export function usableTimeZone(zone: string | null | undefined): string {
  if (!zone) return 'UTC'
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return zone
  } catch {
    return 'UTC'
  }
}

/** The first slot strictly after `after`, in `timeZone`. */
export function nextSlot(pattern: string, timeZone: string, after: Date): Date | null {
  return cronOf(pattern, timeZone).nextRun(after)
}

/**
 * The slot a scheduler should run at `now`: the latest one at or before `now` and after `after`
 * (the last slot that ran). Missed slots in between are not returned one by one: after downtime
 * the job catches up once.
 */
export function dueSlot(pattern: string, timeZone: string, after: Date, now: Date): Date | null {
  const [latest] = cronOf(pattern, timeZone).previousRuns(1, new Date(now.getTime() + 1))
  return latest && latest.getTime() > after.getTime() ? latest : null
}
