import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from '../../db/client'
import type { ScheduledJob } from '../../jobs/scheduler'
import type { Logger } from '../../lib/logger'
import type { BackupHeader } from './backup-format'
import { readBackupHeader } from './restore-backup'
import { writeBackup } from './write-backup'

export interface DailyBackupOptions {
  schedule: string
  dir: string
  passphrase: string
  fullEveryDays: number
  keepDays: number
  logger: Logger
  /** The job's clock (tests move it by days). */
  now?: () => Date
}

type Stored = { file: string; header: BackupHeader }

/**
 * Each workspace's daily backup on the shared scheduler: a full one when the last full is older
 * than `fullEveryDays` (or there is none), otherwise an incremental one on top of the newest
 * file. Files live in `dir/<workspace id>/`, named by time so a directory listing is the chain in
 * order; `npm run scrm -- restore <full> <incrementals...>` takes them as listed.
 */
export function dailyBackupJob(db: Database, options: DailyBackupOptions): ScheduledJob {
  return {
    name: 'daily-backup',
    schedule: options.schedule,
    async run({ workspaceId }) {
      const now = options.now?.() ?? new Date()
      const dir = join(options.dir, workspaceId)
      await mkdir(dir, { recursive: true, mode: 0o700 })
      const stored = await storedBackups(dir)
      const latest = stored.at(-1)
      const lastFull = stored.filter((s) => s.header.kind === 'full').at(-1)
      const fullDue =
        !latest ||
        !lastFull ||
        now.getTime() - Date.parse(lastFull.header.created_at) >=
          options.fullEveryDays * 86_400_000 - 3_600_000
      const stamp = now.toISOString().replace(/[:.]/g, '-')
      const file = join(dir, `${stamp}-${fullDue ? 'full' : 'incremental'}.scrmbak`)
      const summary = await writeBackup(db, file, {
        passphrase: options.passphrase,
        workspaceId,
        since: fullDue ? undefined : latest?.header,
        createdAt: now,
      })
      options.logger.info(
        { workspaceId, kind: summary.header.kind, bytes: summary.bytes, rows: sum(summary.rows) },
        'backup written',
      )
      await prune([...stored, { file, header: summary.header }], options.keepDays, now)
    },
  }
}

async function storedBackups(dir: string): Promise<Stored[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.scrmbak')).sort()
  const stored: Stored[] = []
  for (const name of names) {
    const file = join(dir, name)
    const header = await readBackupHeader(file).catch(() => null)
    if (header) stored.push({ file, header })
  }
  return stored
}

/** Removes whole chains (a full backup and its incrementals) whose newest file is past keeping; never the newest chain. */
async function prune(stored: Stored[], keepDays: number, now: Date): Promise<void> {
  const chains: Stored[][] = []
  for (const s of stored) {
    if (s.header.kind === 'full' || chains.length === 0) chains.push([s])
    else chains.at(-1)?.push(s)
  }
  for (const chain of chains.slice(0, -1)) {
    const newest = chain.at(-1) as Stored
    if (now.getTime() - Date.parse(newest.header.created_at) > keepDays * 86_400_000)
      for (const s of chain) await rm(s.file, { force: true })
  }
}

function sum(rows: Record<string, number>): number {
  return Object.values(rows).reduce((a, b) => a + b, 0)
}
