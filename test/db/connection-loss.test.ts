import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DbHandle, type DriverName, openDatabase } from '../../backend/src/db/client'
import { queryRows } from '../../backend/src/db/query-rows'
import { adminQuery, serverUrl, TEMPLATE_DB } from '../support/test-db'
import { startWsTcpProxy, type WsTcpProxy } from '../support/ws-tcp-proxy'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * The server ends a session (restart, failover, pg_terminate_backend) while a transaction holds
 * its connection: the transaction fails, the process lives on, the pool serves the next query.
 * Only this test's own backends are terminated; the shared server is never restarted.
 */
describe.skipIf(!process.env.DATABASE_URL).each<DriverName>(['pg', 'neon'])(
  'a lost connection on the %s driver',
  (driver) => {
    const name = `scrm_loss_${randomBytes(4).toString('hex')}`
    let proxy: WsTcpProxy | undefined
    let handle: DbHandle
    const lost: Error[] = []
    const uncaught: unknown[] = []
    const onUncaught = (error: unknown) => uncaught.push(error)

    beforeAll(async () => {
      await adminQuery(`create database ${name} template ${TEMPLATE_DB}`)
      if (driver === 'neon') proxy = await startWsTcpProxy()
      handle = await openDatabase({
        driver,
        url: serverUrl(name),
        poolSize: 3,
        neonWsProxy: proxy?.url,
        onConnectionError: (error) => lost.push(error),
      })
      process.on('uncaughtException', onUncaught)
    })
    afterAll(async () => {
      process.off('uncaughtException', onUncaught)
      await handle?.close()
      await proxy?.close()
      await adminQuery(`drop database if exists ${name} with (force)`)
    })

    it('fails the transaction holding it, reports it, and leaves the pool usable', async () => {
      const outcome = handle.db.transaction(async (tx) => {
        const [row] = await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`)
        await adminQuery(`select pg_terminate_backend(${Number(row?.pid)})`)
        // The session is idle in its transaction when the server's 57P01 arrives.
        await sleep(300)
        await tx.execute(sql`select 1`)
      })
      await expect(outcome).rejects.toThrow()
      await sleep(100)
      expect(uncaught).toEqual([])
      expect(lost.length).toBeGreaterThan(0)

      const rows = await queryRows<{ one: number }>(handle.db, sql`select 1 as one`)
      expect(rows).toEqual([{ one: 1 }])
    })

    it('recovers when every pooled connection is killed between queries', async () => {
      await Promise.all([1, 2, 3].map(() => handle.db.execute(sql`select pg_sleep(0.05)`)))
      await adminQuery(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
      )
      await sleep(300)
      expect(uncaught).toEqual([])
      const rows = await queryRows<{ one: number }>(handle.db, sql`select 1 as one`)
      expect(rows).toEqual([{ one: 1 }])
    })
  },
)
