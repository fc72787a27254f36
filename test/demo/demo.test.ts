import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningProcess, runProcess } from '../support/run-process'

const ROOT = join(import.meta.dirname, '..', '..')
const MAIN = join(ROOT, 'scripts', 'demo', 'main.ts')
const SCREENSHOTS = join(ROOT, '.test-results', 'demo')
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
]
/** Generous: the machine running the suite may be busy; the start time itself is asserted below. */
const START_MS = 90_000
/** The seeded conversations alone hold more inbound messages than this (plus the visitor's). */
const CUSTOMER_MESSAGES_AT_LEAST = 4

interface Demo {
  proc: RunningProcess
  backend: string
  pages: string
  adminKey: string
  upMs: number
}

/** Starts `npm run demo`'s program as its own process and reads the URLs and key it prints. */
async function startDemo(dataDir: string): Promise<Demo> {
  const started = Date.now()
  const proc = runProcess(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    // A database the user configured for `npm start` is never the demo's: it runs on its own PGlite.
    env: { DEMO_DATA_DIR: dataDir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/not-the-demo' },
  })
  const find = (re: RegExp) => proc.output().match(re)?.[1]
  while (!find(/Card preview\s+(\S+)/)) {
    if (proc.child.exitCode !== null) throw new Error(`the demo exited:\n${proc.output()}`)
    if (Date.now() - started > START_MS) throw new Error(`the demo did not come up:\n${proc.output()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    proc,
    backend: find(/API docs\s+(\S+)\/docs/) as string,
    pages: (find(/Customer phone\s+(\S+)/) as string).replace(/\/phone$/, ''),
    adminKey: find(/Admin key\s+(\S+)/) as string,
    upMs: Date.now() - started,
  }
}

async function interrupt(demo: Demo): Promise<number | null> {
  demo.proc.child.kill('SIGINT')
  return demo.proc.exit
}

describe('npm run demo', { timeout: 180_000 }, () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'scrm-demo-test-')), 'data')
  let demo: Demo
  let browser: Browser
  // biome-ignore lint/suspicious/noExplicitAny: the test reads answers field by field
  const api = async (path: string): Promise<any> => {
    const res = await fetch(`${demo.backend}${path}`, {
      headers: { authorization: `Bearer ${demo.adminKey}` },
    })
    expect(res.status, path).toBe(200)
    return res.json()
  }
  // biome-ignore lint/suspicious/noExplicitAny: the demo's own state answer
  let state: any

  beforeAll(async () => {
    // What a `kill -9` leaves behind: the pid file of a process that is gone, and data.
    mkdirSync(join(dataDir, 'backend'), { recursive: true })
    writeFileSync(join(dataDir, 'demo.pid'), '2147483646')
    writeFileSync(join(dataDir, 'backend', 'leftover'), 'x')
    ;[demo, browser] = await Promise.all([
      startDemo(dataDir),
      chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS }),
    ])
    state = await (await fetch(`${demo.pages}/demo/api/state`)).json()
    mkdirSync(SCREENSHOTS, { recursive: true })
  }, START_MS + 30_000)

  afterAll(async () => {
    await browser?.close()
    if (demo && demo.proc.child.exitCode === null) await interrupt(demo)
    rmSync(join(dataDir, '..'), { recursive: true, force: true })
  })

  it('comes up well under 2 minutes, over what a killed run left, and prints the console, pages and key', () => {
    expect(demo.upMs).toBeLessThan(120_000)
    expect(demo.adminKey).toMatch(/^demo-[0-9a-f]{36}$/)
    expect(demo.proc.output()).toContain(`${demo.backend}/admin`)
    expect(existsSync(join(dataDir, 'backend', 'leftover'))).toBe(false)
    expect(state.ready).toBe(true)
    expect(existsSync(join(dataDir, 'backend'))).toBe(true)
    // The pages never hand out the Zoho org's key.
    expect(JSON.stringify(state)).not.toContain(`"zohoCardKey"`)
  })

  it('refuses a second demo on the same data directory and leaves the running one alone', async () => {
    const second = runProcess(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: ROOT,
      env: { DEMO_DATA_DIR: dataDir },
    })
    expect(await second.exit).toBe(1)
    expect(second.output()).toMatch(/another demo \(pid \d+\) is using/)
    expect(existsSync(join(dataDir, 'backend'))).toBe(true)
    expect((await fetch(`${demo.backend}/healthz`)).status).toBe(200)

    // DEMO_DATA_DIR pointed at a folder of the user's: refused, nothing removed.
    const mine = mkdtempSync(join(tmpdir(), 'scrm-demo-not-a-demo-'))
    writeFileSync(join(mine, 'notes.txt'), 'keep me')
    const wrong = runProcess(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: ROOT,
      env: { DEMO_DATA_DIR: mine },
    })
    expect(await wrong.exit).toBe(1)
    expect(wrong.output()).toMatch(/holds files that are not the demo's \(notes.txt\)/)
    expect(existsSync(join(mine, 'notes.txt'))).toBe(true)
    rmSync(mine, { recursive: true, force: true })
  })

  it('seeded a workspace through the API: numbers, three CRMs, four languages, tags, a broadcast, a conflict', async () => {
    expect(await (await fetch(`${demo.backend}/readyz`)).json()).toMatchObject({ driver: 'pglite' })
    const channels = await api('/api/v1/channels')
    expect(channels.channels.map((c: { phone_number_id: string }) => c.phone_number_id).sort()).toEqual(
      ['106540352242922', '209876543210987'].sort(),
    )
    const connections = await api('/api/v1/connections')
    expect(
      connections.connections
        .map((c: { provider: string; state: string }) => `${c.provider}:${c.state}`)
        .sort(),
    ).toEqual(['hubspot:active', 'salesforce:active', 'zoho:active'])

    expect(new Set(state.contacts.map((c: { language: string }) => c.language))).toEqual(
      new Set(['en', 'pt', 'es', 'zh']),
    )
    const written: Record<string, string> = {
      en: 'Hi! Do you have the trail running shoes in size 8?',
      pt: 'Oi! O pedido 1042 já saiu?',
      es: 'Hola, ¿cuánto cuesta el envío a Guadalajara?',
      zh: '你好，请问这款背包还有黑色的吗？',
    }
    for (const [language, text] of Object.entries(written)) {
      const contact = state.contacts.find((c: { language: string }) => c.language === language)
      const view = await api(`/api/v1/thread?phone=${encodeURIComponent(contact.phone)}`)
      expect(view.messages.map((m: { text: string }) => m.text)).toContain(text)
      // An agent answered through POST /api/v1/messages.
      expect(view.messages.some((m: { sender: string }) => m.sender === 'agent')).toBe(true)
    }
    // The default rules answered Ana on their own (order status), and the answer reached her phone
    // (automation runs in the background: it may still be on its way when the demo says it is up).
    const automationOf = async (): Promise<string | null> =>
      (await api('/api/v1/thread?phone=%2B5511987650101')).messages.find(
        (m: { sender: string }) => m.sender === 'automation',
      )?.text ?? null
    await expect.poll(automationOf, { timeout: 20_000 }).toEqual(expect.any(String))
    const anaAutomation = (await automationOf()) as string
    await expect
      .poll(
        async () => {
          const phone = (await (
            await fetch(`${demo.pages}/demo/api/conversation?wa_id=5511987650101`)
          ).json()) as { messages: { text: string }[] }
          return phone.messages.map((m) => m.text)
        },
        { timeout: 20_000 },
      )
      .toContain(anaAutomation)
    const emily = await api('/api/v1/thread?phone=%2B14155550101')
    expect(emily.contact.segment.value).toBe('high_intent')

    // Tags in every language; the broadcast went to the tag "vip" and reached the phones of those
    // it may reach (a marketing template to a +1 number is refused, and said so).
    const vip = ['+14155550101', '+5511987650102', '+5491155550102', '+85291234567']
    for (const phone of vip) {
      const view = await api(`/api/v1/thread?phone=${encodeURIComponent(phone)}`)
      expect(view.tags.map((t: { key: string }) => t.key)).toContain('vip')
    }
    await expect
      .poll(() => api(`/api/v1/broadcasts/${state.broadcastId}`), { timeout: 20_000 })
      .toMatchObject({
        name: 'Spring collection launch',
        state: 'completed',
        queued_recipients: 4,
        refused: { marketing_blocked_us: 1 },
      })
    await expect
      .poll(
        async () => {
          const phone = (await (
            await fetch(`${demo.pages}/demo/api/conversation?wa_id=5511987650102`)
          ).json()) as {
            messages: { text: string }[]
          }
          return phone.messages.map((m) => m.text)
        },
        { timeout: 20_000 },
      )
      .toContain('[template hello_world]')

    const review = await api('/api/v1/review?status=open')
    expect(review.items.find((i: { id: string }) => i.id === state.reviewItemId)).toMatchObject({
      kind: 'conflict',
      field: 'segment',
      local_value: 'high_intent',
      remote_value: 'lost',
    })
  })

  it('a visitor writes on the customer phone: signed webhook in, thread API and card previews show it', async () => {
    const text = `Hello from the phone page ${Date.now()}`
    const context = await browser.newContext({ viewport: { width: 900, height: 760 } })
    try {
      const phone = await context.newPage()
      await phone.goto(`${demo.pages}/phone`)
      await phone.getByTestId('new-number').fill('447700900123')
      await phone.getByTestId('new-name').fill('Alex <b>Visitor</b>')
      await phone.getByTestId('text').fill(text)
      await phone.getByTestId('send').click()
      await expect
        .poll(() => phone.getByTestId('msg-customer').allTextContents(), { timeout: 15_000 })
        .toEqual([expect.stringContaining(text)])

      // The backend stored it from the signed webhook, under the profile name as plain text.
      await expect
        .poll(
          async () => {
            const view = await api('/api/v1/thread?phone=%2B447700900123')
            return {
              texts: view.messages.map((m: { text: string }) => m.text),
              name: view.contact?.profile_name,
            }
          },
          { timeout: 15_000 },
        )
        .toEqual({ texts: [text], name: 'Alex <b>Visitor</b>' })

      // An agent answers through the API: the send reaches the simulator, and the phone shows it.
      const answer = await fetch(`${demo.backend}/api/v1/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${demo.adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          phone: '+447700900123',
          content: { type: 'text', text: 'Hi Alex, how can we help?' },
          sender: 'agent',
        }),
      })
      expect(answer.status).toBe(202)
      await expect
        .poll(() => phone.getByTestId('msg-business').allTextContents(), { timeout: 15_000 })
        .toContainEqual(expect.stringContaining('Hi Alex, how can we help?'))
      await phone.screenshot({ path: join(SCREENSHOTS, 'customer-phone.png') })

      // Every preview shows it; the Zoho frame appears once the sync has written the record.
      const cards = await context.newPage()
      await cards.goto(`${demo.pages}/cards?wa_id=447700900123`)
      for (const crm of ['hubspot-card', 'salesforce-card'])
        await expect
          .poll(() => cards.getByTestId(crm).getByTestId('card-message').allTextContents(), {
            timeout: 15_000,
          })
          .toEqual([expect.stringContaining(text), expect.stringContaining('Hi Alex, how can we help?')])
      expect(await cards.getByTestId('hubspot-card').getByTestId('card-name').textContent()).toBe(
        'Alex <b>Visitor</b>',
      )
      expect(await cards.locator('b').count()).toBe(0)
      const zoho = cards.frameLocator('[data-testid="zoho-frame"]')
      await expect.poll(() => zoho.getByText(text, { exact: true }).count(), { timeout: 30_000 }).toBe(1)
      await cards.screenshot({ path: join(SCREENSHOTS, 'card-preview.png'), fullPage: true })
    } finally {
      await context.close()
    }
  })

  it("the console signs in with the printed key and shows the demo: today's messages with the visitor's, three CRMs, the conflict, replies on", async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
    try {
      const page = await context.newPage()
      await page.goto(`${demo.backend}/`)
      expect(new URL(page.url()).pathname).toBe('/admin')
      await page.getByLabel('Admin API key').fill(demo.adminKey)
      await page.getByRole('button', { name: 'Sign in' }).click()
      const overview = await api('/api/v1/overview')
      // The visitor's message of the test before is among today's (the phone page wrote it).
      expect(overview.today.inbound).toBeGreaterThan(CUSTOMER_MESSAGES_AT_LEAST)
      await expect
        .poll(() => page.getByTestId('tile-today').locator('.figure').first().textContent(), {
          timeout: 15_000,
        })
        .toBe(new Intl.NumberFormat('en-US').format(overview.today.inbound))
      const crms = await page.getByTestId('crm-status').locator('li strong').allTextContents()
      expect(crms.sort()).toEqual(['hubspot', 'salesforce', 'zoho'])
      await page.screenshot({ path: join(SCREENSHOTS, 'console-overview.png'), fullPage: true })

      await page.getByRole('link', { name: 'Review queue' }).click()
      await expect.poll(() => page.getByTestId('review-row').count(), { timeout: 15_000 }).toBeGreaterThan(0)
      await page.screenshot({ path: join(SCREENSHOTS, 'console-review.png'), fullPage: true })

      await page.getByRole('link', { name: 'Rules and automation' }).click()
      await expect
        .poll(() => page.getByTestId('automatic-sends-state').textContent(), { timeout: 15_000 })
        .toMatch(/^On: /)
      await page.screenshot({ path: join(SCREENSHOTS, 'console-rules.png'), fullPage: true })
    } finally {
      await context.close()
    }
  })

  it('SIGINT stops everything and removes the data directory; a second start works', async () => {
    const backend = demo.backend
    expect(await interrupt(demo)).toBe(0)
    expect(existsSync(dataDir)).toBe(false)
    await expect(fetch(`${backend}/healthz`)).rejects.toThrow()

    demo = await startDemo(dataDir)
    const again = (await (await fetch(`${demo.pages}/demo/api/state`)).json()) as {
      ready: boolean
      reviewItemId: string
    }
    expect(again.ready).toBe(true)
    // A fresh workspace again: its own conflict (the timing of the CRM's webhooks may add another).
    const ids = (await api('/api/v1/review?status=open')).items.map((i: { id: string }) => i.id)
    expect(ids).toContain(again.reviewItemId)
    expect(ids).not.toContain(state.reviewItemId)
    expect(await interrupt(demo)).toBe(0)
    expect(existsSync(dataDir)).toBe(false)
  })
})
