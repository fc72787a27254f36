import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import type { MediaStorage } from '../../media/storage'
import { ARCHIVED_TABLES } from './archive-format'
import { Dependents, readArchive, writeArchiveFile } from './archive-month'

type ArchiveRow = { month: string; object_key: string; codec: string; sha256: string }

/** The person's archived messages, so an erasure tombstones their wamids and looks for their words too. */
export async function archivedMessagesOf(
  db: Database,
  storage: MediaStorage,
  workspaceId: string,
  contactId: string,
): Promise<{ channel_id: string; wamid: string | null; text: string | null }[]> {
  const records = await queryRows<ArchiveRow>(
    db,
    sql`select month, object_key, codec, sha256 from message_archives
         where workspace_id = ${workspaceId}::uuid and ${contactId}::uuid = any (contact_ids)`,
  )
  const out: { channel_id: string; wamid: string | null; text: string | null }[] = []
  for (const record of records) {
    const content = await readArchive(storage, record)
    for (const m of content.tables.messages)
      if (m.contact_id === contactId)
        out.push({
          channel_id: String(m.channel_id),
          wamid: (m.wamid as string | null) ?? null,
          text: (m.text as string | null) ?? null,
        })
  }
  return out
}

/**
 * Removes the person from every archive file of the workspace: their messages and the rows that
 * hang off them, and any archived row whose text holds one of the needles (their number, ids,
 * words). Files that change are rewritten (new key, then the old one removed), and the person's
 * archived media files are deleted.
 */
export async function eraseFromArchives(
  db: Database,
  storage: MediaStorage,
  request: { workspaceId: string; contactId: string; needles: string[] },
): Promise<{ files: number; rows: number; mediaFiles: number }> {
  const records = await queryRows<ArchiveRow>(
    db,
    sql`select month, object_key, codec, sha256 from message_archives where workspace_id = ${request.workspaceId}::uuid`,
  )
  const holds = (row: unknown) => {
    const text = JSON.stringify(row)
    return request.needles.some((n) => text.includes(JSON.stringify(n).slice(1, -1)))
  }
  let files = 0
  let rows = 0
  let mediaFiles = 0
  for (const record of records) {
    const content = await readArchive(storage, record)
    const dependents = new Dependents(content)
    const gone = new Set(
      content.tables.messages
        .filter((m) => m.contact_id === request.contactId || holds(m))
        .map((m) => Number(m.id)),
    )
    let removed = 0
    for (const table of ARCHIVED_TABLES) {
      const before = content.tables[table].length
      content.tables[table] = content.tables[table].filter((r) =>
        table === 'messages'
          ? !gone.has(Number(r.id))
          : !gone.has(dependents.messageOf(table, r) ?? -1) && !holds(r),
      )
      removed += before - content.tables[table].length
    }
    const keptObjects = new Set(content.tables.media_objects.map((r) => String(r.id)))
    const goneMedia = content.media.filter((m) => !keptObjects.has(m.object_id))
    if (removed === 0 && goneMedia.length === 0) continue
    content.media = content.media.filter((m) => keptObjects.has(m.object_id))
    const file = await writeArchiveFile(db, storage, content, { keepRestored: true })
    if (file.key !== record.object_key) await storage.delete(record.object_key)
    for (const m of goneMedia) {
      await storage.delete(m.archived_key)
      await storage.delete(m.key)
      mediaFiles += 1
    }
    files += 1
    rows += removed
  }
  return { files, rows, mediaFiles }
}
