import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectionAccessToken } from '../../../backend/src/crm/oauth'
import type { ZohoConnector } from '../../../backend/src/crm/zoho/zoho-connector'
import { queryRows } from '../../../backend/src/db/query-rows'
import { customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { startZohoFixture, type ZohoFixture } from './zoho-support'

describe.each(ENGINES)('Zoho credits, concurrency and 429 (%s)', (engine) => {
  let f: ZohoFixture
  const pending = async () =>
    (
      await queryRows<{ n: number; attempts: number }>(
        f.rt.db.db,
        sql`select count(*)::int as n, coalesce(max(attempts), 0)::int as attempts from crm_outbox where parked_at is null`,
      )
    )[0]
  const dueNow = () =>
    f.rt.db.db.execute(sql`update crm_outbox set available_at = now() where parked_at is null`)
  const setCounted = (credits: number, resumeInPast = false) =>
    f.rt.db.db.execute(sql`update crm_connections set api_usage = api_usage || jsonb_build_object(
        'buckets', jsonb_build_object(${String(Math.floor(Date.now() / 3_600_000))}::text, ${credits}::int))
        || ${resumeInPast ? sql`jsonb_build_object('resumeAt', to_jsonb(now() - interval '1 second'))` : sql`'{}'::jsonb`}
        where id = ${f.connectionId}`)

  beforeAll(async () => {
    f = await startZohoFixture(engine, {
      dc: 'jp',
      env: { ZOHO_DAILY_CREDITS: '1000', ZOHO_CREDIT_STOP_SHARE: '0.5', ZOHO_CONCURRENCY: '3' },
      sim: { latencyMs: 5 },
    })
  })
  afterAll(async () => {
    await f?.close()
  })

  it('counts the credits each call costs, shared on the connection, and shows them on the connection view', async () => {
    await customerWrites(f.rt, NUMBER_A, { waId: '5511987602001', name: 'Ana' }, 'Oi')
    await f.drain()
    const sim = f.sim.credits(f.orgId)
    const view = (await (await f.rt.api('/api/v1/connections')).json()).connections[0]
    // The install's two identity reads (org, current user) happen before the connection exists.
    expect(view.api_usage).toMatchObject({ used: sim.used - 2, limit: 1000, stopped_at: null })
    expect((await f.connector()).quota()).toMatchObject({
      max: 1000,
      remaining: 1000 - (sim.used - 2),
      windowMs: 86_400_000,
    })
  })

  it('stops at the configured share of the org’s 24 h credits, alerts, and holds changes without spending attempts', async () => {
    await setCounted(499)
    await customerWrites(f.rt, NUMBER_A, { waId: '5511987602002', name: 'Bia' }, 'Oi')
    await f.rt.crmSync.worker.runOnce()
    const row = await f.connection()
    expect(row.apiUsage?.stoppedAt).not.toBeNull()
    expect(row.lastError).toMatch(/^Zoho sync stopped\. credit share reached: 5\d\d of 1000 credits/)
    const before = f.sim.requests.length
    await customerWrites(f.rt, NUMBER_A, { waId: '5511987602003', name: 'Caio' }, 'Oi')
    await f.rt.crmSync.worker.runOnce()
    expect(f.sim.requests.length).toBe(before)
    const held = await pending()
    expect(held?.n).toBeGreaterThan(0)
    expect(held?.attempts).toBe(0)
    const { metricsRegistry } = await import('../../../backend/src/lib/metrics')
    const stops = await metricsRegistry.getSingleMetric('scrm_crm_sync_stops_total')?.get()
    expect(stops?.values.find((v) => v.labels.provider === 'zoho')?.value).toBeGreaterThanOrEqual(1)

    // The oldest hours roll out: the next call finds room, sync resumes and the alert clears.
    await setCounted(10, true)
    const connector = (await f.connector()) as ZohoConnector
    await connector.http.budget.spend(0, null)
    await dueNow()
    await f.drain()
    const after = await f.connection()
    expect(after.apiUsage?.stoppedAt).toBeNull()
    expect(after.lastError).toBeNull()
    expect(f.sim.records(f.orgId, 'Contacts').some((c) => c.WhatsApp_Number === '+5511987602003')).toBe(true)
  })

  it('backs off with jitter on a 429 without Retry-After and succeeds, with no review item', async () => {
    f.sim.faults.failNext({ method: 'POST', pathPrefix: '/Contacts/upsert' }, 2, 429)
    await customerWrites(f.rt, NUMBER_A, { waId: '5511987602004', name: 'Duda' }, 'Oi')
    f.sim.resetRequests()
    await f.drain()
    const upserts = f.sim.requests.filter((r) => r.path === '/Contacts/upsert').map((r) => r.status)
    expect(upserts).toEqual([429, 429, 200])
    expect(f.sim.records(f.orgId, 'Contacts').some((c) => c.WhatsApp_Number === '+5511987602004')).toBe(true)
    const [review] = await queryRows<{ n: number }>(
      f.rt.db.db,
      sql`select count(*)::int as n from crm_review_items where kind = 'sync_failed'`,
    )
    expect(review?.n).toBe(0)
  })

  it('holds sync when Zoho answers that the credits are spent', async () => {
    f.sim.setCredits(f.orgId, 100_000)
    await customerWrites(f.rt, NUMBER_A, { waId: '5511987602005', name: 'Eva' }, 'Oi')
    await f.rt.crmSync.worker.runOnce()
    const row = await f.connection()
    expect(row.apiUsage?.reason).toMatch(/credits for the last 24 h are spent/)
    expect((await pending())?.attempts).toBe(0)
    // Credits come back: after the wait the next call goes out and sync resumes.
    f.sim.setCredits(f.orgId, 0)
    await setCounted(10, true)
    await ((await f.connector()) as ZohoConnector).http.budget.spend(0, null)
    await dueNow()
    await f.drain()
    expect((await f.connection()).apiUsage?.stoppedAt).toBeNull()
    expect(f.sim.records(f.orgId, 'Contacts').some((c) => c.WhatsApp_Number === '+5511987602005')).toBe(true)
  })

  it('keeps at most the configured calls in flight per org, across connectors of different processes', async () => {
    f.sim.setLatency(60)
    const provider = f.rt.deps.crm.get('zoho')
    const connection = await f.connection()
    const ctx = {
      db: f.rt.db.db,
      config: f.rt.deps.config,
      encryptionKey: f.rt.deps.encryptionKey,
      logger: f.rt.deps.logger,
    }
    const another = () =>
      provider.connector({
        connection,
        accessToken: (rejected) =>
          connectionAccessToken(ctx, provider, connection.id, { rejectedToken: rejected }),
        beforeRequest: async () => {},
      }) as ZohoConnector
    const [a, b] = [another(), another()]
    const before = f.sim.requests.length
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).http.call({ method: 'GET', path: '/org' })),
    )
    const mine = f.sim.requests.slice(before)
    expect(mine).toHaveLength(12)
    expect(mine.every((r) => r.status === 200)).toBe(true)
    expect(f.sim.peakConcurrency(f.orgId)).toBeLessThanOrEqual(3)
    f.sim.setLatency(5)
  })
})
