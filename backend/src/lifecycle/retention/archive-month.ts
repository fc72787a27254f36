import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { DutyCycle } from '../../lib/duty-cycle'
import type { MediaStorage } from '../../media/storage'
import {
  ARCHIVED_TABLES,
  type ArchiveContent,
  type ArchivedRow,
  type ArchivedTable,
  archivedMediaKey,
  archiveFileKey,
  archivePrefix,
  decodeArchive,
  emptyTables,
  encodeArchive,
  monthBounds,
  rowCounts,
} from './archive-format'
import { notHeld } from './held'

export interface MonthArchiveResult {
  month: string
  /** Messages removed from the hot tables by this run. */
  archived: number
  /** Messages left in place because they changed (or gained rows) while the file was written. */
  skipped: number
  messagesInFile: number
  rawBytes: number
  compressedBytes: number
  mediaFiles: number
}

type ArchiveRecord = { object_key: string; codec: string; sha256: string }

/** Media columns of `media_objects` that name a stored file. */
const MEDIA_KEY_COLUMNS = ['file_key', 'thumb_key', 'animation_key'] as const

/**
 * Moves one workspace-month of messages sent before `until` (and not under a legal hold) into the
 * month's archive file. Order, so a crash anywhere loses and duplicates nothing:
 *  1. media files are copied under the archive prefix;
 *  2. the month's file is rewritten with the previous file's rows and the new ones merged by id,
 *     stored under a new key, read back and checked;
 *  3. the archive row is pointed at it (one statement), then the old file is removed;
 *  4. the rows leave the hot tables a batch per transaction, each message only if it is still
 *     exactly as written to the file and has gained no row since (else a later run merges it again);
 *  5. hot media files of archived objects are removed.
 * A re-run after a crash merges the same rows again (ids are unique in the file) and finishes.
 */
export async function archiveMonth(
  db: Database,
  storage: MediaStorage,
  options: {
    workspaceId: string
    month: string
    until: Date
    batchSize: number
    /** Shortest rest between two units of work (a read chunk, a delete transaction, a slice of the file). */
    pauseMs?: number
    /**
     * The share of wall time the archive may be busy (0–1]: after each unit it rests long enough
     * to stay under it, so webhook acks and ingest sharing the process and the database keep their
     * latency. 1 = only `pauseMs` between units.
     */
    dutyShare?: number
    /** Messages read per statement (default READ_CHUNK). */
    readChunk?: number
  },
): Promise<MonthArchiveResult> {
  const { workspaceId, month } = options
  const [start, monthEnd] = monthBounds(month)
  const end = new Date(Math.min(monthEnd.getTime(), options.until.getTime()))
  const eligible = sql`m.workspace_id = ${workspaceId}::uuid
      and m.sent_at >= ${start.toISOString()}::timestamptz and m.sent_at < ${end.toISOString()}::timestamptz
      and ${notHeld()}`

  const pacer = new DutyCycle(options.dutyShare ?? 1, options.pauseMs ?? 0)
  const pace = () => pacer.rest()
  const fresh = await readEligibleRows(db, eligible, options.readChunk ?? READ_CHUNK, pace)
  if (fresh.messages.length === 0) return emptyResult(month)
  const [record] = await queryRows<ArchiveRecord>(
    db,
    sql`select object_key, codec, sha256 from message_archives
         where workspace_id = ${workspaceId}::uuid and month = ${month}`,
  )
  const content: ArchiveContent = record
    ? await readArchive(storage, record, pace)
    : { format: 1, workspace_id: workspaceId, month, tables: emptyTables(), media: [] }

  for (const table of ARCHIVED_TABLES) content.tables[table] = mergeById(content.tables[table], fresh[table])

  const known = new Set(content.media.map((m) => m.key))
  for (const object of fresh.media_objects)
    for (const column of MEDIA_KEY_COLUMNS) {
      const key = object[column]
      if (typeof key !== 'string' || known.has(key)) continue
      const bytes = await storage.get(key)
      if (!bytes) continue
      const archivedKey = archivedMediaKey(workspaceId, month, key)
      await storage.put(archivedKey, bytes, 'application/octet-stream')
      content.media.push({ object_id: String(object.id), key, archived_key: archivedKey })
      known.add(key)
      await pace()
    }

  const file = await writeArchiveFile(db, storage, content, { pause: pace })
  if (record && record.object_key !== file.key) await storage.delete(record.object_key)

  const hashes = new Map(fresh.hashes)
  let archived = 0
  let skipped = 0
  const ids = fresh.messages.map((m) => Number(m.id))
  const dependents = new Dependents(content)
  for (let i = 0; i < ids.length; i += options.batchSize) {
    const batch = ids.slice(i, i + options.batchSize)
    const removed = await removeBatch(db, batch, hashes, dependents, eligible)
    archived += removed.length
    skipped += batch.length - removed.length
    await pace()
  }
  await removeHotMedia(db, storage, content)
  await removeOrphans(storage, workspaceId, month, file.key, content)
  return {
    month,
    archived,
    skipped,
    messagesInFile: content.tables.messages.length,
    rawBytes: file.rawBytes,
    compressedBytes: file.compressedBytes,
    mediaFiles: content.media.length,
  }
}

