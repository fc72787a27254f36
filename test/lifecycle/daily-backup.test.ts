import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DbHandle } from '../../backend/src/db/client'
import { queryRows } from '../../backend/src/db/query-rows'
import { createLogger } from '../../backend/src/lib/logger'
import { dailyBackupJob } from '../../backend/src/lifecycle/backup/daily-backup'
import { readBackupHeader, restoreBackup } from '../../backend/src/lifecycle/backup/restore-backup'
import { ENGINES, openTestDb } from '../support/test-db'

const PASSPHRASE = 'daily backups passphrase'
const DAY = 86_400_000

describe.each(ENGINES)('daily backup job (%s)', (engine) => {
  let source: DbHandle
  const targets: DbHandle[] = []
  const dir = mkdtempSync(join(tmpdir(), 'scrm-daily-'))
  let workspaceId: string

  beforeAll(async () => {
    source = await openTestDb(engine)
    const [ws] = await queryRows<{ id: string }>(
      source.db,
      sql`insert into workspaces (name) values ('Loja diária') returning id`,
    )
    workspaceId = ws?.id as string
  }, 120_000)
  afterAll(async () => {
    for (const t of [source, ...targets]) await t?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes a full backup, then incrementals, a new full after a week, and removes chains past keeping', {
    timeout: 180_000,
  }, async () => {
    const start = Date.now()
    let today = 0
    const job = dailyBackupJob(source.db, {
      schedule: '15 2 * * *',
      dir,
      passphrase: PASSPHRASE,
      fullEveryDays: 7,
      keepDays: 10,
      logger: createLogger('silent'),
      now: () => new Date(start + today * DAY),
    })
    const run = (day: number) => {
      today = day
      return job.run({ workspaceId, scheduledFor: new Date(start + day * DAY) })
    }
    const kinds = async () =>
      Promise.all(
        readdirSync(join(dir, workspaceId))
          .sort()
          .map(async (n) => (await readBackupHeader(join(dir, workspaceId, n))).kind),
      )

    await run(0)
    await source.db.execute(
      sql`update workspaces set name = 'Loja renomeada' where id = ${workspaceId}::uuid`,
    )
    await run(1)
    await run(2)
    expect(await kinds()).toEqual(['full', 'incremental', 'incremental'])

    const files = readdirSync(join(dir, workspaceId))
      .sort()
      .map((n) => join(dir, workspaceId, n))
    const target = await openTestDb(engine)
    targets.push(target)
    await restoreBackup(target.db, files, PASSPHRASE)
    const [restored] = await queryRows<{ name: string }>(target.db, sql`select name from workspaces`)
    expect(restored?.name).toBe('Loja renomeada')

    // A week after the first full backup a new chain starts; the old one goes once its newest
    // file is older than the keeping period, and the newest chain always stays.
    await run(8)
    expect(await kinds()).toEqual(['full', 'incremental', 'incremental', 'full'])
    // Day 13: the first chain's newest file (day 2) is past the 10 days kept; day 8's chain goes on.
    await run(13)
    expect(await kinds()).toEqual(['full', 'incremental'])
  })
})

describe('backup and restore from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrm-cli-backup-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'backend/src/cli.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', DATABASE_DRIVER: 'pglite', LOG_LEVEL: 'warn', ...env },
    })

  it('backs up an embedded install and restores it into a fresh one, and says what is missing', () => {
    const file = join(dir, 'all.scrmbak')
    const missing = run(['backup', '--out', file], { DATA_DIR: join(dir, 'a'), BACKUP_PASSPHRASE: '' })
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('Set BACKUP_PASSPHRASE')

    const made = run(['backup', '--out', file], { DATA_DIR: join(dir, 'a'), BACKUP_PASSPHRASE: PASSPHRASE })
    expect(made.status, made.stderr).toBe(0)
    expect(JSON.parse(made.stdout)).toMatchObject({ kind: 'full', file })
    expect(made.stderr).toContain('workspaces: 0 rows')

    const restored = run(['restore', file], { DATA_DIR: join(dir, 'b'), BACKUP_PASSPHRASE: PASSPHRASE })
    expect(restored.status, restored.stderr).toBe(0)
    expect(JSON.parse(restored.stdout)).toMatchObject({ restored: 1, workspace_id: null })
  }, 300_000)
})
