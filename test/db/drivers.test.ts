import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseDriver, openDatabase } from '../../backend/src/db/client'
import { migrateDatabase } from '../../backend/src/db/migrate'
import { queryRows } from '../../backend/src/db/query-rows'
import { workspaces } from '../../backend/src/db/schema'
import { adminQuery, serverUrl } from '../support/test-db'
import { startWsTcpProxy, type WsTcpProxy } from '../support/ws-tcp-proxy'

describe('driver choice from DATABASE_URL', () => {
  it('uses embedded PGlite when unset, node-postgres for a server and Neon for Neon hosts', () => {
    expect(chooseDriver(undefined)).toBe('pglite')
    expect(chooseDriver('postgres://u@127.0.0.1:5432/db')).toBe('pg')
    expect(
      chooseDriver('postgresql://u:p@ep-cool-dawn-123456.eu-central-1.aws.neon.tech/neondb?sslmode=require'),
    ).toBe('neon')
    expect(chooseDriver('postgres://u@127.0.0.1:5432/db', 'neon')).toBe('neon')
  })
})

describe('embedded PGlite on disk', () => {
  it('keeps data across restarts under the data directory and migrates idempotently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrm-pglite-'))
    try {
      const first = await openDatabase({ dataDir: dir })
      await migrateDatabase(first)
      await first.db.insert(workspaces).values({ name: 'persisted' })
      await first.close()
      const second = await openDatabase({ dataDir: dir })
      await migrateDatabase(second)
      const rows = await second.db.select().from(workspaces).where(eq(workspaces.name, 'persisted'))
      expect(rows).toHaveLength(1)
      await second.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe.skipIf(!process.env.DATABASE_URL)('Neon serverless driver against the Postgres server', () => {
  let proxy: WsTcpProxy
  const name = `scrm_neon_${randomBytes(4).toString('hex')}`

  beforeAll(async () => {
    proxy = await startWsTcpProxy()
    await adminQuery(`create database ${name}`)
  })
  afterAll(async () => {
    await proxy?.close()
    await adminQuery(`drop database if exists ${name} with (force)`)
  })

  it('migrates, writes and reads through WebSockets, including transactions', async () => {
    const handle = await openDatabase({ driver: 'neon', url: serverUrl(name), neonWsProxy: proxy.url })
    try {
      expect(handle.driver).toBe('neon')
      await migrateDatabase(handle)
      await migrateDatabase(handle)
      await handle.db.transaction(async (tx) => {
        await tx.insert(workspaces).values({ name: 'via neon' })
      })
      const rows = await queryRows<{ name: string }>(handle.db, sql`select name from workspaces`)
      expect(rows).toEqual([{ name: 'via neon' }])
      const tables = await queryRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
      )
      expect(tables[0]?.n).toBeGreaterThanOrEqual(10)
      expect(proxy.connections()).toBeGreaterThan(0)
    } finally {
      await handle.close()
    }
  })
})
