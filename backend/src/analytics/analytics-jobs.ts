import type { Executor } from '../db/client'
import type { ScheduledJob } from '../jobs/scheduler'
import { complaintStreak, slowAgents, storeAlerts, syncFailures } from './alert-rules'
import { intentConversion } from './intent-conversion-rule'
import { addDays, localDate } from './report-period'
import { snapshotWeek } from './weekly-reports'
import { analyticsContext } from './workspace-context'

/** Shortly after local midnight: yesterday's complaint streak and CRM sync success. */
export const DAILY_SCHEDULE = '10 0 * * *'
/** Monday shortly after midnight: last week's agent medians, intent conversions and the weekly report snapshot. */
export const WEEKLY_SCHEDULE = '20 0 * * 1'

/** The local day before the one `at` falls on. */
const dayBefore = (at: Date, timeZone: string) => addDays(localDate(at, timeZone), -1)

export function analyticsJobs(db: Executor): ScheduledJob[] {
  return [
    {
      name: 'analytics-daily-alerts',
      schedule: DAILY_SCHEDULE,
      async run({ workspaceId, scheduledFor }) {
        const { timeZone, settings } = await analyticsContext(db, workspaceId)
        const day = dayBefore(scheduledFor, timeZone)
        await storeAlerts(db, workspaceId, [
          ...(await complaintStreak(db, workspaceId, day, timeZone, settings)),
          ...(await syncFailures(db, workspaceId, day, timeZone, settings)),
        ])
      },
    },
    {
      name: 'analytics-weekly',
      schedule: WEEKLY_SCHEDULE,
      async run({ workspaceId, scheduledFor }) {
        const { timeZone, settings } = await analyticsContext(db, workspaceId)
        const weekStart = addDays(localDate(scheduledFor, timeZone), -7)
        await storeAlerts(db, workspaceId, [
          ...(await slowAgents(db, workspaceId, weekStart, timeZone, settings)),
          ...(await intentConversion(db, workspaceId, weekStart, timeZone, settings)),
        ])
        await snapshotWeek(db, workspaceId, weekStart, timeZone, settings)
      },
    },
  ]
}
