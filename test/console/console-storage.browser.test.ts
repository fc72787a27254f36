import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SyncFixture, startSyncFixture } from '../crm/sync/sync-support'
import { customerWrites } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, TEST_ENV } from '../support/test-runtime'
import { launchChromium, screenshot, serveRuntime, signIn } from './console-harness'

const UI_MS = 30_000

/**
 * The connection card shows the CRM storage estimate (GET /connections/{id}/storage): what the
 * sync wrote this month against the budget as a bar, the month's projection, and whether the sync
 * writes thinned.
 */
describe.each(ENGINES)('the CRM storage budget in the console (%s)', { timeout: 240_000 }, (engine) => {
  let f: SyncFixture
  let server: { url: string; close(): Promise<void> }
  let browser: Browser
  let page: Page
  const card = () => page.getByTestId('connection-storage')
  const capacity = (value: number) =>
    f.rt.api(`/api/v1/connections/${f.connectionId}/storage`, { method: 'PUT', json: { capacity: value } })

  beforeAll(async () => {
    f = await startSyncFixture(engine, { env: { RULES_SWEEP_SCHEDULE: 'off', DEDUP_SCAN_SCHEDULE: 'off' } })
    await customerWrites(f.rt, NUMBER_A, { waId: '5511987650301', name: 'Ana' }, 'Olá')
    await customerWrites(f.rt, NUMBER_A, { waId: '5511987650302', name: 'Bruno' }, 'Oi')
    await f.drain()
    server = await serveRuntime(f.rt)
    browser = await launchChromium()
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    page.setDefaultTimeout(UI_MS)
    await page.goto(`${server.url}/admin/connections`)
    await signIn(page, TEST_ENV.ADMIN_API_KEY)
    await page.getByTestId('page-connections').waitFor()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await f?.close()
  })

  it('without a known capacity: what was written, no bar, full writing', async () => {
    await card().waitFor()
    expect(await card().textContent()).toContain('4 records written this month')
    expect(await page.getByTestId('storage-bar').count()).toBe(0)
    expect(await page.getByTestId('storage-thinning').textContent()).toBe(
      'Within budget: everything is written',
    )
  })

  it('with a capacity: the used / budget bar and the projection; over budget, thinning is shown', async () => {
    expect((await capacity(1_000_000)).status).toBe(200)
    await page.reload()
    await page.getByTestId('storage-bar').waitFor()
    expect(await card().textContent()).toContain('4 records of 50,000 records used (5 % of the CRM a month)')
    expect(await page.getByTestId('storage-bar').getAttribute('max')).toBe('50000')
    expect(await page.getByTestId('storage-bar').getAttribute('value')).toBe('4')
    expect(await page.getByTestId('storage-projection').textContent()).toMatch(
      /^At this rate: [\d,]+ records this month/,
    )

    expect((await capacity(20)).status).toBe(200)
    await page.reload()
    await page.getByTestId('storage-bar').waitFor()
    expect(await page.getByTestId('storage-thinning').textContent()).toMatch(
      /^Over budget: writing thinned since .+ \(automated messages not logged, one log per contact and day; contact fields in full\)$/,
    )
    await screenshot(page, `connections-storage-${engine}`)
  })
})