export async function readArchive(
  storage: MediaStorage,
  record: ArchiveRecord,
  pause?: () => Promise<void>,
): Promise<ArchiveContent> {
  const bytes = await storage.get(record.object_key)
  if (!bytes) throw new Error(`archive file ${record.object_key} is missing from the media store`)
  return await decodeArchive(bytes, record.codec, record.sha256, pause)
}

/**
 * Stores `content` as the month's file under a new key, reads it back to check it, then points
 * the archive row at it. Returns the new key; the caller removes the previous file.
 */
export async function writeArchiveFile(
  db: Database,
  storage: MediaStorage,
  content: ArchiveContent,
  options: { keepRestored?: boolean; pause?: () => Promise<void> } = {},
): Promise<{ key: string; rawBytes: number; compressedBytes: number }> {
  const encoded = await encodeArchive(content, options.pause)
  const key = archiveFileKey(content.workspace_id, content.month, randomUUID())
  await storage.put(key, encoded.bytes, 'application/octet-stream')
  const back = await storage.get(key)
  if (!back) throw new Error(`archive file ${key} could not be read back`)
  const check = await decodeArchive(back, encoded.codec, encoded.sha256, options.pause)
  if (check.tables.messages.length !== content.tables.messages.length)
    throw new Error(`archive file ${key} does not hold what was written`)
  const counts = rowCounts(content)
  const contactIds = JSON.stringify([...new Set(content.tables.messages.map((m) => String(m.contact_id)))])
  await db.execute(sql`
    insert into message_archives
      (workspace_id, month, object_key, codec, messages, row_counts, media_files, contact_ids, raw_bytes, compressed_bytes, sha256)
    values (${content.workspace_id}::uuid, ${content.month}, ${key}, ${encoded.codec}, ${counts.messages},
            ${JSON.stringify(counts)}::jsonb, ${content.media.length},
            array(select jsonb_array_elements_text(${contactIds}::jsonb)::uuid),
            ${encoded.rawBytes}, ${encoded.bytes.length}, ${encoded.sha256})
    on conflict (workspace_id, month) do update set
      object_key = excluded.object_key, codec = excluded.codec, messages = excluded.messages,
      contact_ids = excluded.contact_ids,
      row_counts = excluded.row_counts, media_files = excluded.media_files, raw_bytes = excluded.raw_bytes,
      compressed_bytes = excluded.compressed_bytes, sha256 = excluded.sha256, updated_at = now(),
      restored_at = ${options.keepRestored ? sql`message_archives.restored_at` : sql`null`}`)
  return { key, rawBytes: encoded.rawBytes, compressedBytes: encoded.bytes.length }
}

type FreshRows = Record<ArchivedTable, ArchivedRow[]> & { hashes: [number, string][] }

/** Messages read per statement: no single read holds a connection, or parses rows, for long. */
const READ_CHUNK = 2_000

/**
 * The month's eligible messages and their rows, as `to_jsonb` gives them (what a restore puts
 * back), read a chunk of messages at a time in id order with a rest between chunks.
 */
