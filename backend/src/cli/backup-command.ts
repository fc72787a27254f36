import { configFromEnvOrExit } from '../config'
import { openDatabase } from '../db/client'
import { migrateDatabase } from '../db/migrate'
import { BackupError } from '../lifecycle/backup/backup-format'
import { readBackupHeader, restoreBackup } from '../lifecycle/backup/restore-backup'
import { writeBackup } from '../lifecycle/backup/write-backup'

export const BACKUP_USAGE = `  npm run scrm -- backup --out <file> [--workspace <id>] [--since <earlier backup file>]
  npm run scrm -- restore <full backup file> [<incremental backup file> ...]
    (both read the passphrase from BACKUP_PASSPHRASE)`

/**
 * `backup`: one consistent, compressed, encrypted file of a workspace (or of everything), full or
 * incremental on top of an earlier file. `restore`: a full backup and its incrementals, in order,
 * into this install (migrated first), all or nothing. Progress goes to stderr, one line per table.
 */
export async function runBackupCommand(
  command: 'backup' | 'restore',
  values: { out?: string; workspace?: string; since?: string },
  files: string[],
): Promise<number> {
  const config = configFromEnvOrExit()
  const passphrase = config.BACKUP_PASSPHRASE
  if (!passphrase) {
    process.stderr.write('Set BACKUP_PASSPHRASE (at least 12 characters): backups are always encrypted.\n')
    return 2
  }
  if (command === 'backup' && !values.out) {
    process.stderr.write(`--out is required\n${BACKUP_USAGE}\n`)
    return 2
  }
  if (command === 'restore' && files.length === 0) {
    process.stderr.write(`name the backup file(s) to restore\n${BACKUP_USAGE}\n`)
    return 2
  }
  const handle = await openDatabase({
    url: config.DATABASE_URL,
    driver: config.DATABASE_DRIVER,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  })
  const progress = (table: string, rows: number) =>
    process.stderr.write(`  ${table}: ${rows.toLocaleString('en')} rows\n`)
  try {
    await migrateDatabase(handle)
    if (command === 'backup') {
      const since = values.since ? await readBackupHeader(values.since) : undefined
      process.stderr.write(
        `Backing up ${values.workspace ? `workspace ${values.workspace}` : 'every workspace'}...\n`,
      )
      const summary = await writeBackup(handle.db, values.out as string, {
        passphrase,
        workspaceId: values.workspace ?? null,
        since,
        onTable: progress,
      })
      process.stdout.write(
        `${JSON.stringify({ file: values.out, id: summary.header.id, kind: summary.header.kind, bytes: summary.bytes, rows: Object.values(summary.rows).reduce((a, b) => a + b, 0) })}\n`,
      )
    } else {
      process.stderr.write(`Restoring ${files.length} backup file(s) in one transaction...\n`)
      const summary = await restoreBackup(handle.db, files, passphrase)
      for (const [table, rows] of Object.entries(summary.rows)) if (rows > 0) progress(table, rows)
      process.stdout.write(
        `${JSON.stringify({ restored: files.length, workspace_id: summary.header.workspace_id, rows: Object.values(summary.rows).reduce((a, b) => a + b, 0) })}\n`,
      )
    }
    return 0
  } catch (error) {
    if (error instanceof BackupError) {
      process.stderr.write(`${error.message}\n`)
      return 1
    }
    throw error
  } finally {
    await handle.close()
  }
}
