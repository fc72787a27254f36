import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { DbHandle, Transaction } from '../../backend/src/db/client'
import { queryRows } from '../../backend/src/db/query-rows'
import { claimDue, type LeaseQueue, lockDue, renewLeases } from '../../backend/src/jobs/lease-claim'
import { ENGINES, openTestDb } from '../support/test-db'

/** A queue of its own, shaped like the real ones: state, due time, lease, attempts. */
const queue: LeaseQueue = {
  table: 'test_lease_queue',
  due: (at) => sql`(state = 'queued' and run_after <= ${at}) or (state = 'running' and lease_until < ${at})`,
  orderBy: sql`run_after, id`,
  leaseColumn: 'lease_until',
  attemptsColumn: 'attempts',
  claimSet: sql`state = 'running'`,
  returning: sql`id, attempts`,
  deadLetter: { maxAttempts: 3, set: sql`state = 'dead'` },
  held: sql`state = 'running'`,
}

type Claimed = { id: number; attempts: number }
const LEASE = 60_000
const later = (ms: number) => new Date(Date.now() + ms)

describe.each(ENGINES)('lease claim on %s', (engine) => {
  let handle: DbHandle
  const rows = (where = sql`true`) =>
    queryRows<{ id: number; state: string; attempts: number }>(
      handle.db,
      sql`select id::int as id, state, attempts from test_lease_queue where ${where} order by id`,
    )

  beforeAll(async () => {
    handle = await openTestDb(engine)
    await handle.db.execute(sql`create table test_lease_queue (
      id bigint generated always as identity primary key,
      state text not null default 'queued',
      run_after timestamptz not null default clock_timestamp(),
      lease_until timestamptz,
      attempts int not null default 0)`)
  })
  afterAll(async () => handle?.close())
  beforeEach(async () => {
    await handle.db.execute(sql`truncate test_lease_queue restart identity`)
  })
  // Due a second ago: the database clock has microseconds, a JS Date only milliseconds, so a row
  // stamped "now" can sit a fraction of a millisecond after a `Date.now()` taken right after it.
  const seed = (n: number) =>
    handle.db.execute(
      sql`insert into test_lease_queue (state, run_after)
          select 'queued', clock_timestamp() - interval '1 second' from generate_series(1, ${n})`,
    )

  it('two claimers at once never get the same row, and together take every due row once', async () => {
    await seed(40)
    const claim = () => claimDue<Claimed>(handle.db, queue, { limit: 15, leaseMs: LEASE })
    const [a, b, c] = await Promise.all([claim(), claim(), claim()])
    const ids = [...(a?.rows ?? []), ...(b?.rows ?? []), ...(c?.rows ?? [])].map((r) => Number(r.id))
    expect(ids).toHaveLength(40)
    expect(new Set(ids).size).toBe(40)
    expect(await rows(sql`state <> 'running' or attempts <> 1`)).toEqual([])
    // Everything is leased: a fourth claimer finds nothing.
    expect((await claim()).rows).toEqual([])
  })

  it('an expired lease is taken over by another worker, whose heartbeat holds it; the first lost it', async () => {
    await seed(1)
    const first = await claimDue<Claimed>(handle.db, queue, { limit: 5, leaseMs: LEASE })
    expect(first.rows.map((r) => r.attempts)).toEqual([1])
    // Still leased now; after the lease, another worker takes it.
    expect(
      (await claimDue(handle.db, queue, { limit: 5, leaseMs: LEASE, now: later(LEASE - 1000) })).rows,
    ).toEqual([])
    const second = await claimDue<Claimed>(handle.db, queue, {
      limit: 5,
      leaseMs: LEASE,
      now: later(LEASE + 1000),
    })
    expect(second.rows.map((r) => [Number(r.id), r.attempts])).toEqual([[1, 2]])
    // The first worker's heartbeat is fenced out by the attempt count; the second's renews.
    expect(await renewLeases(handle.db, queue, first.rows, LEASE)).toEqual([])
    expect(await renewLeases(handle.db, queue, second.rows, 10 * LEASE)).toEqual(['1'])
    const [lease] = await queryRows<{ until: string | Date }>(
      handle.db,
      sql`select lease_until as until from test_lease_queue where id = 1`,
    )
    expect(new Date(lease?.until as string).getTime()).toBeGreaterThan(Date.now() + 9 * LEASE)
  })

  it('counts attempts and dead-letters a row claimed maxAttempts times instead of leasing it again', async () => {
    await seed(2)
    let now = Date.now()
    for (let attempt = 1; attempt <= 3; attempt++) {
      const claim = await claimDue<Claimed>(handle.db, queue, {
        limit: 1,
        leaseMs: LEASE,
        now: new Date(now),
      })
      expect(claim.rows.map((r) => [Number(r.id), r.attempts])).toEqual([[1, attempt]])
      expect(claim.deadLettered).toBe(0)
      now += LEASE + 1000
    }
    const parked = await claimDue<Claimed>(handle.db, queue, { limit: 2, leaseMs: LEASE, now: new Date(now) })
    expect(parked.deadLettered).toBe(1)
    expect(parked.rows.map((r) => [Number(r.id), r.attempts])).toEqual([[2, 1]])
    expect(await rows()).toEqual([
      { id: 1, state: 'dead', attempts: 3 },
      { id: 2, state: 'running', attempts: 1 },
    ])
  })

  it('lockDue: a transaction holding a page keeps other transactions off it until it ends', async () => {
    const lockPage = (tx: Transaction) =>
      lockDue<{ id: number }>(tx, {
        table: 'test_lease_queue',
        due: sql`true`,
        orderBy: sql`id`,
        limit: 4,
        columns: sql`id::int as id`,
      })
    await seed(6)
    if (engine === 'pglite') {
      // One connection: a second transaction cannot run beside the first, only the shape can be checked.
      const page = await handle.db.transaction((tx) => lockPage(tx))
      expect(page.map((r) => r.id)).toEqual([1, 2, 3, 4])
      return
    }
    let release = () => {}
    const held = new Promise<void>((r) => {
      release = r
    })
    let first: number[] = []
    const firstTx = handle.db.transaction(async (tx) => {
      first = (await lockPage(tx)).map((r) => r.id)
      await held
    })
    while (first.length === 0) await new Promise((r) => setTimeout(r, 5))
    const second = await handle.db.transaction((tx) => lockPage(tx))
    release()
    await firstTx
    expect(first).toEqual([1, 2, 3, 4])
    expect(second.map((r) => r.id)).toEqual([5, 6])
  })
})
