import type { DecipherGCM } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { type SQL, sql } from 'drizzle-orm'
import type { Database, Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import {
  BackupError,
  type BackupHeader,
  type BackupRecord,
  newDecipher,
  parsePrefix,
  TAG_BYTES,
} from './backup-format'
import { type CatalogTable, identifierList, readCatalog, workspaceFilter } from './table-catalog'

const BATCH_ROWS = 500

export interface RestoreSummary {
  header: BackupHeader
  rows: Record<string, number>
}

/** Reads only the header: what a file holds, without the passphrase. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  return (await readPrefix(file)).header
}

/**
 * Restores a full backup, optionally followed by the incremental backups made after it (in their
 * order), in one transaction: all of it or nothing. The schema must be at least as new as the
 * backups' (columns added since get their defaults). Triggers stay off while rows go in, so a
 * restore re-queues no CRM writes, events or automations: the restored rows are the state the
 * backup saw, outbox and queues included. A workspace backup goes into a database where that
 * workspace does not exist yet; a whole-database backup into an empty one.
 */
export async function restoreBackup(
  db: Database,
  files: string | string[],
  passphrase: string,
): Promise<RestoreSummary> {
  const chain = await Promise.all((Array.isArray(files) ? files : [files]).map(openBackup))
  checkChain(chain.map((c) => c.header))
  const first = chain[0]?.header as BackupHeader
  const decipherers = await Promise.all(chain.map((c) => newDecipher(passphrase, c.header, c.prefix, c.tag)))

  return db.transaction(async (tx) => {
    const catalog = await readCatalog(tx)
    await checkTarget(tx, first, catalog.tables)
    await disableTriggers(tx, catalog.tables)
    const rows: Record<string, number> = {}
    for (const [i, backup] of chain.entries()) {
      const body = decryptedBody(
        backup.file,
        backup.prefix.length,
        backup.size - TAG_BYTES - 1,
        decipherers[i] as DecipherGCM,
      )
      const applied = await applyRecords(tx, catalog, backup.header, body)
      for (const [table, n] of Object.entries(applied)) rows[table] = (rows[table] ?? 0) + n
    }
    await moveSequences(tx, catalog.tables)
    await enableTriggers(tx, catalog.tables)
    return { header: chain[chain.length - 1]?.header as BackupHeader, rows }
  })
}

async function openBackup(file: string) {
  const { header, prefix } = await readPrefix(file)
  const { size } = await stat(file)
  if (size < prefix.length + TAG_BYTES) throw new BackupError(`The backup file ${file} is truncated.`)
  const tag = Buffer.alloc(TAG_BYTES)
  const handle = await open(file, 'r')
  await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES)
  await handle.close()
  return { file, header, prefix, size, tag }
}

function checkChain(headers: BackupHeader[]): void {
  if (headers[0]?.kind !== 'full') throw new BackupError('A restore starts with a full backup.')
  for (let i = 1; i < headers.length; i++) {
    const [before, after] = [headers[i - 1] as BackupHeader, headers[i] as BackupHeader]
    if (
      after.kind !== 'incremental' ||
      after.base_id !== before.id ||
      after.workspace_id !== before.workspace_id
    )
      throw new BackupError(
        `Backup ${i + 1} does not follow backup ${i}: give the full backup, then each incremental one made after it, in order.`,
      )
  }
}

/** Applies one backup's records; answers the rows it wrote per table after checking them against its end record. */
async function applyRecords(
  tx: Executor,
  catalog: Awaited<ReturnType<typeof readCatalog>>,
  header: BackupHeader,
  body: Readable,
): Promise<Record<string, number>> {
  const incremental = header.kind === 'incremental'
  const scope = (table: CatalogTable) =>
    header.workspace_id ? workspaceFilter(table, catalog, header.workspace_id) : sql`true`
  const rows: Record<string, number> = {}
  let current: { table: CatalogTable; columns: string[] } | null = null
  let batch: string[] = []
  let ended: Record<string, number> | null = null
  const flush = async () => {
    if (!current || batch.length === 0) return
    await writeRows(tx, current.table, current.columns, batch, incremental)
    rows[current.table.name] = (rows[current.table.name] ?? 0) + batch.length
    batch = []
  }
  try {
    for await (const text of lines(body)) {
      if (!text) continue
      if (text.startsWith('{"row":')) {
        if (!current) throw new BackupError('The backup holds a row before its table.')
        batch.push(text.slice(7, -1))
        if (batch.length >= BATCH_ROWS) await flush()
        continue
      }
      const record = JSON.parse(text) as BackupRecord
      if ('table' in record) {
        await flush()
        const table = catalog.tables.find((t) => t.name === record.table)
        if (!table)
          throw new BackupError(`The backup holds table "${record.table}", which this version does not have.`)
        const unknown = record.columns.filter((c) => !table.columns.includes(c))
        if (unknown.length > 0)
          throw new BackupError(
            `The backup holds columns this version does not have: ${record.table}.${unknown.join(', ')}.`,
          )
        current = { table, columns: record.columns }
      } else if ('keys' in record) {
        if (!current) throw new BackupError('The backup holds keys before their table.')
        await deleteMissing(tx, current.table, scope(current.table) ?? sql`false`, record.keys)
      } else if ('end' in record) {
        await flush()
        ended = record.end.rows
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw error
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))
      throw new BackupError(
        `The database refused the backup's rows of ${current?.table.name ?? 'a table'} (SQLSTATE ${code}).`,
      )
    // GCM's tag is checked at the end of the stream: a wrong passphrase or a changed byte lands here.
    throw new BackupError(
      'The backup cannot be read: wrong passphrase, or the file was changed or cut short.',
    )
  }
  if (!ended) throw new BackupError('The backup file is truncated.')
  for (const [table, count] of Object.entries(ended))
    if ((rows[table] ?? 0) !== count)
      throw new BackupError(`The backup says ${count} rows of ${table} but holds ${rows[table] ?? 0}.`)
  return ended
}

