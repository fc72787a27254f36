import { eq } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { workspaces } from '../db/schema'
import { usableTimeZone } from '../jobs/schedule'
import { NotFoundError } from '../lib/errors'
import { localeOf } from '../outbound/personalise/locale-settings'
import { type AnalyticsSettings, analyticsOf } from './analytics-settings'

/** What reports and rules read from a workspace: its time zone (locale settings) and analytics settings. */
export async function analyticsContext(
  db: Executor,
  workspaceId: string,
): Promise<{ timeZone: string; settings: AnalyticsSettings }> {
  const [ws] = await db
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
  if (!ws) throw new NotFoundError('No such workspace.')
  return { timeZone: usableTimeZone(localeOf(ws.settings).time_zone), settings: analyticsOf(ws.settings) }
}
