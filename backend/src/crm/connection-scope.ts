import { and, eq } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { type CrmConnection, crmConnections } from '../db/schema'
import { NotFoundError } from '../lib/errors'

/** A connection of this workspace, or a 404 (never another workspace's). */
export async function connectionOf(db: Executor, workspaceId: string, id: string): Promise<CrmConnection> {
  const [row] = await db
    .select()
    .from(crmConnections)
    .where(and(eq(crmConnections.id, id), eq(crmConnections.workspaceId, workspaceId)))
  if (!row) throw new NotFoundError('There is no such CRM connection in this workspace.')
  return row
}
