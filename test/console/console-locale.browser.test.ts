import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../support/test-db'
import { startTestRuntime, TEST_ENV, type TestRuntime } from '../support/test-runtime'
import { launchChromium, screenshot, serveRuntime, signIn } from './console-harness'

const UI_MS = 30_000

/** The workspace's locale settings: refusals marked on their inputs, a saved value shown after a reload. */
describe.each(ENGINES)('console locale page (%s)', { timeout: 180_000 }, (engine) => {
  let rt: TestRuntime
  let server: { url: string; close(): Promise<void> }
  let browser: Browser
  let page: Page
  const stored = async () => (await rt.api('/api/v1/settings/locale')).json()
  const form = () => page.getByTestId('locale-form')
  const save = () => form().getByRole('button', { name: 'Save locale' }).click()

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    server = await serveRuntime(rt)
    browser = await launchChromium()
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    page.setDefaultTimeout(UI_MS)
    await page.goto(`${server.url}/admin/locale`)
    await signIn(page, TEST_ENV.ADMIN_API_KEY)
    await page.getByTestId('page-locale').waitFor()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await rt?.close()
  })

  it('is in the navigation and shows the defaults of a new workspace', async () => {
    const link = page.getByRole('link', { name: 'Locale' })
    expect(await link.getAttribute('aria-current')).toBe('page')
    expect(await link.getAttribute('href')).toBe('/admin/locale')
    await form().waitFor()
    expect(await form().getByLabel('Time zone').inputValue()).toBe('UTC')
    expect(await form().getByLabel('Default language').inputValue()).toBe('en')
    expect(await form().getByLabel('Default variable values').inputValue()).toBe('')
  })

  it('marks what the API refuses on its input and stores nothing', async () => {
    await form().getByLabel('Time zone').fill('Mars/Olympus_Mons')
    await form().getByLabel('Default variable values').fill('first name = cliente')
    await save()
    await form().getByTestId('locale-error-time_zone').waitFor()
    expect(await form().getByTestId('locale-error-time_zone').textContent()).toMatch(/IANA time zone/)
    expect(await form().getByLabel('Time zone').getAttribute('aria-invalid')).toBe('true')
    expect(await form().getByTestId('locale-error-vars').textContent()).toMatch(/key/i)
    expect(await page.getByTestId('outcome-error').textContent()).toMatch(/^Invalid/)
    expect((await stored()).time_zone).toBe('UTC')

    // A line that is not "name = value" is marked before anything is sent.
    await form().getByLabel('Time zone').fill('UTC')
    await form().getByLabel('Default variable values').fill('first_name = cliente\njust words')
    await save()
    expect(await form().getByTestId('locale-error-vars').textContent()).toBe('Line 2: write name = value.')
    expect(await form().getByTestId('locale-error-time_zone').count()).toBe(0)
    expect((await stored()).default_variables).toEqual({})
  })

  it('saves, and shows the stored values (the canonical time zone) after a reload', async () => {
    await form().getByLabel('Time zone').fill('america/sao_paulo')
    await form().getByLabel('Default language').selectOption('pt')
    await form().getByLabel('Default variable values').fill('first_name = cliente\norder_eta = em breve')
    await form().getByLabel('Contacts writing in Español').fill('first_name = amigo')
    await save()
    await expect.poll(() => page.getByTestId('outcome').textContent()).toBe('Locale saved.')
    expect(await stored()).toEqual({
      time_zone: 'America/Sao_Paulo',
      default_language: 'pt',
      default_variables: { first_name: 'cliente', order_eta: 'em breve' },
      default_variables_by_language: { es: { first_name: 'amigo' } },
    })

    await page.reload()
    await form().waitFor()
    expect(await form().getByLabel('Time zone').inputValue()).toBe('America/Sao_Paulo')
    expect(await form().getByLabel('Default language').inputValue()).toBe('pt')
    expect(await form().getByLabel('Default variable values').inputValue()).toBe(
      'first_name = cliente\norder_eta = em breve',
    )
    expect(await form().getByLabel('Contacts writing in Español').inputValue()).toBe('first_name = amigo')
    await screenshot(page, `locale-${engine}`)
  })
})
