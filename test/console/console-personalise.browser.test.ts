import { and, eq } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zh } from '../../admin-console/src/i18n/zh'
import { contacts, discountCodes, quickReplies, stores, workspaces } from '../../backend/src/db/schema'
import { ENGINES } from '../support/test-db'
import { startTestRuntime, TEST_ENV, type TestRuntime } from '../support/test-runtime'
import { launchChromium, screenshot, serveRuntime, signIn } from './console-harness'

/** Generous: the machine running the suite may be busy, and nothing here measures speed. */
const UI_MS = 30_000

/**
 * The personalisation pages in Chromium against the real backend: quick replies with a live
 * preview for a chosen contact, stores, and discount code pools; refusals shown as the API says.
 */
describe.each(ENGINES)(
  'the console personalisation pages in Chromium (%s)',
  { timeout: 240_000 },
  (engine) => {
    let rt: TestRuntime
    let server: { url: string; close(): Promise<void> }
    let browser: Browser
    let page: Page
    let workspaceId: string

    beforeAll(async () => {
      rt = await startTestRuntime(engine)
      server = await serveRuntime(rt)
      browser = await launchChromium()
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
      page = await context.newPage()
      page.setDefaultTimeout(UI_MS)
      const [ws] = await rt.db.db.select().from(workspaces)
      workspaceId = ws?.id as string
      await rt.db.db.insert(contacts).values([
        { workspaceId, phoneE164: '+5511987654321', name: 'Mariana Costa', language: 'pt' },
        { workspaceId, phoneE164: '+5521912345678', name: 'Marcos Lima', language: 'pt' },
      ])
      await page.goto(`${server.url}/admin`)
      await signIn(page, TEST_ENV.ADMIN_API_KEY)
      await page.getByTestId('page-overview').waitFor()
    })
    afterAll(async () => {
      await browser?.close()
      await server?.close()
      await rt?.close()
    })

    const shot = (name: string) => screenshot(page, `${name}-${engine}`)
    const replyRow = (key: string) =>
      rt.db.db
        .select()
        .from(quickReplies)
        .where(and(eq(quickReplies.workspaceId, workspaceId), eq(quickReplies.key, key)))

    it('creates a quick reply, previews it live for a chosen contact, and refuses an empty title in place', async () => {
      await page.getByRole('link', { name: 'Quick replies' }).click()
      expect(new URL(page.url()).pathname).toBe('/admin/quick-replies')
      await page.getByTestId('page-quick-replies').waitFor()
      await page.getByRole('button', { name: 'New quick reply' }).click()
      const editor = page.getByTestId('qr-editor')
      await editor.getByLabel('Key', { exact: true }).fill('a_console_hello')
      await editor.getByLabel('Title', { exact: true }).fill('Hello')
      await editor.getByLabel('Text', { exact: true }).fill('Olá {{first_name}}, a sua loja é {{shop}}.')
      await editor.getByLabel('Defaults', { exact: true }).fill('shop=Centro')

      const preview = page.getByTestId('qr-preview')
      await preview.getByLabel('Find a contact (phone or name)').fill('+55 11')
      const option = preview.getByTestId('contact-option')
      await expect.poll(() => option.allTextContents()).toEqual(['Mariana Costa · +5511987654321'])
      await option.click()
      expect(await preview.getByTestId('chosen-contact').textContent()).toContain('Mariana Costa')
      const text = preview.getByTestId('qr-preview-text')
      await expect.poll(() => text.textContent()).toBe('Olá Mariana, a sua loja é Centro.')
      await shot('quick-replies')

      await editor.getByRole('button', { name: 'Save quick reply' }).click()
      await expect
        .poll(() => page.getByTestId('outcome').textContent())
        .toBe('Quick reply a_console_hello saved.')
      const [saved] = await replyRow('a_console_hello')
      expect(saved?.body).toBe('Olá {{first_name}}, a sua loja é {{shop}}.')
      expect(saved?.defaults).toEqual({ shop: 'Centro' })
      await page.locator('[data-testid="qr-row"][data-key="a_console_hello"]').waitFor()

      // An empty title: the API's reason under the title input, nothing stored.
      await editor.getByLabel('Title', { exact: true }).fill('')
      await editor.getByRole('button', { name: 'Save quick reply' }).click()
      const titleError = editor.getByTestId('qr-title-input-error')
      await titleError.waitFor()
      expect((await titleError.textContent())?.length).toBeGreaterThan(3)
      expect(await editor.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe('true')
      expect((await replyRow('a_console_hello'))[0]?.title).toBe('Hello')
    })

    it('edits the reply and the preview follows; saving stores the new text', async () => {
      const editor = page.getByTestId('qr-editor')
      await editor.getByLabel('Title', { exact: true }).fill('Hello again')
      await editor.getByLabel('Text', { exact: true }).fill('Oi {{first_name}}! Até logo, <b>{{name}}</b>.')
      const text = page.getByTestId('qr-preview').getByTestId('qr-preview-text')
      // Shown as the text it is: the tags are characters, not markup.
      await expect.poll(() => text.textContent()).toBe('Oi Mariana! Até logo, <b>Mariana Costa</b>.')
      expect(await text.locator('b').count()).toBe(0)
      await editor.getByRole('button', { name: 'Save quick reply' }).click()
      await expect
        .poll(async () => (await replyRow('a_console_hello'))[0]?.body)
        .toBe('Oi {{first_name}}! Até logo, <b>{{name}}</b>.')
      expect((await replyRow('a_console_hello'))[0]?.title).toBe('Hello again')
    })

    it('deletes the reply (row gone in the table and the database)', async () => {
      const row = page.locator('[data-testid="qr-row"][data-key="a_console_hello"]')
      await row.getByRole('button', { name: 'Delete' }).click()
      await expect
        .poll(() => page.getByTestId('outcome').textContent())
        .toBe('Quick reply a_console_hello deleted.')
      await row.waitFor({ state: 'detached' })
      expect(await replyRow('a_console_hello')).toEqual([])
    })

    it('shows the refusal to delete a reply a rule sends, with the API message', async () => {
      expect(
        (
          await rt.api('/api/v1/quick-replies/a_console_bye', {
            method: 'PUT',
            json: { title: 'Bye', body: 'Tchau {{first_name}}' },
          })
        ).status,
      ).toBe(200)
      const rule = await rt.api('/api/v1/rules', {
        method: 'POST',
        json: {
          key: 'console_bye_rule',
          name: 'Bye rule',
          conditions: { all: [{ type: 'message', match: { text: { terms: { any: ['tchau'] } } } }] },
          actions: [{ type: 'send_quick_reply', quick_reply: 'a_console_bye' }],
        },
      })
      expect(rule.status).toBe(201)
      await page.reload()
      const row = page.locator('[data-testid="qr-row"][data-key="a_console_bye"]')
      await row.getByRole('button', { name: 'Delete' }).click()
      await expect
        .poll(() => page.getByTestId('outcome-error').textContent())
        .toBe(
          'Quick reply "a_console_bye" is sent by rule console_bye_rule (Bye rule); change or delete that rule first.',
        )
      expect(await replyRow('a_console_bye')).toHaveLength(1)
    })

    it('adds a store (an invalid country refused under its input first), edits and deletes it', async () => {
      await page.getByRole('link', { name: 'Stores' }).click()
      const section = page.getByTestId('page-stores')
      await section.getByTestId('empty').waitFor()
      await section.getByRole('button', { name: 'Add a store' }).click()
      const form = page.getByTestId('store-form')
      await form.getByLabel('Name', { exact: true }).fill('Loja Paulista')
      await form.getByLabel('Address', { exact: true }).fill('Av. Paulista, 1000')
      await form.getByLabel('City', { exact: true }).fill('São Paulo')
      await form.getByLabel('Country', { exact: true }).fill('Brasil')
      await form.getByLabel('Aliases', { exact: true }).fill('Bela Vista, 01310')
      await form.getByRole('button', { name: 'Save store' }).click()
      await expect
        .poll(() => form.getByTestId('store-country-error').textContent())
        .toBe('an ISO 3166 alpha-2 code such as BR')
      expect(await rt.db.db.select().from(stores)).toEqual([])

      await form.getByLabel('Country', { exact: true }).fill('br')
      await form.getByRole('button', { name: 'Save store' }).click()
      await expect.poll(() => page.getByTestId('outcome').textContent()).toBe('Store Loja Paulista added.')
      const row = section.getByTestId('store-row')
      await row.waitFor()
      expect(await row.textContent()).toContain('São Paulo, BR')
      const [stored] = await rt.db.db.select().from(stores)
      expect(stored).toMatchObject({
        workspaceId,
        name: 'Loja Paulista',
        country: 'BR',
        aliases: ['Bela Vista', '01310'],
        mapsUrl: null,
      })
      await shot('stores')

      await row.getByRole('button', { name: 'Edit' }).click()
      await form.getByLabel('Opening hours', { exact: true }).fill('Seg–Sáb 9h–20h')
      await form.getByRole('button', { name: 'Save store' }).click()
      // The outcome line already says "saved" from the first save: wait for the row to show the edit.
      await expect.poll(() => row.textContent()).toContain('Seg–Sáb 9h–20h')
      expect(await page.getByTestId('outcome').textContent()).toBe('Store Loja Paulista saved.')
      expect((await rt.db.db.select().from(stores))[0]?.hours).toBe('Seg–Sáb 9h–20h')
      await row.getByRole('button', { name: 'Delete' }).click()
      await section.getByTestId('empty').waitFor()
      expect(await rt.db.db.select().from(stores)).toEqual([])
    })

    it('creates a pool by adding its first codes (a bad line refused by line), lists them, removes one, then deletes the pool', async () => {
      await page.getByRole('link', { name: 'Discount codes' }).click()
      const section = page.getByTestId('page-discount-pools')
      await section.getByTestId('empty').waitFor()
      const form = page.getByTestId('add-codes')
      await form.getByLabel('Pool', { exact: true }).fill('console_summer')
      const codes = form.getByLabel('Codes', { exact: true })
      await codes.fill('SUMMER1\nSUMMER2\n\nSUMMER3\nbad code')
      await form.getByRole('button', { name: 'Add codes' }).click()
      await expect
        .poll(() => form.getByTestId('pool-codes-error').textContent())
        .toBe('Line 5: use visible ASCII characters without spaces')
      expect(await rt.db.db.select().from(discountCodes)).toEqual([])

      await codes.fill('SUMMER1\nSUMMER2\n\nSUMMER3\nSUMMER1')
      await form.getByRole('button', { name: 'Add codes' }).click()
      await expect
        .poll(() => form.getByTestId('outcome').textContent())
        .toBe('3 codes added to console_summer (1 repeated or already there).')
      const pool = section.locator('[data-testid="pool-row"][data-pool="console_summer"]')
      await expect
        .poll(() => pool.locator('td').allTextContents())
        .toEqual(['console_summer', '3', '3', '0', expect.any(String)])
      const listed = page.getByTestId('pool-codes').getByTestId('code-row')
      await expect
        .poll(() => listed.locator('code').allTextContents())
        .toEqual(['SUMMER1', 'SUMMER2', 'SUMMER3'])

      await page
        .locator('[data-testid="code-row"][data-code="SUMMER2"]')
        .getByRole('button', { name: 'Remove' })
        .click()
      await expect
        .poll(() => page.getByTestId('pool-codes').getByTestId('outcome').textContent())
        .toBe('Code SUMMER2 removed.')
      await expect.poll(() => listed.locator('code').allTextContents()).toEqual(['SUMMER1', 'SUMMER3'])
      await expect.poll(() => pool.locator('td').nth(1).textContent()).toBe('2')
      const left = await rt.db.db.select().from(discountCodes).where(eq(discountCodes.pool, 'console_summer'))
      expect(left.map((c) => c.code).sort()).toEqual(['SUMMER1', 'SUMMER3'])
      await shot('discount-pools')

      await pool.getByRole('button', { name: 'Delete pool' }).click()
      await expect
        .poll(() => section.getByTestId('outcome').first().textContent())
        .toBe('Pool console_summer deleted with its 2 codes.')
      await pool.waitFor({ state: 'detached' })
      expect(await rt.db.db.select().from(discountCodes)).toEqual([])
    })

    it('speaks the chosen language on these pages', async () => {
      await page.getByLabel('Language').selectOption('zh')
      await expect.poll(() => page.locator('h1').textContent()).toBe(zh['pools.title'])
      await page.getByRole('link', { name: zh['nav.quickReplies'] }).click()
      await expect.poll(() => page.locator('h1').textContent()).toBe(zh['qr.title'])
      await page.getByLabel(zh['app.language']).selectOption('en')
    })
  },
)
