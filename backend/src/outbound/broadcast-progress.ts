import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { type Broadcast, broadcasts, sendJobs } from '../db/schema'
import { NotFoundError } from '../lib/errors'

/** What admins watch of broadcasts: one with its jobs by state, and the workspace's list. */

export async function broadcastProgress(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(broadcasts)
    .where(and(eq(broadcasts.id, id), eq(broadcasts.workspaceId, workspaceId)))
  if (!row) throw new NotFoundError('No such broadcast in this workspace.')
  const jobs = (await jobCounts(db, [id])).get(id) ?? {}
  return { row: await settle(db, row, jobs), jobs }
}

/** Jobs by state of each broadcast, one grouped statement. */
async function jobCounts(db: Database, ids: string[]): Promise<Map<string, Record<string, number>>> {
  const byBroadcast = new Map<string, Record<string, number>>()
  if (ids.length === 0) return byBroadcast
  const counts = await db
    .select({ broadcastId: sendJobs.broadcastId, state: sendJobs.state, n: sql<number>`count(*)::int` })
    .from(sendJobs)
    .where(inArray(sendJobs.broadcastId, ids))
    .groupBy(sendJobs.broadcastId, sendJobs.state)
  for (const c of counts) {
    if (!c.broadcastId) continue
    const jobs = byBroadcast.get(c.broadcastId) ?? {}
    jobs[c.state] = Number(c.n)
    byBroadcast.set(c.broadcastId, jobs)
  }
  return byBroadcast
}

/**
 * A running broadcast whose recipients are all queued and whose jobs have all finished is
 * completed; recorded when someone looks, as nothing else watches the last job finish.
 */
async function settle(db: Database, row: Broadcast, jobs: Record<string, number>): Promise<Broadcast> {
  const open = (jobs.queued ?? 0) + (jobs.held ?? 0) + (jobs.sending ?? 0) + (jobs.unknown ?? 0)
  if (row.state !== 'running' || !row.expandedAt || open > 0) return row
  await db
    .update(broadcasts)
    .set({ state: 'completed', updatedAt: new Date() })
    .where(and(eq(broadcasts.id, row.id), eq(broadcasts.state, 'running')))
  return { ...row, state: 'completed' }
}

/**
 * One page of the workspace's broadcasts, newest first, each with its jobs by state. `before`
 * is the last row of the previous page (created_at, id), so pages do not shift as new ones start.
 */
export async function listBroadcasts(
  db: Database,
  workspaceId: string,
  page: { limit: number; before?: { createdAt: Date; id: string } },
) {
  // created_at holds microseconds, a cursor milliseconds: both order and compare at milliseconds,
  // so a row in the same millisecond as the cursor is neither skipped nor shown twice.
  const at = sql`date_trunc('milliseconds', ${broadcasts.createdAt})`
  const rows = await db
    .select()
    .from(broadcasts)
    .where(
      and(
        eq(broadcasts.workspaceId, workspaceId),
        page.before
          ? sql`(${at}, ${broadcasts.id}) < (${page.before.createdAt.toISOString()}::timestamptz, ${page.before.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(at), desc(broadcasts.id))
    .limit(page.limit)
  const counts = await jobCounts(
    db,
    rows.map((r) => r.id),
  )
  return Promise.all(
    rows.map(async (row) => {
      const jobs = counts.get(row.id) ?? {}
      return { row: await settle(db, row, jobs), jobs }
    }),
  )
}
