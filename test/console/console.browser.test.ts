import { eq, sql } from 'drizzle-orm'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zh } from '../../admin-console/src/i18n/zh'
import { queryRows } from '../../backend/src/db/query-rows'
import {
  consoleSessions,
  crmConnections,
  crmFieldMappings,
  crmReviewItems,
  eventDeliveries,
  eventSubscriptions,
  rules,
  webhookEvents,
  whatsappChannels,
  workspaces,
} from '../../backend/src/db/schema'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, ownNumber, startTestRuntime, TEST_ENV, type TestRuntime } from '../support/test-runtime'
import { launchChromium, screenshot, serveFetch, serveRuntime, signIn } from './console-harness'

/** Generous: the machine running the suite may be busy, and nothing here measures speed. */
const UI_MS = 30_000

/**
 * The admin console in Chromium against the real backend (served over HTTP on loopback) and the
 * WhatsApp Cloud API simulator: sign in, each built page, the language picker, session expiry
 * and a cross-site request the session cookie does not ride on.
 */
describe.each(ENGINES)('the admin console in Chromium (%s)', { timeout: 240_000 }, (engine) => {
  let rt: TestRuntime
  let server: { url: string; close(): Promise<void> }
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    server = await serveRuntime(rt)
    browser = await launchChromium()
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    page.setDefaultTimeout(UI_MS)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await rt?.close()
  })

  const shot = (name: string) => screenshot(page, `${name}-${engine}`)

  it('opens from /, refuses a wrong key with the API message, and signs in with the admin key', async () => {
    await page.goto(`${server.url}/`)
    expect(new URL(page.url()).pathname).toBe('/admin')
    await page.getByTestId('sign-in').waitFor()
    await shot('sign-in')
    await signIn(page, 'not-the-key-0123456789abcdef')
    await expect
      .poll(() => page.getByTestId('sign-in-error').textContent())
      .toBe('This API key is not valid or was revoked.')
    await signIn(page, TEST_ENV.ADMIN_API_KEY)
    await page.getByTestId('page-overview').waitFor()
    // The cookie is not readable by the page's scripts.
    expect(await page.evaluate('document.cookie')).toBe('')
  })

  it('shows the overview of a new workspace: zero figures, empty CRM and alerts, 14 days paged by week', async () => {
    await page.getByTestId('tile-today').waitFor()
    expect(await page.getByTestId('tile-windows').textContent()).toContain('0')
    await page.getByTestId('crm-empty').waitFor()
    await page.getByTestId('alerts-empty').waitFor()
    await page.getByTestId('daily-chart').locator('canvas').first().waitFor()
    const rows = page.getByTestId('daily-table').locator('tbody tr')
    expect(await rows.count()).toBe(7)
    const today = await rows.first().locator('td').first().textContent()
    await page.getByRole('button', { name: 'Next' }).click()
    expect(await rows.count()).toBe(7)
    expect(await rows.first().locator('td').first().textContent()).not.toBe(today)
    await shot('overview')
  })

  it('adds a WhatsApp number: Meta refusing the token shows its reason, a readable one is added', async () => {
    await page.getByRole('link', { name: 'WhatsApp numbers' }).click()
    expect(new URL(page.url()).pathname).toBe('/admin/numbers')
    await page.getByTestId('page-numbers').getByTestId('empty').waitFor()
    ownNumber(rt.whatsapp, NUMBER_A)

    const form = page.getByTestId('add-number')
    await form.getByLabel('Phone number ID').fill(NUMBER_A.phoneNumberId)
    await form.getByLabel('Default region').fill('us')
    await form.getByLabel('WhatsApp Business Account ID').fill(NUMBER_A.wabaId)
    await form.getByLabel('Access token').fill('EAAG-a-token-meta-does-not-know')
    await form.getByRole('button', { name: 'Check with Meta and add' }).click()
    const refusal = await form.getByTestId('outcome-error').textContent()
    expect(refusal?.length).toBeGreaterThan(10)
    expect(await rt.db.db.select().from(whatsappChannels)).toEqual([])

    await form.getByLabel('Access token').fill('EAAG-test-token-not-real')
    await form.getByRole('button', { name: 'Check with Meta and add' }).click()
    await form.getByTestId('outcome').waitFor()
    const row = page.getByTestId('number-row')
    await row.waitFor()
    expect(await row.textContent()).toContain(NUMBER_A.phoneNumberId)
    expect(await row.textContent()).toContain('80 msg/s')
    expect(await row.textContent()).toContain('proven by Meta')
    const [stored] = await rt.db.db.select().from(whatsappChannels)
    expect(stored?.phoneNumberId).toBe(NUMBER_A.phoneNumberId)
    expect(stored?.defaultRegion).toBe('US')
  })

  it('shows a paused number with its reason and resumes it', async () => {
    await rt.db.db
      .update(whatsappChannels)
      .set({ pausedUntil: sql`now() + interval '1 hour'`, pausedReason: 'spam block (131048)' })
    await page.reload()
    const row = page.getByTestId('number-row')
    await row.getByRole('button', { name: 'Resume' }).waitFor()
    expect(await row.textContent()).toContain('spam block (131048)')
    await shot('numbers-paused')
    await row.getByRole('button', { name: 'Resume' }).click()
    await page.getByTestId('outcome').waitFor()
    await expect.poll(() => row.textContent()).toContain('Sending')
    const [stored] = await rt.db.db.select().from(whatsappChannels)
    expect(stored?.pausedUntil).toBeNull()
  })

  it("syncs the number's templates from Meta and lists them", async () => {
    const templates = page.getByTestId('templates')
    await templates.getByTestId('templates-empty').waitFor()
    await templates.getByRole('button', { name: 'Sync from Meta' }).click()
    await expect
      .poll(() => templates.getByTestId('outcome').textContent())
      .toMatch(/^[1-9]\d* templates synced/)
    await templates.getByTestId('templates-table').waitFor()
    expect(await templates.getByTestId('templates-table').textContent()).toContain('hello_world')
    await shot('numbers')
  })

  it('restores the default rules, and disables one with its checkbox', async () => {
    await page.getByRole('link', { name: 'Rules and automation' }).click()
    await page.getByTestId('page-rules').waitFor()
    await rt.db.db.delete(rules)
    await page.reload()
    await page.getByTestId('page-rules').getByTestId('empty').waitFor()
    await page.getByTestId('automation-runs').getByTestId('runs-empty').waitFor()
    await page.getByRole('button', { name: 'Restore default rules' }).click()
    await expect
      .poll(() => page.getByTestId('outcome').textContent())
      .toMatch(/^The default rule pack was restored/)
    const stored = await rt.db.db.select().from(rules)
    expect(stored.length).toBeGreaterThan(0)
    await expect.poll(() => page.getByTestId('rule-row').count()).toBe(Math.min(stored.length, 20))

    const first = page.getByTestId('rule-row').first()
    const key = (await first.getAttribute('data-key')) as string
    const before = stored.find((r) => r.key === key)
    await first.getByRole('checkbox').click()
    await expect.poll(() => page.getByTestId('outcome').textContent()).toMatch(/is now (disabled|enabled)/)
    const [after] = await rt.db.db.select().from(rules).where(eq(rules.key, key))
    expect(after?.enabled).toBe(!before?.enabled)
  })

  it("says the default rules' automatic replies are off in a new workspace, and switches them on", async () => {
    const sends = page.getByTestId('automatic-sends')
    await expect.poll(() => sends.getByTestId('automatic-sends-state').textContent()).toMatch(/^Off: /)
    await sends.getByRole('button', { name: 'Switch automatic replies on' }).click()
    await expect.poll(() => sends.getByTestId('automatic-sends-state').textContent()).toMatch(/^On: /)
    const [ws] = await rt.db.db.select().from(workspaces)
    expect(ws?.settings).toMatchObject({ automation: { default_pack_sends: true } })
    await shot('rules')
  })

  it('shows validation errors in place, then saves a new rule and dry-runs it against a text', async () => {
    await page.getByRole('button', { name: 'New rule' }).click()
    const editor = page.getByTestId('rule-editor')
    const json = editor.getByLabel('The rule as JSON')
    const draft = JSON.parse(await json.inputValue())
    await json.fill(JSON.stringify({ ...draft, key: 'console_price', name: 'Price question', actions: [] }))
    await editor.getByRole('button', { name: 'Save rule' }).click()
    const errors = editor.getByTestId('rule-errors')
    await errors.waitFor()
    expect(await errors.textContent()).toContain('actions')
    expect(await json.getAttribute('aria-invalid')).toBe('true')
    expect(await rt.db.db.select().from(rules).where(eq(rules.key, 'console_price'))).toEqual([])

    await json.fill(JSON.stringify({ ...draft, key: 'console_price', name: 'Price question' }))
    await editor.getByRole('button', { name: 'Save rule' }).click()
    await expect.poll(() => page.getByTestId('outcome').textContent()).toBe('Rule Price question saved.')
    const [saved] = await rt.db.db.select().from(rules).where(eq(rules.key, 'console_price'))
    expect(saved?.name).toBe('Price question')
    await shot('rules')

    const dryRun = page.getByTestId('dry-run')
    await dryRun.getByLabel('Rule').selectOption({ label: 'Price question (console_price)' })
    await dryRun.getByLabel('Message text').fill('qual o preço do kit?')
    await dryRun.getByRole('button', { name: 'Dry-run' }).click()
    await expect
      .poll(() => dryRun.getByTestId('dry-run-fires').textContent())
      .toBe('Fires: the actions below would run.')
    await dryRun.getByLabel('Message text').fill('bom dia')
    await dryRun.getByRole('button', { name: 'Dry-run' }).click()
    await expect.poll(() => dryRun.getByTestId('dry-run-fires').textContent()).toMatch(/^Does not fire/)
    await shot('rules-dry-run')
  })

  it('resolves a review item: the decisions its kind takes, and the stored resolution', async () => {
    await page.getByRole('link', { name: 'Review queue' }).click()
    await page.getByTestId('page-review').getByTestId('empty').waitFor()
    const workspaceId = (await rt.db.db.select().from(whatsappChannels))[0]?.workspaceId
    const [connection] = await rt.db.db
      .insert(crmConnections)
      .values({
        workspaceId: workspaceId as string,
        provider: 'hubspot',
        accountId: '424242',
        state: 'active',
      })
      .returning()
    const [item] = await rt.db.db
      .insert(crmReviewItems)
      .values({
        workspaceId: workspaceId as string,
        connectionId: connection?.id as string,
        kind: 'sync_failed',
        detail: { error: '<b>HubSpot refused the email</b>' },
      })
      .returning()
    await page.reload()
    const row = page.getByTestId('review-row')
    await row.waitFor()
    // Stored text is shown as text, never as markup.
    expect(await row.textContent()).toContain('<b>HubSpot refused the email</b>')
    expect(await row.locator('b').count()).toBe(0)
    expect(await row.getByRole('button', { name: 'Use ours' }).count()).toBe(0)
    await shot('review')
    await row.getByRole('button', { name: 'Dismiss' }).click()
    await expect.poll(() => page.getByTestId('outcome').textContent()).toBe('Resolved: dismiss.')
    await page.getByTestId('page-review').getByTestId('empty').waitFor()
    const [stored] = await rt.db.db
      .select()
      .from(crmReviewItems)
      .where(eq(crmReviewItems.id, item?.id as string))
    expect(stored?.status).toBe('resolved')
    expect(stored?.resolution).toBe('dismiss')
  })

  it('inspects a dead letter and replays it: it is queued again', async () => {
    await page.getByRole('link', { name: 'Dead letters' }).click()
    await page.getByTestId('page-dead-letters').getByTestId('empty').waitFor()
    const [dead] = await rt.db.db
      .insert(webhookEvents)
      .values({
        source: 'whatsapp',
        rawBody: '{"object":"whatsapp_business_account","entry":[]}',
        routingKeys: [NUMBER_A.phoneNumberId],
        state: 'dead',
        attempts: 8,
        lastError: 'the database refused the row',
        failureReason: 'database_rejected',
      })
      .returning()
    await page.reload()
    const row = page.getByTestId('dead-letter-row')
    await row.getByRole('button', { name: 'Inspect' }).click()
    const inspection = page.getByTestId('dead-letter-inspection')
    expect(await inspection.getByTestId('dead-letter-error').textContent()).toBe(
      'the database refused the row',
    )
    expect(await inspection.textContent()).toContain(NUMBER_A.phoneNumberId)
    await shot('dead-letters')
    await inspection.getByRole('button', { name: 'Replay' }).click()
    await expect
      .poll(() => page.getByTestId('outcome').textContent())
      .toBe(`Dead letter ${dead?.id} is queued again.`)
    const [stored] = await rt.db.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.id, dead?.id as number))
    expect(stored?.state).toBe('pending')
  })

  it('subscribes a URL to events (the secret shown once), and replays a failed delivery', async () => {
    await page.getByRole('link', { name: 'Event webhooks' }).click()
    await page.getByTestId('page-webhooks').getByTestId('empty').waitFor()
    const form = page.getByTestId('subscribe')
    await form.getByLabel('URL').fill('http://127.0.0.1:9/scrm-events')
    await form.getByLabel('alert.raised').check()
    await form.getByRole('button', { name: 'Subscribe' }).click()
    const said = await form.getByTestId('outcome').textContent()
    expect(said).toMatch(/shown only this once/)
    const [sub] = await rt.db.db.select().from(eventSubscriptions)
    expect(sub?.url).toBe('http://127.0.0.1:9/scrm-events')
    expect([...(sub?.events ?? [])].sort()).toEqual(['alert.raised', 'message.received'])

    const [delivery] = await rt.db.db
      .insert(eventDeliveries)
      .values({
        workspaceId: sub?.workspaceId as string,
        subscriptionId: sub?.id as string,
        eventId: '3f1c2a6e-8d4b-4c8e-9a51-0b7d2e6f9c10',
        eventType: 'message.received',
        payload: { text: 'olá' },
        state: 'failed',
        attempts: 12,
        lastStatus: 500,
        lastError: 'the endpoint answered 500',
      })
      .returning()
    const row = page.getByTestId('subscription-row')
    await row.getByRole('button', { name: 'Deliveries' }).click()
    const deliveries = page.getByTestId('deliveries')
    const deliveryRow = deliveries.getByTestId('delivery-row')
    await deliveryRow.waitFor()
    expect(await deliveryRow.textContent()).toContain('the endpoint answered 500')
    await shot('webhooks')
    await deliveryRow.getByRole('button', { name: 'Replay' }).click()
    await expect
      .poll(() => deliveries.getByTestId('outcome').textContent())
      .toBe(`Delivery ${delivery?.id} will be sent again.`)
    const [stored] = await rt.db.db
      .select()
      .from(eventDeliveries)
      .where(eq(eventDeliveries.id, delivery?.id as number))
    expect(stored?.state).toBe('pending')
  })

  it('CRM connections: install refusal shown as the API says it, backfill queued, disconnect stored', async () => {
    await page.getByRole('link', { name: 'CRM connections' }).click()
    const connections = page.getByTestId('page-connections')
    await connections.getByRole('button', { name: 'Install in HubSpot' }).click()
    const refusal = await connections.getByTestId('outcome-error').textContent()
    expect(refusal).toMatch(/HUBSPOT_CLIENT_ID/)

    // A contact with a phone: what a backfill queues for the CRM.
    const [connection] = await rt.db.db.select().from(crmConnections)
    await rt.db.db.execute(
      sql`insert into contacts (workspace_id, phone_e164, name) values (${connection?.workspaceId}, '+5511988887777', 'Ana')`,
    )
    const card = connections.getByTestId('connection')
    await expect
      .poll(() => card.getByTestId('connection-sync').textContent())
      .toMatch(/^Waiting to be written: /)
    await card.getByRole('button', { name: 'Backfill' }).click()
    await expect
      .poll(() => card.getByTestId('outcome').textContent())
      .toMatch(/^Queued for hubspot: [1-9]\d* contacts/)
    const [queued] = await queryRows<{ n: number }>(
      rt.db.db,
      sql`select count(*)::int as n from crm_outbox where kind = 'contact' and parked_at is null`,
    )
    expect(queued?.n).toBeGreaterThan(0)
    // The sync line is read again and shows what now waits.
    await expect
      .poll(() => card.getByTestId('connection-sync').textContent())
      .toMatch(new RegExp(`^Waiting to be written: ${queued?.n} contacts`))
    await shot('connections')

    // The field mapping: a refused property name is marked on its row; a valid one is stored.
    await card.getByRole('button', { name: 'Field mapping' }).click()
    const mapping = card.getByTestId('field-mapping')
    const firstRow = mapping.getByTestId('mapping-row').first()
    const field = (await firstRow.getAttribute('data-field')) as string
    const property = firstRow.getByRole('textbox').first()
    await property.fill('Not A Property!')
    await mapping.getByRole('button', { name: 'Save mapping' }).click()
    await firstRow.getByTestId('mapping-error').waitFor()
    expect(await property.getAttribute('aria-invalid')).toBe('true')
    expect(
      await rt.db.db.select().from(crmFieldMappings).where(eq(crmFieldMappings.property, 'Not A Property!')),
    ).toEqual([])
    await property.fill('scrm_console_test')
    await mapping.getByRole('button', { name: 'Save mapping' }).click()
    await expect.poll(() => mapping.getByTestId('outcome').textContent()).toBe('Mapping saved.')
    const [mapped] = await rt.db.db.select().from(crmFieldMappings).where(eq(crmFieldMappings.field, field))
    expect(mapped?.property).toBe('scrm_console_test')
    // After the reload each row still shows its own field's property (the server's order may change).
    const rows = await mapping.getByTestId('mapping-row').all()
    const shown = await Promise.all(
      rows.map(async (r) => [
        await r.getAttribute('data-field'),
        await r.getByRole('textbox').first().inputValue(),
      ]),
    )
    const answer = await (await rt.api(`/api/v1/connections/${connection?.id}/mapping`)).json()
    expect(shown).toEqual(
      answer.fields.slice(0, 20).map((f: { field: string; property: string }) => [f.field, f.property]),
    )
    expect(shown.find(([f]) => f === field)?.[1]).toBe('scrm_console_test')
    await shot('field-mapping')

    await card.getByRole('button', { name: 'Disconnect' }).click()
    await expect.poll(() => card.getByTestId('connection-state').textContent()).toMatch(/^disconnected/)
    const [stored] = await rt.db.db.select().from(crmConnections)
    expect(stored?.state).toBe('disconnected')
  })

  it('sending policy: an out-of-range value is marked on its input, a valid change is stored', async () => {
    await page.getByRole('link', { name: 'Sending policy' }).click()
    const form = page.getByTestId('policy-form')
    const sameContent = form.getByLabel('Same content at most this many times')
    expect(await sameContent.inputValue()).toBe('5')
    await sameContent.fill('500')
    await form.getByRole('button', { name: 'Save policy' }).click()
    await form.getByTestId('policy-error-same_content_max').waitFor()
    expect(await sameContent.getAttribute('aria-invalid')).toBe('true')
    expect((await (await rt.api('/api/v1/settings/sending-policy')).json()).same_content_max).toBe(5)

    await sameContent.fill('3')
    await form.getByLabel('Opt-out keywords').fill('stop, parar, 退订')
    await form.getByRole('button', { name: 'Save policy' }).click()
    await expect.poll(() => page.getByTestId('outcome').textContent()).toBe('Sending policy saved.')
    const stored = await (await rt.api('/api/v1/settings/sending-policy')).json()
    expect(stored.same_content_max).toBe(3)
    expect(stored.opt_out_keywords).toEqual(['stop', 'parar', '退订'])
    await shot('sending-policy')
  })

  it('speaks Chinese when chosen, and keeps the choice on reload', async () => {
    await page.getByLabel('Language').selectOption('zh')
    await page.getByRole('heading', { name: zh['policy.title'], level: 1 }).waitFor()
    await page.reload()
    await page.getByRole('link', { name: zh['nav.overview'] }).click()
    await page.getByRole('heading', { name: zh['overview.title'], level: 1 }).waitFor()
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN')
    await shot('overview-zh')
    await page.getByLabel(zh['app.language']).selectOption('en')
  })

  it('a request from another site carries no session: the change is refused and nothing changes', async () => {
    const [channel] = await rt.db.db
      .update(whatsappChannels)
      .set({ pausedUntil: sql`now() + interval '1 hour'`, pausedReason: 'policy block (368)' })
      .returning()
    const evil = await serveFetch(
      () =>
        new Response('<!doctype html><title>elsewhere</title>', { headers: { 'content-type': 'text/html' } }),
    )
    try {
      const other = await context.newPage()
      // localhost is another site than 127.0.0.1: SameSite=Strict keeps the cookie off the request.
      await other.goto(evil.url.replace('127.0.0.1', 'localhost'))
      const answered = await other.evaluate(
        async ([target, id]) => {
          const res = await fetch(`${target}/api/v1/channels/${id}/resume`, {
            method: 'POST',
            credentials: 'include',
            mode: 'no-cors',
          })
          return res.type
        },
        [server.url, channel?.id as string],
      )
      expect(answered).toBe('opaque')
      await other.close()
      const [after] = await rt.db.db.select().from(whatsappChannels)
      expect(after?.pausedReason).toBe('policy block (368)')
    } finally {
      await evil.close()
      await rt.api(`/api/v1/channels/${channel?.id}/resume`, { method: 'POST' })
    }
  })

  it('an expired session goes back to sign-in with a message, and signing in again works', async () => {
    await page.getByRole('link', { name: 'Overview' }).click()
    await page.getByTestId('page-overview').waitFor()
    await rt.db.db.update(consoleSessions).set({ expiresAt: sql`now() - interval '1 minute'` })
    await page.getByRole('link', { name: 'WhatsApp numbers' }).click()
    await expect
      .poll(() => page.getByTestId('sign-in-notice').textContent())
      .toBe('Your session has expired. Sign in again.')
    await shot('session-expired')
    await signIn(page, TEST_ENV.ADMIN_API_KEY)
    await page.getByTestId('page-numbers').waitFor()
  })

  it('signs out: the session row is gone and the page asks for the key again', async () => {
    const before = await rt.db.db.select().from(consoleSessions).where(sql`expires_at > now()`)
    expect(before.length).toBe(1)
    await page.getByTestId('sign-out').click()
    await page.getByTestId('sign-in').waitFor()
    const live = await rt.db.db
      .select()
      .from(consoleSessions)
      .where(eq(consoleSessions.id, before[0]?.id as string))
    expect(live).toEqual([])
    await page.reload()
    await page.getByTestId('sign-in').waitFor()
  })
})
