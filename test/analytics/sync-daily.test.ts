import { inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localDate } from '../../backend/src/analytics/report-period'
import { syncDaily } from '../../backend/src/analytics/sync-daily'
import type { DbHandle } from '../../backend/src/db/client'
import { crmConnections, crmOutbox } from '../../backend/src/db/schema'
import { seedChannel } from '../support/seed-channel'
import { ENGINES, openTestDb } from '../support/test-db'

describe.each(ENGINES)('daily CRM sync success rate and latency per connection (%s)', (engine) => {
  let handle: DbHandle
  beforeAll(async () => {
    handle = await openTestDb(engine)
  })
  afterAll(async () => {
    await handle.close()
  })

  /** A connection whose outbox settles `waits` (seconds since the first unwritten change) and parks `parked`. */
  async function settle(waits: number[], parked: number) {
    const channel = await seedChannel(handle.db)
    const [c] = await handle.db
      .insert(crmConnections)
      .values({ workspaceId: channel.workspaceId, provider: 'hubspot', accountId: `daily-${channel.id}` })
      .returning()
    const rows = await handle.db
      .insert(crmOutbox)
      .values(
        [...waits, ...Array(parked).fill(1)].map((wait, i) => ({
          workspaceId: channel.workspaceId,
          connectionId: c!.id,
          kind: 'contact' as const,
          subjectId: `s-${i}`,
          firstChangedAt: new Date(Date.now() - wait * 1000),
        })),
      )
      .returning({ id: crmOutbox.id })
    const ids = rows.map((r) => r.id)
    await handle.db
      .update(crmOutbox)
      .set({ parkedAt: new Date() })
      .where(inArray(crmOutbox.id, ids.slice(waits.length)))
    await handle.db.delete(crmOutbox).where(inArray(crmOutbox.id, ids.slice(0, waits.length)))
    return { workspaceId: channel.workspaceId, connectionId: c!.id }
  }

  it('counts written and parked changes per local day with the exact p50/p95 wait of the written ones', async () => {
    // 20 writes that waited 1..20 s: p50 is the 10th (10 s), p95 the 19th (19 s); one parked
    const waits = Array.from({ length: 20 }, (_, i) => i + 1)
    const { workspaceId, connectionId } = await settle(waits, 1)
    const today = localDate(new Date(), 'UTC')
    const [day, ...more] = await syncDaily(handle.db, connectionId, {
      workspaceId,
      from: today,
      to: today,
      timeZone: 'UTC',
    })
    expect(more).toEqual([])
    expect(day).toMatchObject({ day: today, succeeded: 20, failed: 1, success_percent: 95.24 })
    // written a moment after the wait began: within a second of the seeded waits
    expect(day!.latency_p50_ms).toBeGreaterThanOrEqual(10_000)
    expect(day!.latency_p50_ms).toBeLessThan(11_000)
    expect(day!.latency_p95_ms).toBeGreaterThanOrEqual(19_000)
    expect(day!.latency_p95_ms).toBeLessThan(20_000)
  })

  it('has nothing for another connection, a day without changes, or only parked changes', async () => {
    const { workspaceId, connectionId } = await settle([], 3)
    const today = localDate(new Date(), 'UTC')
    const period = { workspaceId, from: today, to: today, timeZone: 'UTC' }
    expect(await syncDaily(handle.db, connectionId, period)).toEqual([
      { day: today, succeeded: 0, failed: 3, success_percent: 0, latency_p50_ms: null, latency_p95_ms: null },
    ])
    const other = await settle([5], 0)
    expect(await syncDaily(handle.db, other.connectionId, period)).toEqual([])
    expect(
      await syncDaily(handle.db, connectionId, { ...period, from: '2020-01-01', to: '2020-01-31' }),
    ).toEqual([])
  })
})
