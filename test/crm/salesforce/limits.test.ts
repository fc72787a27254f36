import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import { createLogger } from '../../../backend/src/lib/logger'
import { customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { type SfFixture, startSfFixture } from './sf-support'

describe.each(ENGINES)('Salesforce API allocation (%s)', (engine) => {
  let f: SfFixture
  const pending = async () =>
    (
      await queryRows<{ n: number; attempts: number }>(
        f.rt.db.db,
        sql`select count(*)::int as n, coalesce(max(attempts), 0)::int as attempts from crm_outbox where parked_at is null`,
      )
    )[0]

  /** The held changes' wait is over (the clock moved on). */
  const dueNow = () =>
    f.rt.db.db.execute(sql`update crm_outbox set available_at = now() where parked_at is null`)

  beforeAll(async () => {
    f = await startSfFixture(engine, {
      env: { SALESFORCE_API_STOP_SHARE: '0.8' },
      logger: process.env.SF_DEBUG ? createLogger('debug') : undefined,
    })
  })
  afterAll(async () => {
    await f?.close()
  })

  it('reads Sforce-Limit-Info on every answer and shows the allocation on the connection', async () => {
    await customerWrites(f.rt, NUMBER_A, { waId: '5511987601001', name: 'Ana' }, 'Oi')
    await f.drain()
    const { used, limit } = f.sim.apiUsage(f.orgId)
    expect(used).toBeGreaterThan(0)
    const view = (await (await f.rt.api('/api/v1/connections')).json()).connections[0]
    expect(view.api_usage).toMatchObject({ used, limit, stopped_at: null })
    expect(view.api_usage.share).toBeCloseTo(used / limit, 3)
    const quota = (await f.connector()).quota()
    expect(quota).toMatchObject({ max: limit, remaining: limit - used, windowMs: 86_400_000 })
  })

  it('stops at 80 % of the daily allocation, alerts on the connection, and holds changes without spending attempts', async () => {
    f.sim.setApiUsage(f.orgId, 11_999, 15_000)
    await customerWrites(f.rt, NUMBER_A, { waId: '5511987601002', name: 'Bia' }, 'Oi')
    await f.rt.crmSync.worker.runOnce()
    // That call took usage to 12,000 = 80 %: sync stops.
    const row = await f.connection()
    expect(row.apiUsage).toMatchObject({ used: 12_000, limit: 15_000 })
    expect(row.apiUsage?.stoppedAt).not.toBeNull()
    expect(row.lastError).toMatch(/^Salesforce sync stopped\. API share reached: 12000 of 15000/)
    const before = f.sim.requests.length
    await customerWrites(f.rt, NUMBER_A, { waId: '5511987601003', name: 'Caio' }, 'Oi')
    await f.rt.crmSync.worker.runOnce()
    expect(f.sim.requests.length).toBe(before)
    const held = await pending()
    expect(held?.n).toBeGreaterThan(0)
    expect(held?.attempts).toBe(0)
    const { metricsRegistry } = await import('../../../backend/src/lib/metrics')
    const stops = await metricsRegistry.getSingleMetric('scrm_crm_sync_stops_total')?.get()
    expect(stops?.values.find((v) => v.labels.reason === 'api_share_reached')?.value).toBeGreaterThanOrEqual(
      1,
    )

    // The rolling 24 h frees budget: the next probe resumes sync and clears the alert.
    f.sim.setApiUsage(f.orgId, 5_000, 15_000)
    await f.rt.db.db.execute(
      sql`update crm_connections set api_usage = jsonb_set(api_usage, '{resumeAt}', to_jsonb(now() - interval '1 second')) where id = ${f.connectionId}`,
    )
    const connector = await f.connector()
    await connector.api.budget.observe({ used: 11_999, limit: 15_000 }, Date.now())
    await dueNow()
    await f.drain()
    const after = await f.connection()
    expect(after.apiUsage?.stoppedAt).toBeNull()
    expect(after.lastError).toBeNull()
    expect(f.sim.records(f.orgId, 'Lead').some((l) => l.WA_Phone__c === '+5511987601003')).toBe(true)
  })

  it('backs off on REQUEST_LIMIT_EXCEEDED (403) until the budget returns, with no limit errors after', async () => {
    f.sim.faults.failNext({ method: 'PATCH' }, 1, 'REQUEST_LIMIT_EXCEEDED')
    await customerWrites(f.rt, NUMBER_A, { waId: '5511987601004', name: 'Duda' }, 'Oi')
    await f.rt.crmSync.worker.runOnce()
    const row = await f.connection()
    expect(row.apiUsage?.reason).toMatch(/^REQUEST_LIMIT_EXCEEDED/)
    const resumeIn = Date.parse(row.apiUsage?.resumeAt ?? '') - Date.now()
    expect(resumeIn).toBeGreaterThan(30_000)
    const refused = f.sim.requests.filter((r) => r.status === 403).length
    expect(refused).toBe(1)
    // While backing off nothing is sent; the changes wait without losing an attempt.
    const sent = f.sim.requests.length
    await f.rt.crmSync.worker.runOnce()
    expect(f.sim.requests.length).toBe(sent)
    expect((await pending())?.attempts).toBe(0)
    // The wait passes: one successful answer and sync is back.
    const connector = await f.connector()
    await connector.api.budget.observe({ used: 100, limit: 15_000 })
    await dueNow()
    await f.drain()
    expect(f.sim.records(f.orgId, 'Lead').some((l) => l.WA_Phone__c === '+5511987601004')).toBe(true)
    expect(f.sim.requests.filter((r) => r.status === 403)).toHaveLength(refused)
  })
})
