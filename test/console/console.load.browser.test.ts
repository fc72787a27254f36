import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { startTestRuntime, TEST_ENV, type TestRuntime } from '../support/test-runtime'
import { launchChromium, SCREENSHOTS, screenshot, serveRuntime, signIn } from './console-harness'

const CONTACTS = 100_000
/** Loads of each page measured; the p95 is over all of them. */
const LOADS_PER_PAGE = 6
const PAGES = [
  '',
  'numbers',
  'rules',
  'review',
  'dead-letters',
  'duplicates',
  'reports',
  'alerts',
  'broadcasts',
  'quick-replies',
  'stores',
  'discount-pools',
  'locale',
  'webhooks',
  'connections',
  'sending-policy',
]
const P95_TARGET_MS = 1_000

/**
 * Issue #17's target: console pages load in ≤ 1 s (p95) on a workspace with 100,000 contacts.
 * Contacts (a tenth of them written in the last 24 h, so open windows count them) and 14 days of
 * message counts are seeded with SQL; each page is then opened by address in Chromium and timed
 * from navigation until its content is shown with nothing left loading.
 */
describe('console page load time with 100,000 contacts (PGlite)', { timeout: 600_000 }, () => {
  let rt: TestRuntime
  let server: { url: string; close(): Promise<void> }
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    rt = await startTestRuntime('pglite')
    const [ws] = await queryRows<{ workspace_id: string }>(
      rt.db.db,
      sql`select workspace_id from api_keys where from_config limit 1`,
    )
    const workspaceId = ws?.workspace_id as string
    await rt.db.db.execute(sql`
      insert into contacts (workspace_id, phone_e164, wa_id, name, last_inbound_at)
      select ${workspaceId}, '+5511' || lpad(g::text, 9, '0'), '5511' || lpad(g::text, 9, '0'),
             'Contact ' || g,
             case when g % 10 = 0 then now() - (g % 20) * interval '1 hour' else now() - interval '30 days' end
        from generate_series(1, ${CONTACTS}) g`)
    await rt.db.db.execute(sql`
      insert into analytics_activity (workspace_id, bucket, inbound, outbound)
      select ${workspaceId}, b, 40 + (extract(epoch from b)::bigint % 7)::int, 25
        from generate_series(date_trunc('hour', now()) - interval '14 days', date_trunc('hour', now()),
                             interval '15 minutes') b
      on conflict do nothing`)
    server = await serveRuntime(rt)
    browser = await launchChromium()
    page = await (await browser.newContext({ locale: 'en-US' })).newPage()
    page.setDefaultTimeout(30_000)
    await page.goto(`${server.url}/admin`)
    await signIn(page, TEST_ENV.ADMIN_API_KEY)
    await page.getByTestId('page-overview').waitFor()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await rt?.close()
  })

  it(`opens every page in ≤ ${P95_TARGET_MS} ms at the 95th percentile`, async () => {
    const windows = await (await rt.api('/api/v1/overview')).json()
    expect(windows.open_windows).toBe(CONTACTS / 10)
    const samples: { page: string; ms: number }[] = []
    for (let round = 0; round < LOADS_PER_PAGE; round++) {
      for (const slug of PAGES) {
        const started = performance.now()
        await page.goto(`${server.url}/admin${slug ? `/${slug}` : ''}`)
        await page.waitForFunction(() => {
          const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document
          return (
            doc.querySelector('[data-testid^="page-"]') !== null &&
            doc.querySelector('[data-testid="loading"]') === null
          )
        })
        samples.push({ page: slug || 'overview', ms: Math.round(performance.now() - started) })
      }
    }
    const sorted = samples.map((s) => s.ms).sort((a, b) => a - b)
    const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1] as number
    const median = sorted[Math.floor(sorted.length / 2)] as number
    mkdirSync(SCREENSHOTS, { recursive: true })
    writeFileSync(
      join(SCREENSHOTS, 'load-times.json'),
      `${JSON.stringify({ contacts: CONTACTS, loads: samples.length, median_ms: median, p95_ms: p95, samples }, null, 2)}\n`,
    )
    console.log(
      `console page loads with ${CONTACTS} contacts: median ${median} ms, p95 ${p95} ms (${samples.length} loads)`,
    )
    await page.goto(`${server.url}/admin`)
    await page.getByTestId('tile-windows').waitFor()
    await screenshot(page, 'overview-100k-contacts')
    expect(p95).toBeLessThanOrEqual(P95_TARGET_MS)
  })
})
