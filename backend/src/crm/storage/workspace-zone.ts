import { eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { workspaces } from '../../db/schema'
import { localeOf } from '../../outbound/personalise'

/** The workspace's time zone (its locale settings; UTC when unset): the storage months follow it. */
export async function workspaceTimeZone(db: Executor, workspaceId: string): Promise<string> {
  const [row] = await db
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
  return localeOf(row?.settings ?? {}).time_zone
}
