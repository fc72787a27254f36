import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { type CrmErasureState, type CrmRecordErasure, crmRecordErasures } from '../../db/schema'
import { NotFoundError } from '../../lib/errors'

/**
 * Where the CRM side of one erasure stands, record by record (ids and states only). An erasure
 * the workspace has no trace of — neither CRM records nor an audit entry — is not found.
 */
export async function erasureStatus(
  db: Executor,
  workspaceId: string,
  erasureId: string,
): Promise<CrmRecordErasure[]> {
  const rows = await db
    .select()
    .from(crmRecordErasures)
    .where(and(eq(crmRecordErasures.workspaceId, workspaceId), eq(crmRecordErasures.erasureId, erasureId)))
    .orderBy(asc(crmRecordErasures.createdAt), asc(crmRecordErasures.id))
  if (rows.length > 0) return rows
  const [audited] = await queryRows<{ yes: boolean }>(
    db,
    sql`select exists (select 1 from audit_log where workspace_id = ${workspaceId}::uuid
          and action = 'contact.erase' and detail->>'erasure_id' = ${erasureId}) as yes`,
  )
  if (!audited?.yes) throw new NotFoundError('There is no such erasure in this workspace.')
  return rows
}

/**
 * The workspace's CRM record erasures, newest first: those of erase requests and those a CRM's own
 * privacy deletion started in the other CRMs (which have no erase answer to take an id from).
 */
export async function listRecordErasures(
  db: Executor,
  workspaceId: string,
  filter: { state?: CrmErasureState; limit: number },
): Promise<CrmRecordErasure[]> {
  return db
    .select()
    .from(crmRecordErasures)
    .where(
      and(
        eq(crmRecordErasures.workspaceId, workspaceId),
        filter.state ? eq(crmRecordErasures.state, filter.state) : undefined,
      ),
    )
    .orderBy(desc(crmRecordErasures.createdAt), desc(crmRecordErasures.id))
    .limit(filter.limit)
}
