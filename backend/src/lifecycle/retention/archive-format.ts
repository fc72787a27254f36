import { createHash } from 'node:crypto'
import * as zlib from 'node:zlib'

/** zstd arrived in Node 23.8 / 22.15; the installed @types/node predates it, hence this narrow view. */
type Done = (error: Error | null, out: Buffer) => void
const zstd = zlib as unknown as {
  zstdCompress?: (input: Uint8Array, options: { params: Record<number, number> }, done: Done) => void
  zstdDecompress?: (input: Uint8Array, done: Done) => void
  constants: { ZSTD_c_compressionLevel?: number }
}

/**
 * The tables an archive carries, parents first (a restore inserts in this order): the messages and
 * every row that hangs off one — by foreign key (media, corrections, send jobs) or by wamid
 * (status events).
 */
export const ARCHIVED_TABLES = [
  'messages',
  'media_objects',
  'message_corrections',
  'send_jobs',
  'message_status_events',
] as const
export type ArchivedTable = (typeof ARCHIVED_TABLES)[number]

/** A row exactly as Postgres's `to_jsonb` gives it, so `jsonb_populate_recordset` puts it back identical. */
export type ArchivedRow = Record<string, unknown> & { id: number | string }

export interface ArchiveContent {
  format: 1
  workspace_id: string
  month: string
  tables: Record<ArchivedTable, ArchivedRow[]>
  /** Media files moved out of the hot store: where they were and where the archive keeps them. */
  media: { object_id: string; key: string; archived_key: string }[]
}

/**
 * zstd from Node 24's own zlib (the product requires Node ≥ 24): on chat rows it is about a third
 * smaller than gzip at similar speed, with no dependency. gzip stays readable for files written
 * by a Node without zstd.
 */
export const ARCHIVE_CODEC: 'zstd' | 'gzip' = typeof zstd.zstdCompress === 'function' ? 'zstd' : 'gzip'

/** Rows serialised (or parsed) between two yields to the event loop: ingest acks in the same process keep flowing. */
const ROWS_PER_SLICE = 2_000
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The file is JSON lines: a header line (format, workspace, month, media), then one line per row
 * (`{"t": table, "r": row}`). Written and read a slice of rows at a time and compressed on libuv's
 * thread pool, so a month of a busy workspace never holds the event loop for long.
 */
export async function encodeArchive(
  content: ArchiveContent,
  /** Called between slices (default: a yield to the event loop); the archive job paces itself here. */
  pause: () => Promise<void> = yieldToLoop,
): Promise<{
  bytes: Uint8Array
  rawBytes: number
  sha256: string
  codec: 'zstd' | 'gzip'
}> {
  const parts: Buffer[] = [
    Buffer.from(
      `${JSON.stringify({ format: content.format, workspace_id: content.workspace_id, month: content.month, media: content.media })}\n`,
    ),
  ]
  let n = 0
  for (const table of ARCHIVED_TABLES)
    for (const row of content.tables[table]) {
      parts.push(Buffer.from(`${JSON.stringify({ t: table, r: row })}\n`))
      if (++n % ROWS_PER_SLICE === 0) await pause()
    }
  const raw = Buffer.concat(parts)
  const bytes = await compress(raw)
  return { bytes, rawBytes: raw.length, sha256: sha256Hex(bytes), codec: ARCHIVE_CODEC }
}

/** Reads a stored file after checking it is the one the archive row names. */
export async function decodeArchive(
  bytes: Uint8Array,
  codec: string,
  sha256: string,
  pause: () => Promise<void> = yieldToLoop,
): Promise<ArchiveContent> {
  if (sha256Hex(bytes) !== sha256) throw new Error('archive file does not match its recorded sha256')
  const raw = (await decompress(bytes, codec)).toString('utf8')
  let at = raw.indexOf('\n')
  const header = JSON.parse(raw.slice(0, at)) as Omit<ArchiveContent, 'tables'>
  if (header.format !== 1) throw new Error(`unknown archive format ${String(header.format)}`)
  const content: ArchiveContent = { ...header, tables: emptyTables() }
  let n = 0
  while (at < raw.length - 1) {
    const next = raw.indexOf('\n', at + 1)
    const line = JSON.parse(raw.slice(at + 1, next)) as { t: ArchivedTable; r: ArchivedRow }
    content.tables[line.t].push(line.r)
    at = next
    if (++n % ROWS_PER_SLICE === 0) await pause()
  }
  return content
}

function compress(raw: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, out: Buffer) => (error ? reject(error) : resolve(out))
    if (ARCHIVE_CODEC === 'zstd' && zstd.zstdCompress && zstd.constants.ZSTD_c_compressionLevel !== undefined)
      zstd.zstdCompress(raw, { params: { [zstd.constants.ZSTD_c_compressionLevel]: 9 } }, done)
    else zlib.gzip(raw, { level: 9 }, done)
  })
}

function decompress(bytes: Uint8Array, codec: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, out: Buffer) => (error ? reject(error) : resolve(out))
    if (codec === 'zstd') {
      if (!zstd.zstdDecompress) reject(new Error('this Node cannot read zstd archives'))
      else zstd.zstdDecompress(bytes, done)
    } else zlib.gunzip(bytes, done)
  })
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function emptyTables(): Record<ArchivedTable, ArchivedRow[]> {
  return Object.fromEntries(ARCHIVED_TABLES.map((t) => [t, []])) as unknown as Record<
    ArchivedTable,
    ArchivedRow[]
  >
}

export function rowCounts(content: ArchiveContent): Record<string, number> {
  return Object.fromEntries(ARCHIVED_TABLES.map((t) => [t, content.tables[t].length]))
}

/** Archive files and archived media live under their own prefix, apart from the hot media keys. */
export function archivePrefix(workspaceId: string, month: string): string {
  return `archives/${workspaceId}/${month}/`
}

export function archiveFileKey(workspaceId: string, month: string, fileId: string): string {
  return `${archivePrefix(workspaceId, month)}${fileId}.${ARCHIVE_CODEC === 'zstd' ? 'json.zst' : 'json.gz'}`
}

/** `archives/<ws>/<month>/media/<hot key>`: the hot key holds the object id and variant. */
export function archivedMediaKey(workspaceId: string, month: string, hotKey: string): string {
  return `${archivePrefix(workspaceId, month)}media/${hotKey}`
}

/** `YYYY-MM` → [first instant of the month, first instant of the next], UTC. */
export function monthBounds(month: string): [Date, Date] {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return [new Date(Date.UTC(y, m - 1, 1)), new Date(Date.UTC(y, m, 1))]
}
