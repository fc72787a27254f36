import { and, desc, eq, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { type AlertRule, type AnalyticsAlert, analyticsAlerts } from '../db/schema'
import { NotFoundError } from '../lib/errors'

export interface AlertFilter {
  workspaceId: string
  state: 'open' | 'resolved' | 'all'
  rule?: AlertRule
  /** Raised before this alert (its raised_at and id), for the next page. */
  before?: { raisedAt: Date; id: string }
  limit: number
}

/**
 * The time an alert was raised as the cursor carries it: milliseconds (a JS Date). Postgres keeps
 * microseconds, so ordering and comparing on the stored value would lose, on the next page, the
 * alerts raised in the same millisecond as the cursor's (one evaluation stores its alerts together).
 */
const raisedMs = sql`date_trunc('milliseconds', ${analyticsAlerts.raisedAt})`

/** The workspace's alerts, newest first. */
export async function listAlerts(db: Executor, filter: AlertFilter): Promise<AnalyticsAlert[]> {
  const where: (SQL | undefined)[] = [eq(analyticsAlerts.workspaceId, filter.workspaceId)]
  if (filter.state === 'open') where.push(isNull(analyticsAlerts.resolvedAt))
  if (filter.state === 'resolved') where.push(isNotNull(analyticsAlerts.resolvedAt))
  if (filter.rule) where.push(eq(analyticsAlerts.rule, filter.rule))
  if (filter.before) {
    const at = sql`${filter.before.raisedAt.toISOString()}::timestamptz`
    where.push(
      or(sql`${raisedMs} < ${at}`, and(sql`${raisedMs} = ${at}`, lt(analyticsAlerts.id, filter.before.id))),
    )
  }
  return db
    .select()
    .from(analyticsAlerts)
    .where(and(...where))
    .orderBy(desc(raisedMs), desc(analyticsAlerts.id))
    .limit(filter.limit)
}

/** Marks an alert resolved (once: resolving again keeps the first time). */
export async function resolveAlert(db: Executor, workspaceId: string, id: string): Promise<AnalyticsAlert> {
  const scope = and(eq(analyticsAlerts.workspaceId, workspaceId), eq(analyticsAlerts.id, id))
  const [updated] = await db
    .update(analyticsAlerts)
    .set({ resolvedAt: new Date() })
    .where(and(scope, isNull(analyticsAlerts.resolvedAt)))
    .returning()
  if (updated) return updated
  const [existing] = await db.select().from(analyticsAlerts).where(scope)
  if (!existing) throw new NotFoundError('No such alert in this workspace.')
  return existing
}
