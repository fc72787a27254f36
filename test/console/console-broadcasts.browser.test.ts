import { and, eq, sql } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { messageTemplates, sendJobs } from '../../backend/src/db/schema'
import { seedTaggedContacts } from '../support/broadcast-seed'
import { type SendHarness, startSendHarness } from '../support/send-harness'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, TEST_ENV } from '../support/test-runtime'
import { launchChromium, screenshot, serveRuntime, signIn } from './console-harness'

/** Generous: the machine running the suite may be busy, and nothing here measures speed. */
const UI_MS = 30_000

/**
 * The Broadcasts page in Chromium against the real backend, its sender and expander running, and
 * the Cloud API simulator: compose, preflight (with what the policy refuses), start and watch it
 * complete; pause, resume and cancel another; the API's refusals shown on the page.
 */
describe.each(ENGINES)('the Broadcasts page in Chromium (%s)', { timeout: 120_000 }, (engine) => {
  let h: SendHarness
  let server: { url: string; close(): Promise<void> }
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    h = await startSendHarness(engine, {
      numbers: [{ ...NUMBER_A, mps: 80, tierLimit: null }],
      templates: [
        {
          name: 'spring_sale',
          language: 'en_US',
          category: 'MARKETING',
          status: 'APPROVED',
          components: [{ type: 'BODY', text: 'Spring sale: 20 % off this week' }],
        },
        {
          name: 'order_shipped',
          language: 'pt_BR',
          category: 'UTILITY',
          status: 'APPROVED',
          components: [{ type: 'BODY', text: 'Pedido {{1}} enviado' }],
        },
        {
          name: 'draft_offer',
          language: 'en_US',
          category: 'MARKETING',
          status: 'PENDING',
          components: [{ type: 'BODY', text: 'Not yet' }],
        },
      ],
    })
    expect(await (await h.rt.api('/api/v1/templates/sync', { method: 'POST' })).json()).toEqual({ synced: 3 })
    const vip = await seedTaggedContacts(h.rt, { n: 6, prefix: '55119830', tag: 'vip' })
    await h.rt.db.db.execute(sql`update contacts set opt_in_status = 'opted_out' where id = ${vip[0]?.id}`)
    await seedTaggedContacts(h.rt, { n: 8, prefix: '55119840', tag: 'lapsed', segment: 'at_risk' })
    server = await serveRuntime(h.rt)
    browser = await launchChromium()
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    page.setDefaultTimeout(UI_MS)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await h?.close()
  })

  const shot = (name: string) => screenshot(page, `${name}-${engine}`)
  const compose = () => page.getByTestId('broadcast-compose')
  const detail = () => page.getByTestId('broadcast-detail')
  const check = () => compose().getByRole('button', { name: 'Check (preflight)' }).click()
  const text = async (testId: string) => (await page.getByTestId(testId).textContent())?.trim()

  it('opens the page with only approved templates and an empty list', async () => {
    await page.goto(`${server.url}/admin`)
    await signIn(page, TEST_ENV.ADMIN_API_KEY)
    await page.getByRole('link', { name: 'Broadcasts' }).click()
    expect(new URL(page.url()).pathname).toBe('/admin/broadcasts')
    await page.getByTestId('broadcasts-empty').waitFor()
    const options = await compose().getByLabel('Approved template').locator('option').allTextContents()
    expect(options.sort()).toEqual(['order_shipped (pt_BR) · utility', 'spring_sale (en_US) · marketing'])
  })

  it('shows a tag nobody has as 0 recipients, and what the policy refuses for a real audience', async () => {
    await compose().getByLabel('Name').fill('Spring sale')
    await compose().getByLabel('Approved template').selectOption('spring_sale|en_US')
    await compose().getByLabel('Tag key').fill('nobody_has_this')
    await check()
    await page.getByTestId('preflight-empty').waitFor()
    expect(await text('preflight-recipients')).toBe('0')
    expect(await compose().getByRole('button', { name: 'Start broadcast' }).isDisabled()).toBe(true)

    // A template whose body needs a parameter: every recipient would be refused, and why.
    await compose().getByLabel('Tag key').fill('vip')
    await compose().getByLabel('Approved template').selectOption('order_shipped|pt_BR')
    await check()
    const mismatch = page.getByTestId('preflight-refusal')
    await mismatch.first().waitFor()
    expect(await mismatch.first().textContent()).toContain('The template needs parameters')
    expect(await text('preflight-sendable')).toBe('0')

    await compose().getByLabel('Approved template').selectOption('spring_sale|en_US')
    await check()
    await page.getByTestId('preflight').waitFor()
    expect(await text('preflight-recipients')).toBe('6')
    expect(await text('preflight-sendable')).toBe('5')
    expect(await text('preflight-calls')).toBe('18')
    expect(await text('preflight-tier')).toBe('unlimited')
    expect(await text('preflight-mps')).toBe('80')
    expect(await text('preflight-mode')).toBe('normal')
    const refusals = page.getByTestId('preflight-refusal')
    expect(await refusals.count()).toBe(1)
    expect(await refusals.first().textContent()).toContain('Opted out')
    expect(await refusals.first().textContent()).toContain('1')
    // A preflight writes nothing.
    expect(await (await h.rt.api('/api/v1/broadcasts')).json()).toMatchObject({ broadcasts: [] })
    await shot('broadcasts-preflight')
  })

  it('starts it and watches it complete: every recipient got exactly one send', async () => {
    await compose().getByRole('button', { name: 'Start broadcast' }).click()
    await page.getByTestId('outcome').waitFor()
    expect(await text('outcome')).toBe('Broadcast "Spring sale" started.')
    await expect.poll(() => text('detail-state'), { timeout: UI_MS }).toBe('completed')
    expect(await text('detail-sent')).toBe('5')
    expect(await text('detail-refused')).toBe('1')
    expect(await detail().getByTestId('detail-progress').getAttribute('value')).toBe('6')
    for (const action of ['Pause', 'Resume', 'Cancel'])
      expect(await detail().getByRole('button', { name: action }).isDisabled()).toBe(true)
    const row = page.getByTestId('broadcast-row')
    await expect.poll(() => row.first().getByTestId('row-state').textContent()).toBe('completed')
    expect(await row.first().getByTestId('row-sent').textContent()).toBe('5')
    expect(await row.first().getByTestId('row-queued').textContent()).toBe('5')

    const [b] = (await (await h.rt.api('/api/v1/broadcasts')).json()).broadcasts
    const jobs = await h.rt.db.db.select().from(sendJobs).where(eq(sendJobs.broadcastId, b.id))
    expect(jobs).toHaveLength(5)
    expect(jobs.every((j) => j.state === 'sent')).toBe(true)
    expect(new Set(jobs.map((j) => j.contactId)).size).toBe(5)
    const sent = h.sim.sent.map((s) => s.recipient)
    expect(sent).toHaveLength(5)
    expect(new Set(sent).size).toBe(5)
    expect(sent).not.toContain('5511983000001')
    await shot('broadcasts-completed')
  })

  it('shows the API refusal when the template stops being approved after the page loaded', async () => {
    await h.rt.db.db
      .update(messageTemplates)
      .set({ status: 'REJECTED' })
      .where(and(eq(messageTemplates.name, 'spring_sale'), eq(messageTemplates.language, 'en_US')))
    await compose().getByLabel('Name').fill('Rejected one')
    await check()
    await page.getByTestId('outcome-error').waitFor()
    expect(await text('outcome-error')).toBe(
      'Template "spring_sale" (en_US) is not approved in this workspace.',
    )
    await h.rt.db.db
      .update(messageTemplates)
      .set({ status: 'APPROVED' })
      .where(eq(messageTemplates.name, 'spring_sale'))
  })

  it('pauses, resumes and cancels a segment broadcast, the buttons following its state', async () => {
    // One message a second, so there is time to pause it mid-run.
    await h.rt.api(`/api/v1/channels/${h.channelId}`, { method: 'PATCH', json: { mps: 1 } })
    await compose().getByLabel('Name').fill('Win back')
    await compose().getByLabel('Contacts in a segment').check()
    await compose().getByLabel('Segment', { exact: true }).selectOption('at_risk')
    await check()
    await expect.poll(() => text('preflight-recipients')).toBe('8')
    await compose().getByRole('button', { name: 'Start broadcast' }).click()
    await expect.poll(() => text('outcome')).toBe('Broadcast "Win back" started.')
    await expect.poll(() => detail().locator('h2').textContent()).toBe('Win back')
    expect(await detail().getByRole('button', { name: 'Resume' }).isDisabled()).toBe(true)
    await expect.poll(async () => Number(await text('detail-sent')), { timeout: UI_MS }).toBeGreaterThan(0)

    await detail().getByRole('button', { name: 'Pause' }).click()
    await expect.poll(() => text('detail-state')).toBe('paused')
    expect(await text('outcome')).toBe('The broadcast is now paused.')
    expect(await detail().getByRole('button', { name: 'Pause' }).isDisabled()).toBe(true)
    expect(await detail().getByRole('button', { name: 'Resume' }).isEnabled()).toBe(true)
    expect(Number(await text('jobs-held'))).toBeGreaterThan(0)
    // A send already handed to the sender finishes; once none is in flight, nothing more goes out.
    const inFlight = () =>
      queryRows<{ n: number }>(
        h.rt.db.db,
        sql`select count(*)::int as n from send_jobs where state in ('sending', 'unknown')`,
      ).then((rows) => rows[0]?.n)
    await expect.poll(inFlight, { timeout: UI_MS }).toBe(0)
    const atPause = h.sim.sent.length
    await new Promise((r) => setTimeout(r, 1_500))
    expect(h.sim.sent.length).toBe(atPause)
    // The page read on until the in-flight send finished: sent + held are every queued recipient.
    await expect.poll(async () => Number(await text('detail-sent')) + Number(await text('jobs-held'))).toBe(8)
    await shot('broadcasts-paused')

    await detail().getByRole('button', { name: 'Resume' }).click()
    await expect.poll(() => text('detail-state')).toBe('running')
    await expect.poll(() => h.sim.sent.length, { timeout: UI_MS }).toBeGreaterThan(atPause)

    await detail().getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => text('detail-state')).toBe('cancelled')
    for (const action of ['Pause', 'Resume', 'Cancel'])
      expect(await detail().getByRole('button', { name: action }).isDisabled()).toBe(true)
    const [b] = (await (await h.rt.api('/api/v1/broadcasts')).json()).broadcasts
    expect(b).toMatchObject({ name: 'Win back', state: 'cancelled', audience: { segment: 'at_risk' } })
    // Let a send that was already in flight finish before counting.
    await new Promise((r) => setTimeout(r, 1_000))
    const jobs = await queryRows<{ state: string; n: number }>(
      h.rt.db.db,
      sql`select state, count(*)::int as n from send_jobs where broadcast_id = ${b.id} group by state`,
    )
    const by = Object.fromEntries(jobs.map((j) => [j.state, j.n]))
    expect((by.sent ?? 0) + (by.cancelled ?? 0)).toBe(8)
    expect(by.cancelled).toBeGreaterThan(0)
    const lapsed = h.sim.sent.map((s) => s.recipient).filter((r) => r.startsWith('55119840'))
    expect(lapsed).toHaveLength(by.sent)
    expect(new Set(lapsed).size).toBe(lapsed.length)
    expect(await page.getByTestId('broadcast-row').count()).toBe(2)
    // Once the last in-flight send finished, the list shows the detail's final figures.
    await expect
      .poll(() => page.getByTestId('broadcast-row').first().getByTestId('row-sent').textContent())
      .toBe(String(by.sent))
    expect(await text('detail-sent')).toBe(String(by.sent))
    await shot('broadcasts-cancelled')
  })

  it('reads in Chinese', async () => {
    await page.locator('#locale').selectOption('zh')
    await page.getByRole('heading', { name: '群发', exact: true }).waitFor()
    expect(await page.getByTestId('broadcast-row').first().getByTestId('row-state').textContent()).toBe(
      '已取消',
    )
    await shot('broadcasts-zh')
    await page.locator('#locale').selectOption('en')
  })
})
