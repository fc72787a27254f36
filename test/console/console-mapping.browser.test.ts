import { and, eq } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crmFieldMappings } from '../../backend/src/db/schema'
import { type SyncFixture, startSyncFixture } from '../crm/sync/sync-support'
import { ENGINES } from '../support/test-db'
import { TEST_ENV } from '../support/test-runtime'
import { launchChromium, screenshot, serveRuntime, signIn } from './console-harness'

const UI_MS = 30_000

/**
 * The field-mapping editor offers the properties the CRM reports (HubSpot's simulator here):
 * an admin searches, picks with the keyboard, sees type mismatches and read-only properties on
 * the row, saves, and the mapping is stored; when HubSpot refuses the listing the API's message
 * is shown and names can still be typed.
 */
describe.each(ENGINES)(
  'console field mapping with the CRM property picker (%s)',
  { timeout: 240_000 },
  (engine) => {
    let f: SyncFixture
    let server: { url: string; close(): Promise<void> }
    let browser: Browser
    let page: Page

    const stored = async (field: string) =>
      (
        await f.rt.db.db
          .select()
          .from(crmFieldMappings)
          .where(and(eq(crmFieldMappings.connectionId, f.connectionId), eq(crmFieldMappings.field, field)))
      )[0]?.property
    const row = (field: string) => page.locator(`[data-testid="mapping-row"][data-field="${field}"]`)
    const mapping = () => page.getByTestId('field-mapping')

    beforeAll(async () => {
      f = await startSyncFixture(engine)
      const { accessToken } = f.sim.issueToken(f.portalId)
      for (const body of [
        { name: 'whatsapp_intent', label: 'Intent', type: 'string', fieldType: 'text' },
        { name: 'loyalty_points', label: 'Loyalty points', type: 'number', fieldType: 'number' },
      ]) {
        const res = await fetch(`${f.sim.url}/crm/v3/properties/contacts`, {
          method: 'POST',
          headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ ...body, groupName: 'contactinformation' }),
        })
        expect(res.status).toBe(201)
      }
      server = await serveRuntime(f.rt)
      browser = await launchChromium()
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
      page = await context.newPage()
      page.setDefaultTimeout(UI_MS)
      await page.goto(`${server.url}/admin/connections`)
      await signIn(page, TEST_ENV.ADMIN_API_KEY)
      await page.getByTestId('page-connections').waitFor()
      await page.getByRole('button', { name: 'Field mapping' }).click()
      await mapping().getByTestId('properties-ready').waitFor()
    }, 180_000)
    afterAll(async () => {
      await browser?.close()
      await server?.close()
      await f?.close()
    })

    it('picks a property from the CRM’s list with the keyboard, saves, and stores it', async () => {
      const intent = row('last_intent')
      await intent.getByRole('button', { name: /^Choose from the CRM for/ }).click()
      const search = intent.getByRole('searchbox')
      await search.fill('inte')
      const list = intent.getByRole('listbox')
      const offered = await list.locator('option').allTextContents()
      expect(offered).toContain('Intent — whatsapp_intent (text)')
      expect(offered.every((o) => /inte/i.test(o))).toBe(true)
      // Read-only properties are not offered for our writes.
      await search.fill('deals')
      expect(await list.locator('option').count()).toBe(0)
      expect(await intent.getByRole('status').last().textContent()).toMatch(/read-only ones are not offered/)
      await search.fill('whatsapp_int')
      await search.press('ArrowDown')
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Enter')
      const property = intent.getByRole('textbox', { name: /^CRM property:/ })
      expect(await property.inputValue()).toBe('whatsapp_intent')
      expect(await intent.getByRole('searchbox').count()).toBe(0)
      expect(await intent.getByTestId('mapping-property-info').textContent()).toBe(
        'In the CRM: Intent (text)',
      )
      await screenshot(page, `field-mapping-picker-${engine}`)

      await mapping().getByRole('button', { name: 'Save mapping' }).click()
      await expect.poll(() => mapping().getByTestId('outcome').textContent()).toBe('Mapping saved.')
      expect(await stored('last_intent')).toBe('whatsapp_intent')
      const answer = await (await f.rt.api(`/api/v1/connections/${f.connectionId}/mapping`)).json()
      expect(answer.fields.find((m: { field: string }) => m.field === 'last_intent').property).toBe(
        'whatsapp_intent',
      )
    })

    it('warns of a type mismatch in place and refuses a read-only property before sending', async () => {
      const score = row('activity_score')
      const before = await stored('activity_score')
      await score.getByRole('button', { name: /^Choose from the CRM for/ }).click()
      await score.getByRole('listbox').selectOption('lifecyclestage')
      expect(await score.getByTestId('mapping-warning').textContent()).toBe(
        'Type mismatch: the CRM property holds a single choice, this field is a number.',
      )
      await score.getByRole('listbox').selectOption('loyalty_points')
      expect(await score.getByTestId('mapping-warning').count()).toBe(0)
      expect(await score.getByTestId('mapping-property-info').textContent()).toBe(
        'In the CRM: Loyalty points (a number)',
      )

      const property = score.getByRole('textbox', { name: /^CRM property:/ })
      await property.fill('num_associated_deals')
      expect(await score.getByTestId('mapping-warning').textContent()).toMatch(/is read-only in the CRM/)
      await mapping().getByRole('button', { name: 'Save mapping' }).click()
      await score.getByTestId('mapping-error').waitFor()
      expect(await property.getAttribute('aria-invalid')).toBe('true')
      expect(await mapping().getByTestId('outcome-error').textContent()).toBe(
        'Not saved: a row names a read-only CRM property.',
      )
      expect(await stored('activity_score')).toBe(before)
      await property.fill(before as string)
    })

    it('shows HubSpot’s refusal and keeps typing names working', async () => {
      f.sim.faults.failNext({ method: 'GET', pathPrefix: '/crm/v3/properties/contacts' }, 1, 503)
      await mapping().getByRole('button', { name: 'Read the CRM again' }).click()
      await mapping().getByTestId('properties-error').waitFor()
      expect(await mapping().getByTestId('properties-error-message').textContent()).toMatch(
        /^HubSpot did not list its contact properties: ./,
      )
      const sentiment = row('sentiment')
      expect(await sentiment.getByRole('button', { name: /^Choose from the CRM for/ }).count()).toBe(0)
      await sentiment.getByRole('textbox', { name: /^CRM property:/ }).fill('loyalty_points')
      await mapping().getByRole('button', { name: 'Save mapping' }).click()
      await expect.poll(() => mapping().getByTestId('outcome').textContent()).toBe('Mapping saved.')
      expect(await stored('sentiment')).toBe('loyalty_points')
      await screenshot(page, `field-mapping-crm-refused-${engine}`)

      await mapping().getByRole('button', { name: 'Try again' }).click()
      await mapping().getByTestId('properties-ready').waitFor()
      expect(await row('sentiment').getByTestId('mapping-property-info').textContent()).toBe(
        'In the CRM: Loyalty points (a number)',
      )
    })
  },
)
