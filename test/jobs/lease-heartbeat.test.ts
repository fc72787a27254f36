import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type DbHandle, openDatabase } from '../../backend/src/db/client'
import { claimDue, type LeaseQueue } from '../../backend/src/jobs/lease-claim'
import { LeaseHeartbeat } from '../../backend/src/jobs/lease-heartbeat'
import { createLogger } from '../../backend/src/lib/logger'
import { freePort } from '../support/free-port'
import { ENGINES, openTestDb } from '../support/test-db'

const queue: LeaseQueue = {
  table: 'test_heartbeat_queue',
  due: (at) => sql`(state = 'queued' and run_after <= ${at}) or (state = 'running' and lease_until < ${at})`,
  orderBy: sql`run_after, id`,
  leaseColumn: 'lease_until',
  attemptsColumn: 'attempts',
  claimSet: sql`state = 'running'`,
  returning: sql`id, attempts`,
  held: sql`state = 'running'`,
}

type Claimed = { id: number; attempts: number }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const LEASE = 600
const logger = createLogger('silent')

describe.each(ENGINES)('lease heartbeat on %s', (engine) => {
  let handle: DbHandle
  const claim = () => claimDue<Claimed>(handle.db, queue, { limit: 10, leaseMs: LEASE })

  beforeAll(async () => {
    handle = await openTestDb(engine)
    await handle.db.execute(sql`create table test_heartbeat_queue (
      id bigint generated always as identity primary key,
      state text not null default 'queued',
      run_after timestamptz not null default clock_timestamp() - interval '1 second',
      lease_until timestamptz,
      attempts int not null default 0)`)
  })
  afterAll(async () => handle?.close())
  beforeEach(async () => {
    await handle.db.execute(sql`truncate test_heartbeat_queue restart identity`)
    await handle.db.execute(sql`insert into test_heartbeat_queue (state) values ('queued'), ('queued')`)
  })

  it('keeps claimed rows from other workers for as long as the work runs, then lets the lease lapse', async () => {
    const mine = await claim()
    expect(mine.rows).toHaveLength(2)
    const heartbeat = new LeaseHeartbeat(handle.db, queue, { leaseMs: LEASE, heartbeatMs: 5_000 }, logger)
    const stolen: Claimed[] = []
    await heartbeat.during(mine.rows, async () => {
      // Three leases long: without renewals (every LEASE / 3 here) another worker would take them.
      for (let i = 0; i < 9; i++) {
        await sleep(LEASE / 3)
        stolen.push(...(await claim()).rows)
      }
    })
    expect(stolen).toEqual([])
    expect(heartbeat.size).toBe(0)
    // Released: renewals stop, and a worker that died holding them would give them up after one lease.
    await sleep(LEASE + 100)
    expect((await claim()).rows.map((r) => [Number(r.id), r.attempts])).toEqual([
      [1, 2],
      [2, 2],
    ])
  })

  it('drops rows that finished or that another worker took over, and renews the rest', async () => {
    const mine = await claim()
    const heartbeat = new LeaseHeartbeat(handle.db, queue, { leaseMs: LEASE, heartbeatMs: 5_000 }, logger)
    heartbeat.hold(mine.rows)
    await handle.db.execute(sql`update test_heartbeat_queue set state = 'done' where id = 1`)
    // Row 2 taken over after a stall: its attempt count moved on, so our renewal is fenced out.
    await handle.db.execute(sql`update test_heartbeat_queue set attempts = attempts + 1 where id = 2`)
    await heartbeat.beat()
    expect(heartbeat.size).toBe(0)
    heartbeat.release(mine.rows.map((r) => r.id))
  })
})

describe('lease heartbeat without a database', () => {
  it('logs a beat that cannot reach the database and keeps the rows for the next one', async () => {
    const warnings: string[] = []
    const warnLogger = createLogger('warn', {
      write: (line: string) => void warnings.push(JSON.parse(line).msg),
    })
    // A real driver pointed at a port nobody listens on: the database is away.
    const away = await openDatabase({
      driver: 'pg',
      url: `postgres://postgres@127.0.0.1:${await freePort()}/none`,
    })
    try {
      const heartbeat = new LeaseHeartbeat(away.db, queue, { leaseMs: LEASE, heartbeatMs: 5_000 }, warnLogger)
      heartbeat.hold([
        { id: 1, attempts: 1 },
        { id: 2, attempts: 1 },
      ])
      await heartbeat.beat()
      expect(warnings).toEqual(['lease renewal failed; retrying at the next heartbeat'])
      expect(heartbeat.size).toBe(2)
      heartbeat.release([1, 2])
    } finally {
      await away.close()
    }
  })
})
