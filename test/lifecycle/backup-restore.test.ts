import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DbHandle, Executor } from '../../backend/src/db/client'
import { queryRows } from '../../backend/src/db/query-rows'
import { BackupError } from '../../backend/src/lifecycle/backup/backup-format'
import { readBackupHeader, restoreBackup } from '../../backend/src/lifecycle/backup/restore-backup'
import { writeBackup } from '../../backend/src/lifecycle/backup/write-backup'
import { HUBSPOT_SIM_DEFAULTS, type HubspotSimulator, startHubspotSimulator } from '../simulators/hubspot'
import { type CloudApiSimulator, startCloudApiSimulator } from '../simulators/whatsapp/cloud-api'
import { contactIdOf, customerWrites } from '../support/conversation'
import { type SeededTenant, seedTenant } from '../support/tenant-seed'
import { ENGINES, openTestDb } from '../support/test-db'
import { NUMBER_A, NUMBER_B, startTestRuntime, type TestRuntime } from '../support/test-runtime'

const PASSPHRASE = 'correct horse battery staple 2026'

/** Every row of every public table, as text in a stable order: equal means the same data. */
async function everyRow(db: Executor): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind = 'r' order by 1`,
  )
  const out: Record<string, string> = {}
  for (const { name } of tables) {
    const [row] = await queryRows<{ rows: string | null }>(
      db,
      sql`select json_agg(t order by t::text)::text as rows from ${sql.identifier(name)} t`,
    )
    out[name] = row?.rows ?? '[]'
  }
  return out
}

const WORKSPACE_TABLES = [
  'contacts',
  'messages',
  'contact_tags',
  'rules',
  'crm_connections',
  'whatsapp_channels',
]

/** One workspace's rows of a table, as text in a stable order. */
async function workspaceRows(db: Executor, table: string, workspaceId: string): Promise<string> {
  const [row] = await queryRows<{ rows: string | null }>(
    db,
    table === 'contact_tags'
      ? sql`select json_agg(t order by t::text)::text as rows from contact_tags t
             where t.contact_id in (select id from contacts where workspace_id = ${workspaceId}::uuid)`
      : sql`select json_agg(t order by t::text)::text as rows from ${sql.identifier(table)} t
             where t.workspace_id = ${workspaceId}::uuid`,
  )
  return row?.rows ?? '[]'
}

describe.each(ENGINES)('backup and restore (%s)', (engine) => {
  let rt: TestRuntime
  let hubspot: HubspotSimulator
  let whatsapp: CloudApiSimulator
  let a: SeededTenant
  let b: SeededTenant
  const dir = mkdtempSync(join(tmpdir(), 'scrm-backup-'))
  const targets: DbHandle[] = []
  const freshDb = async () => {
    const handle = await openTestDb(engine)
    targets.push(handle)
    return handle
  }

  beforeAll(async () => {
    hubspot = await startHubspotSimulator()
    whatsapp = await startCloudApiSimulator({ appSecret: 'backup', numbers: [NUMBER_A, NUMBER_B] })
    rt = await startTestRuntime(engine, {
      HUBSPOT_CLIENT_ID: HUBSPOT_SIM_DEFAULTS.clientId,
      HUBSPOT_CLIENT_SECRET: HUBSPOT_SIM_DEFAULTS.clientSecret,
      HUBSPOT_API_URL: hubspot.url,
      WHATSAPP_GRAPH_URL: whatsapp.url,
    })
    a = await seedTenant(rt, NUMBER_A, 'a', '+5511977776666')
    b = await seedTenant(rt, NUMBER_B, 'b', '+5511966665555')
    // Text Postgres cannot hold as is (stored escaped), emoji, CJK and markup survive the trip too.
    await customerWrites(rt, NUMBER_A, { waId: '5511977776666' }, 'nul\u0000 <b>x</b> 你好 👍🏽')
  }, 120_000)
  afterAll(async () => {
    for (const t of targets) await t.close()
    await rt?.close()
    await hubspot?.close()
    await whatsapp?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('restores a whole-database backup into a fresh install with every row identical', {
    timeout: 120_000,
  }, async () => {
    const file = join(dir, `all-${engine}.scrmbak`)
    const written = await writeBackup(rt.db.db, file, { passphrase: PASSPHRASE })
    expect(written.rows.messages).toBeGreaterThanOrEqual(4)
    expect(written.rows.webhook_events).toBeGreaterThan(0)

    const target = await freshDb()
    const restored = await restoreBackup(target.db, file, PASSPHRASE)
    expect(restored.rows).toEqual(written.rows)
    expect(await everyRow(target.db)).toEqual(await everyRow(rt.db.db))

    // New rows continue after the restored ids instead of colliding with them.
    const [ids] = await queryRows<{ max: number; next: number }>(
      target.db,
      sql`select (select max(id) from messages)::int as max,
                 nextval(pg_get_serial_sequence('messages', 'id'))::int as next`,
    )
    expect(ids?.next).toBeGreaterThan(ids?.max ?? 0)
  })

  it("restores one workspace's backup with its rows only, and none of another tenant's", {
    timeout: 120_000,
  }, async () => {
    const file = join(dir, `a-${engine}.scrmbak`)
    await writeBackup(rt.db.db, file, { passphrase: PASSPHRASE, workspaceId: a.workspaceId })
    expect((await readBackupHeader(file)).workspace_id).toBe(a.workspaceId)

    const target = await freshDb()
    await restoreBackup(target.db, file, PASSPHRASE)
    const after = await everyRow(target.db)
    const dump = JSON.stringify(after)
    for (const text of a.contents.filter((t) => !t.startsWith('s3cret')))
      expect(dump, `A's "${text}" is restored`).toContain(JSON.stringify(text).slice(1, -1))
    for (const text of b.contents) expect(dump, `B's "${text}" is not`).not.toContain(text)

    // Each workspace table holds exactly A's rows as the source has them.
    for (const table of WORKSPACE_TABLES)
      expect(after[table], table).toBe(await workspaceRows(rt.db.db, table, a.workspaceId))
  })

  it('restores a full backup followed by an incremental one to the later state, deletions included', {
    timeout: 180_000,
  }, async () => {
    const fullFile = join(dir, `a-full-${engine}.scrmbak`)
    const full = await writeBackup(rt.db.db, fullFile, { passphrase: PASSPHRASE, workspaceId: a.workspaceId })

    // After the full backup: a new message (insert), a renamed contact (update), a tag removed (a delete).
    await customerWrites(rt, NUMBER_A, { waId: '5511977776666' }, 'depois do backup completo')
    const contactId = await contactIdOf(rt, '+5511977776666', a.key)
    const call = (path: string, method: string, json?: unknown) => rt.api(path, { method, json, key: a.key })
    expect((await call(`/api/v1/contacts/${contactId}`, 'PATCH', { name: 'Nome Novo' })).status).toBe(200)
    expect((await call(`/api/v1/contacts/${contactId}/tags/vip_a`, 'DELETE')).status).toBeLessThan(300)

    const incFile = join(dir, `a-inc-${engine}.scrmbak`)
    const inc = await writeBackup(rt.db.db, incFile, {
      passphrase: PASSPHRASE,
      workspaceId: a.workspaceId,
      since: full.header,
    })
    expect(inc.header.kind).toBe('incremental')
    expect(inc.header.base_id).toBe(full.header.id)
    // Only what changed is carried: the new message, not the whole thread again.
    expect(inc.rows.messages).toBeLessThan(full.rows.messages as number)
    expect(inc.rows.quick_replies).toBe(0)
    expect(inc.rows.contact_tags).toBe(0)

    await expect(restoreBackup((await freshDb()).db, incFile, PASSPHRASE)).rejects.toThrow(
      /starts with a full backup/,
    )
    await expect(restoreBackup((await freshDb()).db, [incFile, fullFile], PASSPHRASE)).rejects.toThrow(
      BackupError,
    )

    const target = await freshDb()
    await restoreBackup(target.db, [fullFile, incFile], PASSPHRASE)
    for (const table of [...WORKSPACE_TABLES, 'quick_replies'])
      expect(await workspaceRows(target.db, table, a.workspaceId), table).toBe(
        await workspaceRows(rt.db.db, table, a.workspaceId),
      )
    const dump = JSON.stringify(await everyRow(target.db))
    expect(dump).toContain('depois do backup completo')
    expect(dump).toContain('Nome Novo')
    const [tags] = await queryRows<{ n: number }>(
      target.db,
      sql`select count(*)::int as n from contact_tags ct join tags t on t.id = ct.tag_id where t.key = 'vip_a'`,
    )
    expect(tags?.n).toBe(0)
  })

  it('keeps the content unreadable without the passphrase and refuses a changed file, writing nothing', {
    timeout: 120_000,
  }, async () => {
    const file = join(dir, `a2-${engine}.scrmbak`)
    await writeBackup(rt.db.db, file, { passphrase: PASSPHRASE, workspaceId: a.workspaceId })
    const bytes = readFileSync(file)
    expect(bytes.includes(Buffer.from('pedido secreto a'))).toBe(false)
    expect(bytes.includes(Buffer.from('5511977776666'))).toBe(false)

    const target = await freshDb()
    await expect(restoreBackup(target.db, file, 'wrong passphrase')).rejects.toThrow(BackupError)

    const flipped = Buffer.from(bytes)
    const at = flipped.length - 100
    flipped[at] = (flipped[at] as number) ^ 0xff
    const changed = join(dir, `a2-changed-${engine}.scrmbak`)
    writeFileSync(changed, flipped)
    await expect(restoreBackup(target.db, changed, PASSPHRASE)).rejects.toThrow(/cannot be read/)

    // The header is authenticated too: pointing it at another workspace is refused.
    const text = bytes.toString('latin1').replace(a.workspaceId, b.workspaceId)
    const retargeted = join(dir, `a2-retargeted-${engine}.scrmbak`)
    writeFileSync(retargeted, Buffer.from(text, 'latin1'))
    await expect(restoreBackup(target.db, retargeted, PASSPHRASE)).rejects.toThrow(BackupError)

    const [count] = await queryRows<{ n: number }>(target.db, sql`select count(*)::int as n from workspaces`)
    expect(count?.n).toBe(0)

    await expect(restoreBackup(target.db, join(dir, 'missing.scrmbak'), PASSPHRASE)).rejects.toThrow(
      /no readable file/,
    )
    await expect(restoreBackup(rt.db.db, file, PASSPHRASE)).rejects.toThrow(/already exists/)
  })
})
