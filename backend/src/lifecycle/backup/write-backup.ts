import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { appendFile, rename, rm, stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { type SQL, sql } from 'drizzle-orm'
import type { Database, Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { BackupError, type BackupHeader, type BackupRecord, newEncryption } from './backup-format'
import { type CatalogTable, identifierList, readCatalog, workspaceFilter } from './table-catalog'

const PAGE_ROWS = 2_000

export interface BackupOptions {
  /** Null or absent: every table, every workspace. */
  workspaceId?: string | null
  passphrase: string
  /**
   * Carry only what changed since this earlier backup (its header): rows written after its
   * snapshot, plus every table's primary keys so that deletions carry over too.
   */
  since?: BackupHeader
  /** The backup's time in its header (default now); the daily job passes its own clock's. */
  createdAt?: Date
  /** Called after each table with its row count, for a progress line. */
  onTable?: (table: string, rows: number) => void
}

export interface BackupSummary {
  header: BackupHeader
  rows: Record<string, number>
  bytes: number
}

/**
 * Writes a consistent backup: every row is read inside one repeatable-read, read-only
 * transaction, so the file is one instant of the database even while ingest goes on. The file
 * appears under its name only once complete (written beside it, then renamed).
 */
export async function writeBackup(
  db: Database,
  file: string,
  options: BackupOptions,
): Promise<BackupSummary> {
  const partial = `${file}.partial`
  const rows: Record<string, number> = {}
  try {
    const header = await db.transaction(
      async (tx) => {
        const catalog = await readCatalog(tx)
        const since = options.since ?? null
        if (since && since.workspace_id !== (options.workspaceId ?? null))
          throw new BackupError('An incremental backup covers the same workspace as the backup it follows.')
        const [snapshot] = await queryRows<{ s: string }>(tx, sql`select pg_current_snapshot()::text as s`)
        const { header, prefix, cipher } = await newEncryption(options.passphrase, {
          created_at: (options.createdAt ?? new Date()).toISOString(),
          workspace_id: options.workspaceId ?? null,
          migration: await migrationState(tx),
          kind: since ? 'incremental' : 'full',
          base_id: since?.id ?? null,
          id: randomUUID(),
          snapshot: snapshot?.s ?? '',
          since_snapshot: since?.snapshot ?? null,
        })
        const out = createWriteStream(partial, { mode: 0o600 })
        await new Promise<void>((resolve, reject) => out.write(prefix, (e) => (e ? reject(e) : resolve())))
        const scoped = catalog.tables.flatMap((table) => {
          const filter = options.workspaceId
            ? workspaceFilter(table, catalog, options.workspaceId)
            : sql`true`
          return filter ? [{ table, filter }] : []
        })
        const records = async function* () {
          if (since) {
            // Children before parents, so a restore can delete what is gone with foreign keys checked.
            for (const { table, filter } of [...scoped].reverse()) {
              yield line({ table: table.name, columns: table.columns, primary_key: table.primaryKey })
              yield line({ keys: await tableKeys(tx, table, filter) })
            }
          }
          for (const { table, filter } of scoped) {
            yield line({ table: table.name, columns: table.columns, primary_key: table.primaryKey })
            let count = 0
            const changed =
              since && table.primaryKey.length > 0
                ? sql`${filter} and ${changedSince(since.snapshot)}`
                : filter
            for await (const row of tableRows(tx, table, changed)) {
              count++
              yield `{"row":${row}}\n`
            }
            rows[table.name] = count
            options.onTable?.(table.name, count)
          }
          yield line({ end: { rows } })
        }
        await pipeline(Readable.from(records()), createGzip(), cipher, out)
        await appendFile(partial, cipher.getAuthTag())
        return header
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    )
    await rename(partial, file)
    const { size } = await stat(file)
    return { header, rows, bytes: size }
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
}

function line(record: BackupRecord): string {
  return `${JSON.stringify(record)}\n`
}

/** Rows as Postgres's own JSON text, paged by primary key so memory stays flat on any table size. */
async function* tableRows(tx: Executor, table: CatalogTable, filter: SQL): AsyncGenerator<string> {
  const name = sql.identifier(table.name)
  const columns = identifierList(table.columns)
  const projection = sql`(select to_jsonb(x) from (select ${columns}) x)::text`
  if (table.primaryKey.length === 0) {
    const all = await queryRows<{ r: string }>(
      tx,
      sql`select ${projection} as r from ${name} where ${filter}`,
    )
    for (const row of all) yield row.r
    return
  }
  const key = identifierList(table.primaryKey)
  let after: string | null = null
  for (;;) {
    const page: { r: string; k: string }[] = await queryRows<{ r: string; k: string }>(
      tx,
      sql`select ${projection} as r, (select to_jsonb(k) from (select ${key}) k)::text as k
            from ${name} t
           where ${filter}
             ${after === null ? sql`` : sql`and (${key}) > (select ${key} from jsonb_populate_record(null::${name}, ${after}::jsonb))`}
           order by ${key}
           limit ${PAGE_ROWS}`,
    )
    for (const row of page) yield row.r
    if (page.length < PAGE_ROWS) return
    after = (page[page.length - 1] as { k: string }).k
  }
}

/**
 * True for a row whose current version was written by a transaction the snapshot could not see.
 * `xmin` is a 32-bit transaction id: it is widened to the 64-bit form the snapshot holds using
 * the epoch of the current snapshot (a row from just before a wraparound belongs to the previous
 * epoch). A row frozen long ago may be widened into the wrong epoch and carried again, never
 * missed.
 */
function changedSince(snapshot: string): SQL {
  return sql`not pg_visible_in_snapshot(
    ((((pg_snapshot_xmax(pg_current_snapshot())::text::bigint >> 32)
        - case when t.xmin::text::bigint > (pg_snapshot_xmax(pg_current_snapshot())::text::bigint & 4294967295) then 1 else 0 end)
       << 32) | t.xmin::text::bigint)::text::xid8,
    ${snapshot}::pg_snapshot)`
}

/** Every primary key a table holds for the scope, as objects a restore can match rows against. */
async function tableKeys(tx: Executor, table: CatalogTable, filter: SQL): Promise<unknown[]> {
  if (table.primaryKey.length === 0) return []
  const key = identifierList(table.primaryKey)
  const [row] = await queryRows<{ keys: string | null }>(
    tx,
    sql`select json_agg((select to_jsonb(k) from (select ${key}) k))::text as keys from ${sql.identifier(table.name)} t where ${filter}`,
  )
  return JSON.parse(row?.keys ?? '[]') as unknown[]
}

async function migrationState(tx: Executor): Promise<BackupHeader['migration']> {
  const [row] = await queryRows<{ count: number; created_at: string | null }>(
    tx,
    sql`select count(*)::int as count, max(created_at)::text as created_at from drizzle.__drizzle_migrations`,
  )
  return { count: row?.count ?? 0, created_at: row?.created_at ? Number(row.created_at) : null }
}
