import { sql } from 'drizzle-orm'
import type { Database, Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { NotFoundError } from '../../lib/errors'
import type { MediaStorage } from '../../media/storage'
import { ARCHIVED_TABLES, type ArchivedRow, type ArchivedTable } from './archive-format'
import { readArchive } from './archive-month'

export interface RestoreResult {
  month: string
  /** Rows put back per table (rows already in the hot tables are left as they are). */
  restored: Record<string, number>
  /** Rows whose contact, channel or message no longer exists (merged away, channel removed). */
  skipped: number
  mediaFiles: number
  durationMs: number
}

/** What a row needs to exist before it may come back. */
const PARENT_EXISTS: Record<ArchivedTable, ReturnType<typeof sql>> = {
  messages: sql`exists (select 1 from contacts p where p.id = r.contact_id)
                and exists (select 1 from whatsapp_channels p where p.id = r.channel_id)`,
  media_objects: sql`exists (select 1 from messages p where p.id = r.message_id)`,
  message_corrections: sql`exists (select 1 from messages p where p.id = r.message_id)`,
  send_jobs: sql`exists (select 1 from messages p where p.id = r.message_id)`,
  message_status_events: sql`exists (select 1 from whatsapp_channels p where p.id = r.channel_id)`,
}

/**
 * Puts a month's archived rows back into the hot tables with their ids and values, in
 * transactions of `batchSize` rows, then its media files back to their keys. Triggers are off
 * while the rows go in (as in a backup restore): old messages are not synced to the CRMs again,
 * counted again by analytics or announced to event webhooks. The file stays; the month is marked
 * restored so the daily job leaves it in the hot tables for a while.
 */
export async function restoreArchiveMonth(
  db: Database,
  storage: MediaStorage,
  options: { workspaceId: string; month: string; batchSize?: number; now?: Date },
): Promise<RestoreResult> {
  const started = Date.now()
  const [record] = await queryRows<{ object_key: string; codec: string; sha256: string }>(
    db,
    sql`update message_archives set restored_at = ${(options.now ?? new Date()).toISOString()}::timestamptz
         where workspace_id = ${options.workspaceId}::uuid and month = ${options.month}
         returning object_key, codec, sha256`,
  )
  if (!record) throw new NotFoundError('No archive of this workspace for that month.')
  const content = await readArchive(storage, record)
  const batchSize = options.batchSize ?? 500
  const restored: Record<string, number> = {}
  let skipped = 0
  for (const table of ARCHIVED_TABLES) {
    restored[table] = 0
    const rows = content.tables[table]
    for (let i = 0; i < rows.length; i += batchSize) {
      const chunk = rows.slice(i, i + batchSize)
      const outcome = await db.transaction((tx) => insertRows(tx, table, chunk))
      restored[table] += outcome.inserted
      skipped += outcome.orphans
    }
  }
  let mediaFiles = 0
  const ids = [...new Set(content.media.map((m) => m.object_id))]
  const hot = await queryRows<{ id: string }>(
    db,
    sql`select id::text from media_objects where id::text in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
  )
  const back = new Set(hot.map((r) => r.id))
  for (const media of content.media) {
    if (!back.has(media.object_id)) continue
    const bytes = await storage.get(media.archived_key)
    if (!bytes) continue
    await storage.put(media.key, bytes, 'application/octet-stream')
    mediaFiles += 1
  }
  return { month: options.month, restored, skipped, mediaFiles, durationMs: Date.now() - started }
}

async function insertRows(
  tx: Executor,
  table: ArchivedTable,
  rows: ArchivedRow[],
): Promise<{ inserted: number; orphans: number }> {
  const name = sql.identifier(table)
  await tx.execute(sql`alter table ${name} disable trigger user`)
  const [counts] = await queryRows<{ inserted: number; orphans: number }>(
    tx,
    sql`with r as (select * from jsonb_populate_recordset(null::${name}, ${JSON.stringify(rows)}::jsonb)),
             ins as (insert into ${name} overriding system value
                     select * from r where ${PARENT_EXISTS[table]}
                     on conflict do nothing returning 1)
        select (select count(*)::int from ins) as inserted,
               (select count(*)::int from r where not (${PARENT_EXISTS[table]})) as orphans`,
  )
  await tx.execute(sql`alter table ${name} enable trigger user`)
  return { inserted: counts?.inserted ?? 0, orphans: counts?.orphans ?? 0 }
}
