import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import type { CrmConnection } from '../../db/schema'

export interface BackfillQueued {
  contacts: number
  messages: number
  tasks: number
}

/**
 * Puts every contact, message and open task of the workspace in the connection's outbox, in a
 * few set-based statements; the sync worker then writes them in full batches. Safe to repeat:
 * rows coalesce, writes are upserts.
 */
export async function queueBackfill(
  db: Executor,
  connection: CrmConnection,
  options: { onlyIfNeverSynced?: boolean; messagesSince?: Date } = {},
): Promise<BackfillQueued> {
  if (options.onlyIfNeverSynced) {
    const [linked] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from crm_record_links where connection_id = ${connection.id}`,
    )
    if ((linked?.n ?? 0) > 0) return { contacts: 0, messages: 0, tasks: 0 }
  }
  const queue = async (kind: string, select: ReturnType<typeof sql>) => {
    const rows = await queryRows<{ n: number }>(
      db,
      sql`with queued as (
            insert into crm_outbox (workspace_id, connection_id, kind, subject_id)
            select ${connection.workspaceId}::uuid, ${connection.id}::uuid, ${kind}, s.subject from (${select}) s
            on conflict (connection_id, kind, subject_id) do update
              set version = crm_outbox.version + 1, parked_at = null, attempts = 0
            returning 1)
          select count(*)::int as n from queued`,
    )
    return rows[0]?.n ?? 0
  }
  const since = options.messagesSince?.toISOString() ?? '1970-01-01T00:00:00Z'
  return {
    contacts: await queue(
      'contact',
      sql`select id::text as subject from contacts where workspace_id = ${connection.workspaceId} and phone_e164 is not null`,
    ),
    messages: await queue(
      'message',
      sql`select id::text as subject from messages
           where workspace_id = ${connection.workspaceId} and wamid is not null and thread_visible
             and sent_at >= ${since}::timestamptz`,
    ),
    tasks: await queue(
      'task',
      sql`select id::text as subject from follow_up_tasks where workspace_id = ${connection.workspaceId} and status = 'open'`,
    ),
  }
}

/** How much of a connection's outbox is still waiting (for progress bars and health). */
export async function outboxDepth(db: Executor, connectionId: string): Promise<Record<string, number>> {
  const rows = await queryRows<{ kind: string; n: number; parked: number }>(
    db,
    sql`select kind, count(*) filter (where parked_at is null)::int as n, count(*) filter (where parked_at is not null)::int as parked
          from crm_outbox where connection_id = ${connectionId} group by kind`,
  )
  const out: Record<string, number> = { contact: 0, message: 0, task: 0, merge: 0, parked: 0 }
  for (const r of rows) {
    out[r.kind] = r.n
    out.parked = (out.parked ?? 0) + r.parked
  }
  return out
}
