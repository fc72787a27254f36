import { eq } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crmConnections, crmFieldMappings } from '../../backend/src/db/schema'
import {
  FIRST_INSTALL_ACCOUNT,
  type HubspotSimulator,
  hubspotServerEnv,
  startHubspotSimulator,
} from '../simulators/hubspot'
import { ENGINES } from '../support/test-db'
import { startTestRuntime, TEST_ENV, type TestRuntime } from '../support/test-runtime'
import { launchChromium, screenshot, serveRuntime, signIn } from './console-harness'

const UI_MS = 30_000

/**
 * An admin installs HubSpot from the console as they would for real: the install button leads to
 * HubSpot's authorize page (the simulator's, which checks the client id and scopes and lists the
 * accounts), "Connect app" sends the browser back to our callback with a code, the backend
 * exchanges it and sets the portal up, and the console lists the new connection. Cancelling on
 * HubSpot's page leaves nothing behind.
 */
describe.each(ENGINES)('installing HubSpot from the console (%s)', { timeout: 240_000 }, (engine) => {
  let hubspot: HubspotSimulator
  let rt: TestRuntime
  let server: { url: string; close(): Promise<void> }
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    hubspot = await startHubspotSimulator()
    rt = await startTestRuntime(engine, hubspotServerEnv(hubspot))
    server = await serveRuntime(rt)
    browser = await launchChromium()
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    page.setDefaultTimeout(UI_MS)
    await page.goto(`${server.url}/admin/connections`)
    await signIn(page, TEST_ENV.ADMIN_API_KEY)
    await page.getByTestId('page-connections').waitFor()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await rt?.close()
    await hubspot?.close()
  })

  const hubspotConnections = () =>
    rt.db.db.select().from(crmConnections).where(eq(crmConnections.provider, 'hubspot'))

  it("cancelling on HubSpot's page installs nothing and says so", async () => {
    await page.getByRole('button', { name: 'Install in HubSpot' }).click()
    await page.getByRole('heading', { name: 'Choose an account' }).waitFor()
    expect(page.url().startsWith(`${hubspot.url}/oauth/authorize?`)).toBe(true)
    await page.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('heading', { name: 'Installation cancelled' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/oauth/hubspot/callback')
    expect(await hubspotConnections()).toEqual([])
  })

  it("installs through HubSpot's authorize page and comes back to the console with the connection", async () => {
    await page.goto(`${server.url}/admin/connections`)
    await page.getByRole('button', { name: 'Install in HubSpot' }).click()
    await page.getByRole('heading', { name: 'Choose an account' }).waitFor()
    const asked = new URL(page.url())
    expect(asked.searchParams.get('redirect_uri')).toBe(`${server.url}/oauth/hubspot/callback`)
    expect(asked.searchParams.get('scope')).toContain('crm.objects.contacts.write')
    await screenshot(page, `hubspot-authorize-${engine}`)
    expect(await page.getByLabel(`Account ${FIRST_INSTALL_ACCOUNT}`).isChecked()).toBe(true)
    await page.getByRole('button', { name: 'Connect app' }).click()

    await page.getByRole('heading', { name: 'Installed' }).waitFor()
    expect(await page.textContent('body')).toContain('WhatsApp SCRM is connected to')
    const [stored] = await hubspotConnections()
    expect(stored).toMatchObject({ accountId: String(FIRST_INSTALL_ACCOUNT), state: 'active' })
    // The install set the portal up: our property group exists in HubSpot and the mapping is stored.
    expect(hubspot.groups(FIRST_INSTALL_ACCOUNT, 'contacts').map((g) => g.name)).toContain('whatsapp_scrm')
    const mapped = await rt.db.db
      .select()
      .from(crmFieldMappings)
      .where(eq(crmFieldMappings.connectionId, stored?.id as string))
    expect(mapped.length).toBeGreaterThan(0)

    await page.getByRole('link', { name: 'Back to the admin console' }).click()
    const card = page.getByTestId('connection')
    await expect
      .poll(() => card.getByRole('heading').textContent())
      .toBe(`hubspot · ${FIRST_INSTALL_ACCOUNT}`)
    expect(await card.getByTestId('connection-state').textContent()).toMatch(/^active/)
    await screenshot(page, `connections-installed-${engine}`)
  })

  it("refuses an authorize request for another app (wrong client id) on HubSpot's side", async () => {
    await page.goto(
      `${hubspot.url}/oauth/authorize?client_id=someone-else&redirect_uri=${encodeURIComponent(`${server.url}/oauth/hubspot/callback`)}&scope=oauth&state=%3Cb%3E`,
    )
    await page.getByRole('heading', { name: 'Authorization failed' }).waitFor()
    expect(await page.getByRole('alert').textContent()).toBe(
      'The app with client ID someone-else does not exist.',
    )
  })
})
