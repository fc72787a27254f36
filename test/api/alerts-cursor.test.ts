import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storeAlerts } from '../../backend/src/analytics/alert-rules'
import { queryRows } from '../../backend/src/db/query-rows'
import { ENGINES } from '../support/test-db'
import { startTestRuntime, type TestRuntime } from '../support/test-runtime'

/**
 * GET /api/v1/alerts pages by a cursor of the last alert's raised_at (milliseconds) and id. One rule
 * evaluation stores its alerts in one statement, so they share a raised_at that Postgres keeps in
 * microseconds: every page must still follow on from the one before, none lost or repeated.
 */
describe.each(ENGINES)('alert list cursor (%s)', (engine) => {
  let rt: TestRuntime
  let workspaceId: string

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    const [ws] = await queryRows<{ id: string }>(rt.db.db, sql`select id from workspaces limit 1`)
    workspaceId = ws?.id as string
  })
  afterAll(async () => rt?.close())

  it('walks alerts raised together, and earlier ones, page by page without losing any', async () => {
    const batch = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        rule: 'sync_success' as const,
        subject: 'hubspot',
        period: `${prefix}-${String(i + 1).padStart(2, '0')}`,
        figures: {},
        suggestion: null,
      }))
    expect(await storeAlerts(rt.db.db, workspaceId, batch('2026-01', 4))).toBe(4)
    expect(await storeAlerts(rt.db.db, workspaceId, batch('2026-02', 5))).toBe(5)
    // Both batches in the same millisecond with different microseconds is what Postgres can store.
    await rt.db.db.execute(
      sql`update analytics_alerts set raised_at = '2026-03-01T10:00:00.123456Z' where period like '2026-02-%'`,
    )
    await rt.db.db.execute(
      sql`update analytics_alerts set raised_at = '2026-03-01T10:00:00.123001Z' where period like '2026-01-%'`,
    )

    const seen: string[] = []
    let cursor: string | null = null
    for (let pages = 0; pages < 10; pages++) {
      const query: string = `/api/v1/alerts?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
      const res = await rt.api(query)
      expect(res.status).toBe(200)
      const body = (await res.json()) as { alerts: { id: string }[]; next_cursor: string | null }
      seen.push(...body.alerts.map((a) => a.id))
      cursor = body.next_cursor
      if (!cursor) break
    }
    const all = await queryRows<{ id: string }>(rt.db.db, sql`select id from analytics_alerts`)
    expect(seen).toHaveLength(9)
    expect(new Set(seen)).toEqual(new Set(all.map((a) => a.id)))
  })
})