/** The plain record stream; a failure anywhere in the chain ends it with that error. */
function decryptedBody(file: string, start: number, end: number, decipher: DecipherGCM): Readable {
  const gunzip = createGunzip()
  const read = createReadStream(file, { start, end })
  read.on('error', (e: Error) => gunzip.destroy(e))
  decipher.on('error', (e: Error) => gunzip.destroy(e))
  read.pipe(decipher).pipe(gunzip)
  gunzip.setEncoding('utf8')
  return gunzip
}

async function* lines(stream: Readable): AsyncGenerator<string> {
  let rest = ''
  for await (const chunk of stream) {
    rest += chunk as string
    let at = rest.indexOf('\n')
    while (at >= 0) {
      yield rest.slice(0, at)
      rest = rest.slice(at + 1)
      at = rest.indexOf('\n')
    }
  }
  if (rest) yield rest
}

async function readPrefix(file: string) {
  const handle = await open(file, 'r').catch(() => {
    throw new BackupError(`There is no readable file at ${file}.`)
  })
  const head = Buffer.alloc(16 * 1024)
  const { bytesRead } = await handle.read(head, 0, head.length, 0)
  await handle.close()
  return parsePrefix(head.subarray(0, bytesRead))
}

async function checkTarget(tx: Executor, header: BackupHeader, tables: CatalogTable[]): Promise<void> {
  const [state] = await queryRows<{ count: number }>(
    tx,
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  )
  if ((state?.count ?? 0) < header.migration.count)
    throw new BackupError('The backup was made by a newer version: upgrade this install before restoring it.')
  if (header.workspace_id) {
    const [exists] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from workspaces where id = ${header.workspace_id}::uuid`,
    )
    if ((exists?.n ?? 0) > 0)
      throw new BackupError(
        `Workspace ${header.workspace_id} already exists here; restore into an install without it.`,
      )
    return
  }
  const nonEmpty = []
  for (const table of tables) {
    const [row] = await queryRows<{ any: boolean }>(
      tx,
      sql`select exists (select 1 from ${sql.identifier(table.name)}) as any`,
    )
    if (row?.any) nonEmpty.push(table.name)
  }
  if (nonEmpty.length > 0)
    throw new BackupError(
      `A whole-database backup restores into an empty install; this one has rows in ${nonEmpty.slice(0, 5).join(', ')}.`,
    )
}

async function writeRows(
  tx: Executor,
  table: CatalogTable,
  columns: string[],
  rows: string[],
  upsert: boolean,
): Promise<void> {
  const name = sql.identifier(table.name)
  const list = identifierList(columns)
  const others = columns.filter((c) => !table.primaryKey.includes(c))
  const onConflict =
    !upsert || table.primaryKey.length === 0
      ? sql``
      : others.length === 0
        ? sql`on conflict do nothing`
        : sql`on conflict (${identifierList(table.primaryKey)}) do update set ${sql.join(
            others.map((c) => sql`${sql.identifier(c)} = excluded.${sql.identifier(c)}`),
            sql`, `,
          )}`
  await tx.execute(
    sql`insert into ${name} (${list}) overriding system value
        select ${list} from jsonb_populate_recordset(null::${name}, ${`[${rows.join(',')}]`}::jsonb)
        ${onConflict}`,
  )
}

/** Incremental restore: rows of the scope whose key the backup no longer lists were deleted since. */
async function deleteMissing(tx: Executor, table: CatalogTable, scope: SQL, keys: unknown[]): Promise<void> {
  const name = sql.identifier(table.name)
  if (table.primaryKey.length === 0) {
    // No key to match on: the incremental carries such a table whole, so its rows are replaced.
    await tx.execute(sql`delete from ${name} t where ${scope}`)
    return
  }
  const match = sql.join(
    table.primaryKey.map((c) => sql`k.${sql.identifier(c)} = t.${sql.identifier(c)}`),
    sql` and `,
  )
  await tx.execute(
    sql`delete from ${name} t where ${scope}
          and not exists (select 1 from jsonb_populate_recordset(null::${name}, ${JSON.stringify(keys)}::jsonb) k where ${match})`,
  )
}

/** The table owner may switch its own triggers off inside a transaction; foreign keys stay checked. */
async function disableTriggers(tx: Executor, tables: CatalogTable[]): Promise<void> {
  for (const t of tables) await tx.execute(sql`alter table ${sql.identifier(t.name)} disable trigger user`)
}

async function enableTriggers(tx: Executor, tables: CatalogTable[]): Promise<void> {
  for (const t of tables) await tx.execute(sql`alter table ${sql.identifier(t.name)} enable trigger user`)
}

/** Identity columns continue after the restored ids, so new rows never collide with them. */
async function moveSequences(tx: Executor, tables: CatalogTable[]): Promise<void> {
  for (const t of tables) {
    for (const column of t.identityColumns) {
      await tx.execute(
        sql`select setval(q.s, greatest((select coalesce(max(${sql.identifier(column)}), 0) from ${sql.identifier(t.name)}),
                                        coalesce(pg_sequence_last_value(q.s), 0), 1))
              from (select pg_get_serial_sequence(${t.name}, ${column})::regclass as s) q`,
      )
    }
  }
}