async function readEligibleRows(
  db: Database,
  eligible: ReturnType<typeof sql>,
  chunkSize: number,
  pace: () => Promise<void>,
): Promise<FreshRows> {
  const fresh: FreshRows = { ...emptyTables(), hashes: [] }
  let after = '0'
  for (;;) {
    const messages = await queryRows<{ row: ArchivedRow; h: string }>(
      db,
      sql`select to_jsonb(m) as row, md5(to_jsonb(m)::text) as h from messages m
           where ${eligible} and m.id > ${after}::bigint order by m.id limit ${chunkSize}`,
    )
    if (messages.length === 0) break
    const ids = JSON.stringify(messages.map((r) => String(r.row.id)))
    const chunk = sql`(select jsonb_array_elements_text(${ids}::jsonb)::bigint)`
    const byMessage = (table: string) =>
      queryRows<{ row: ArchivedRow }>(
        db,
        sql`select to_jsonb(c) as row from ${sql.identifier(table)} c where c.message_id in ${chunk} order by c.id`,
      )
    const [media, corrections, sendJobs, statuses] = await Promise.all([
      byMessage('media_objects'),
      byMessage('message_corrections'),
      byMessage('send_jobs'),
      queryRows<{ row: ArchivedRow }>(
        db,
        sql`select to_jsonb(c) as row from message_status_events c
             where exists (select 1 from messages m where m.id in ${chunk}
                             and m.channel_id = c.channel_id and m.wamid = c.wamid)
             order by c.id`,
      ),
    ])
    for (const r of messages) {
      fresh.messages.push(r.row)
      fresh.hashes.push([Number(r.row.id), r.h])
    }
    for (const r of media) fresh.media_objects.push(r.row)
    for (const r of corrections) fresh.message_corrections.push(r.row)
    for (const r of sendJobs) fresh.send_jobs.push(r.row)
    for (const r of statuses) fresh.message_status_events.push(r.row)
    after = String(messages.at(-1)?.row.id)
    if (messages.length < chunkSize) break
    await pace()
  }
  return fresh
}

function mergeById(kept: ArchivedRow[], fresh: ArchivedRow[]): ArchivedRow[] {
  const byId = new Map(kept.map((r) => [String(r.id), r]))
  for (const row of fresh) byId.set(String(row.id), row)
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id))
}

function compareIds(a: number | string, b: number | string): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))
}

/**
 * One transaction: removes those of `batch` that are exactly as the file holds them, still past
 * retention and unheld, and whose dependent rows are all in the file. Returns the removed ids.
 */
async function removeBatch(
  db: Database,
  batch: number[],
  hashes: Map<number, string>,
  dependents: Dependents,
  eligible: ReturnType<typeof sql>,
): Promise<number[]> {
  const expected = JSON.stringify(batch.map((id) => ({ id, h: hashes.get(id) })))
  const inFile = Object.fromEntries(
    ARCHIVED_TABLES.filter((t) => t !== 'messages').map((t) => [
      t,
      JSON.stringify(batch.flatMap((id) => dependents.rowIdsOf(t, id))),
    ]),
  ) as Record<Exclude<ArchivedTable, 'messages'>, string>
  return db.transaction(async (tx) => {
    const locked = await queryRows<{ id: number }>(
      tx,
      sql`select m.id::bigint as id from messages m
            join jsonb_to_recordset(${expected}::jsonb) x(id bigint, h text) on x.id = m.id
           where md5(to_jsonb(m)::text) = x.h and ${eligible}
           for update of m`,
    )
    const ok = new Set(locked.map((r) => Number(r.id)))
    if (ok.size === 0) return []
    const okList = JSON.stringify([...ok])
    // A row written since the file was read (a late status, a correction) keeps its message hot.
    const gained = await queryRows<{ id: number }>(
      tx,
      sql`select c.message_id::bigint as id from media_objects c
           where c.message_id in (select jsonb_array_elements_text(${okList}::jsonb)::bigint)
             and not c.id::text in (select jsonb_array_elements_text(${inFile.media_objects}::jsonb))
          union select c.message_id from message_corrections c
           where c.message_id in (select jsonb_array_elements_text(${okList}::jsonb)::bigint)
             and not c.id::text in (select jsonb_array_elements_text(${inFile.message_corrections}::jsonb))
          union select c.message_id from send_jobs c
           where c.message_id in (select jsonb_array_elements_text(${okList}::jsonb)::bigint)
             and not c.id::text in (select jsonb_array_elements_text(${inFile.send_jobs}::jsonb))
          union select m.id from messages m join message_status_events c on c.channel_id = m.channel_id and c.wamid = m.wamid
           where m.id in (select jsonb_array_elements_text(${okList}::jsonb)::bigint)
             and not c.id::text in (select jsonb_array_elements_text(${inFile.message_status_events}::jsonb))`,
    )
    for (const g of gained) ok.delete(Number(g.id))
    if (ok.size === 0) return []
    const removeList = JSON.stringify([...ok])
    await tx.execute(sql`
      delete from message_status_events c using messages m
       where m.id in (select jsonb_array_elements_text(${removeList}::jsonb)::bigint)
         and c.channel_id = m.channel_id and c.wamid = m.wamid`)
    // media_objects, message_corrections and send_jobs follow by their foreign keys' cascade.
    const gone = await queryRows<{ id: number }>(
      tx,
      sql`delete from messages where id in (select jsonb_array_elements_text(${removeList}::jsonb)::bigint)
          returning id::bigint as id`,
    )
    return gone.map((r) => Number(r.id))
  })
}

