import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { monthBounds } from './archive-format'

/**
 * `YYYY-MM` such that the contact's history before that month is archived (the month after the
 * newest unrestored archive holding their messages), or null when none of it is.
 */
export async function archivedBefore(
  db: Database,
  workspaceId: string,
  contactId: string,
): Promise<string | null> {
  const [row] = await queryRows<{ month: string | null }>(
    db,
    sql`select max(month) as month from message_archives
         where workspace_id = ${workspaceId}::uuid and restored_at is null
           and ${contactId}::uuid = any (contact_ids)`,
  )
  if (!row?.month) return null
  return monthBounds(row.month)[1].toISOString().slice(0, 7)
}
