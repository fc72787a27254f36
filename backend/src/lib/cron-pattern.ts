import { Cron } from 'croner'

/**
 * True for a five-field cron pattern ("0 * * * *": minute, hour, day of month, month, weekday).
 * Here, at the bottom, so the config can check a schedule without importing the scheduler.
 */
export function isCronPattern(pattern: string): boolean {
  try {
    // paused: only parsed, never run.
    new Cron(pattern, { timezone: 'UTC', paused: true, mode: '5-part' })
    return true
  } catch {
    return false
  }
}