/** Which message a dependent row of the file belongs to (status events by channel and wamid). */
export class Dependents {
  private readonly byWamid = new Map<string, number>()
  /** Per table, the ids of the file's rows under each message: one pass, not one per batch. */
  private readonly rowIds = new Map<ArchivedTable, Map<number, string[]>>()

  constructor(content: ArchiveContent) {
    for (const m of content.tables.messages)
      if (m.wamid) this.byWamid.set(`${String(m.channel_id)}|${String(m.wamid)}`, Number(m.id))
    for (const table of ARCHIVED_TABLES) {
      if (table === 'messages') continue
      const index = new Map<number, string[]>()
      for (const row of content.tables[table]) {
        const message = this.messageOf(table, row)
        if (message === undefined) continue
        const ids = index.get(message)
        if (ids) ids.push(String(row.id))
        else index.set(message, [String(row.id)])
      }
      this.rowIds.set(table, index)
    }
  }

  rowIdsOf(table: ArchivedTable, messageId: number): string[] {
    return this.rowIds.get(table)?.get(messageId) ?? []
  }

  messageOf(table: ArchivedTable, row: ArchivedRow): number | undefined {
    if (table === 'message_status_events')
      return this.byWamid.get(`${String(row.channel_id)}|${String(row.wamid)}`)
    return row.message_id === undefined || row.message_id === null ? undefined : Number(row.message_id)
  }
}

/** Hot copies of media whose object has left the hot tables (idempotent: a re-run after a crash finishes it). */
async function removeHotMedia(db: Database, storage: MediaStorage, content: ArchiveContent): Promise<void> {
  if (content.media.length === 0) return
  const ids = [...new Set(content.media.map((m) => m.object_id))]
  const hot = await queryRows<{ id: string }>(
    db,
    sql`select id::text from media_objects where id::text in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
  )
  const stillHot = new Set(hot.map((r) => r.id))
  for (const m of content.media) if (!stillHot.has(m.object_id)) await storage.delete(m.key)
}

/** Files a crashed run left under the month's prefix that the archive row does not name. */
async function removeOrphans(
  storage: MediaStorage,
  workspaceId: string,
  month: string,
  fileKey: string,
  content: ArchiveContent,
): Promise<void> {
  const kept = new Set([fileKey, ...content.media.map((m) => m.archived_key)])
  for (const key of await storage.list(archivePrefix(workspaceId, month)))
    if (!kept.has(key)) await storage.delete(key)
}

function emptyResult(month: string): MonthArchiveResult {
  return { month, archived: 0, skipped: 0, messagesInFile: 0, rawBytes: 0, compressedBytes: 0, mediaFiles: 0 }
}
