import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { archiveWorkspace } from '../../backend/src/lifecycle/retention/archive-job'
import { LocalDiskStorage } from '../../backend/src/media/local-disk-storage'
import { pt } from '../../zoho-widget/src/i18n/pt'
import { zh } from '../../zoho-widget/src/i18n/zh'
import type { ZohoSimulator } from '../simulators/zoho'
import { registerTemplate } from '../support/conversation'
import { type SendHarness, startSendHarness } from '../support/send-harness'
import { ENGINES } from '../support/test-db'
import { NUMBER_A } from '../support/test-runtime'
import {
  buildWidget,
  CONNECTION_NAME,
  launchChromium,
  openRecordPage,
  type RecordPage,
  type ZohoOrgState,
} from './zoho-harness'
import { connectZohoOrg, startZoho, type ZohoOrgCredential, zohoEnv } from './zoho-org'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const TEMPLATE = 'order_update'
/** Generous: the machine running the suite may be busy, and nothing here measures speed. */
const UI_MS = 60_000

/**
 * A rep on a Zoho CRM record page, in a real browser: the built widget, Zoho's frame protocol, and
 * every backend call made the way Zoho makes it (through the connection, with the org's credential
 * added server-side), answered by the real backend with the WhatsApp Cloud API simulator behind it.
 */
describe.each(ENGINES)('the Zoho widget in Chromium (%s)', { timeout: 300_000 }, (engine) => {
  let work: string
  let appDir: string
  let browser: Browser
  let h: SendHarness
  let zoho: ZohoSimulator
  let credential: ZohoOrgCredential
  let org: ZohoOrgState
  const pages: RecordPage[] = []

  const open = async (locale = 'en_US') => {
    org.user = { locale, language: locale.slice(0, 2), time_zone: 'UTC' }
    const page = await openRecordPage(browser, {
      appDir,
      org,
      backend: (path, init) => Promise.resolve(h.rt.app.request(path, init)),
      locale: locale.replace('_', '-'),
    })
    pages.push(page)
    return page
  }

  /** A customer writes to the business number (through the simulator's webhook), `ago` ms ago. */
  const customerWrites = async (waId: string, name: string, text: string, ago = 0) => {
    await h.sim.customerWrote(NUMBER_A.phoneNumberId, waId, new Date(Date.now() - ago), { text, name })
    return h.waitFor(
      async () => (await h.rt.api(`/api/v1/thread?phone=%2B${waId}`)).json(),
      (view) => view.messages?.some((m: { text: string }) => m.text === text),
    )
  }

  const shot = (page: RecordPage, name: string) => page.screenshot(`${name}-${engine}`)

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'zoho-widget-'))
    appDir = join(work, 'app')
    buildWidget(appDir)
    browser = await launchChromium()
    zoho = await startZoho()
    h = await startSendHarness(
      engine,
      {
        templates: [
          {
            name: TEMPLATE,
            language: 'en_US',
            category: 'UTILITY',
            status: 'APPROVED',
            components: [{ type: 'BODY', text: 'Your order {{1}} is on its way.' }],
          },
        ],
      },
      // The backend with its real Zoho provider, installed against the Zoho simulator.
      zohoEnv(zoho),
    )
    await registerTemplate(h.rt, TEMPLATE, 'utility', 'Your order {{1}} is on its way.')
    credential = await connectZohoOrg(h.rt, zoho)
    org = {
      records: new Map(),
      user: { locale: 'en_US', language: 'en', time_zone: 'UTC' },
      connections: new Map([[CONNECTION_NAME, credential.headers]]),
    }
  }, 120_000)

  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => {})
    await browser?.close()
    await h?.close()
    await zoho?.close()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('a rep opens a contact, reads the thread and replies inside the window', async () => {
    await customerWrites('5511987650001', 'Ana Souza', 'Oi! O pedido 1042 já saiu?')
    org.records.set('Contacts/5725767000000411001', {
      id: '5725767000000411001',
      Full_Name: 'Ana Souza',
      Mobile: '+55 11 98765-0001',
    })
    const page = await open()
    await page.pageLoad('Contacts', '5725767000000411001')
    const w = page.widget
    await expect.poll(() => w.getByTestId('contact-name').textContent(), { timeout: UI_MS }).toBe('Ana Souza')
    await expect(w.getByText('Oi! O pedido 1042 já saiu?', { exact: true }).count()).resolves.toBe(1)
    expect(await w.getByTestId('window-status').textContent()).toMatch(
      /^24-hour window open · 2\d h \d+ min left$/,
    )
    // Inside the window: free text and the mode picker, no closed-window hint.
    expect(await w.getByTestId('window-closed-hint').isVisible()).toBe(false)
    expect(await w.getByTestId('composer-mode').isVisible()).toBe(true)
    await shot(page, 'thread')

    await w.getByTestId('composer-text').fill('Saiu sim, chega amanhã!')
    await w.getByTestId('composer-send').click()
    await w.getByTestId('send-queued').waitFor({ timeout: UI_MS })
    await h.waitFor(
      async () => h.sim.sent.filter((s) => s.waId === '5511987650001'),
      (sent) => sent.length === 1 && sent[0]?.type === 'text',
    )
    // The simulator's status webhooks reach the backend; a refresh shows how far the reply got.
    await h.waitFor(
      async () => (await h.rt.api('/api/v1/thread?phone=%2B5511987650001')).json(),
      (view) => ['delivered', 'read'].includes(view.messages.at(-1)?.status),
    )
    await w.getByTestId('refresh').click()
    const bubble = w.locator('[data-testid^="message-"]').last()
    await expect.poll(() => bubble.textContent(), { timeout: UI_MS }).toContain('Saiu sim, chega amanhã!')
    expect(await bubble.locator('[data-testid^="status-tag-"]').textContent()).toMatch(/^(Delivered|Read)$/)
    await shot(page, 'replied')

    // Every call went through the connection; the widget never sent a credential or called out itself.
    expect(page.blocked).toEqual([])
    expect(page.invocations.length).toBeGreaterThanOrEqual(3)
    for (const call of page.invocations) {
      expect(call.connectionName).toBe(CONNECTION_NAME)
      expect(Object.keys(call.widgetHeaders).map((k) => k.toLowerCase())).toEqual(
        expect.not.arrayContaining(Object.keys(credential.headers).map((k) => k.toLowerCase())),
      )
    }
    const send = page.invocations.find((c) => c.method === 'POST')
    expect(send?.body).toMatchObject({
      content: { type: 'text', text: 'Saiu sim, chega amanhã!' },
      sender: 'agent',
    })

    // Linked on first view: the record stays linked even once its phone is gone.
    org.records.set('Contacts/5725767000000411001', { id: '5725767000000411001', Mobile: null, Phone: null })
    await page.pageLoad('Contacts', '5725767000000411001')
    await expect.poll(() => w.getByTestId('contact-name').textContent(), { timeout: UI_MS }).toBe('Ana Souza')
  })

  it('outside the window it offers approved templates, and re-renders when PageLoad names another record', async () => {
    await customerWrites('5511987650002', 'Bruno Lima', 'Quero um orçamento', 30 * HOUR)
    await customerWrites('5511987650003', 'Carla Dias', 'Bom dia')
    org.records.set('Leads/5725767000000422002', { id: '5725767000000422002', Mobile: '+5511987650002' })
    org.records.set('Contacts/5725767000000411003', { id: '5725767000000411003', Phone: '+5511987650003' })
    const page = await open()
    const w = page.widget
    await page.pageLoad('Contacts', '5725767000000411003')
    await expect
      .poll(() => w.getByTestId('contact-name').textContent(), { timeout: UI_MS })
      .toBe('Carla Dias')
    await page.pageLoad('Leads', '5725767000000422002')
    await expect
      .poll(() => w.getByTestId('contact-name').textContent(), { timeout: UI_MS })
      .toBe('Bruno Lima')
    expect(await w.getByTestId('window-status').textContent()).toBe('24-hour window closed')
    expect(await w.getByTestId('window-closed-hint').isVisible()).toBe(true)
    expect(await w.getByTestId('composer-mode').isVisible()).toBe(false)
    await expect(w.getByTestId('composer-text').count()).resolves.toBe(0)
    await w.getByTestId('template-select').waitFor({ timeout: UI_MS })
    await w.getByTestId('template-select').selectOption(`${TEMPLATE}|en_US`)
    await w.getByTestId('variable-1').fill('A-1042')
    expect(await w.getByTestId('template-preview').textContent()).toBe('Your order A-1042 is on its way.')
    await shot(page, 'template')
    await w.getByTestId('composer-send').click()
    await w.getByTestId('send-queued').waitFor({ timeout: UI_MS })
    const [sent] = await h.waitFor(
      async () => h.sim.sent.filter((s) => s.waId === '5511987650002'),
      (list) => list.length === 1,
    )
    expect(sent).toMatchObject({ type: 'template', businessInitiated: true, category: 'utility' })
  })

  it('tags the contact and takes the conversation over', async () => {
    await customerWrites('5511987650004', 'Diego Reis', 'Vocês vendem no atacado?')
    org.records.set('Contacts/5725767000000411004', { id: '5725767000000411004', Mobile: '+5511987650004' })
    const page = await open()
    const w = page.widget
    await page.pageLoad('Contacts', '5725767000000411004')
    await w.getByTestId('tag-input').waitFor({ timeout: UI_MS })
    const thread = async () => (await h.rt.api('/api/v1/thread?phone=%2B5511987650004')).json()

    await w.getByTestId('tag-input').fill('Atacado')
    await w.getByTestId('tag-add').click()
    await w.getByTestId('tag-atacado').waitFor({ timeout: UI_MS })
    await w.getByTestId('tag-input').fill('Revenda SP')
    await w.getByTestId('tag-input').press('Enter')
    await w.getByTestId('tag-revenda_sp').waitFor({ timeout: UI_MS })
    const keys = async () => (await thread()).tags.map((t: { key: string }) => t.key)
    // Rules may add tags of their own (a quote request here); the rep's are there beside them.
    expect(await keys()).toEqual(expect.arrayContaining(['atacado', 'revenda_sp']))
    await w.getByTestId('tag-remove-atacado').click()
    await expect.poll(() => w.getByTestId('tag-atacado').count(), { timeout: UI_MS }).toBe(0)
    expect(await keys()).toContain('revenda_sp')
    expect(await keys()).not.toContain('atacado')

    expect(await w.getByTestId('takeover-state').textContent()).toBe('Automation is active for this contact')
    await w.getByTestId('takeover-toggle').check()
    await expect
      .poll(() => w.getByTestId('takeover-state').textContent(), { timeout: UI_MS })
      .toMatch(/^Automation paused until /)
    const paused = (await thread()).contact.automation_paused_until
    expect(Date.parse(paused) - Date.now()).toBeGreaterThan(11.9 * HOUR)
    await shot(page, 'tags-takeover')
    await w.getByTestId('takeover-toggle').uncheck()
    await expect
      .poll(() => w.getByTestId('takeover-state').textContent(), { timeout: UI_MS })
      .toBe('Automation is active for this contact')
    expect((await thread()).contact.automation_paused_until).toBeNull()
  })

  it('explains a send WhatsApp failed, and refuses the next one in plain words', async () => {
    await customerWrites('5511987650007', 'Elisa Prado', 'Tem tamanho 40?')
    org.records.set('Contacts/5725767000000411007', { id: '5725767000000411007', Mobile: '+5511987650007' })
    // WhatsApp accepts the message, then reports it undeliverable (131026).
    h.sim.configure({ faults: { undeliverable: ['5511987650007'] } })
    try {
      const page = await open()
      const w = page.widget
      await page.pageLoad('Contacts', '5725767000000411007')
      await w.getByTestId('composer-text').fill('Temos sim!')
      await w.getByTestId('composer-send').click()
      await w.getByTestId('send-queued').waitFor({ timeout: UI_MS })
      await h.waitFor(
        async () => (await h.rt.api('/api/v1/thread?phone=%2B5511987650007')).json(),
        (view) => view.messages.at(-1)?.status === 'failed',
      )
      await w.getByTestId('refresh').click()
      const bubble = w.locator('[data-testid^="message-"]').last()
      await expect.poll(() => bubble.textContent(), { timeout: UI_MS }).toContain('Temos sim!')
      expect(await bubble.locator('[data-testid^="status-tag-"]').textContent()).toBe('Failed')
      expect(await bubble.locator('[data-testid^="status-reason-"]').textContent()).toBe(
        'Not delivered: Message undeliverable (code 131026)',
      )
      // The number is now known to be unreachable: the next send is refused before it is queued.
      await w.getByTestId('composer-text').fill('Oi Elisa?')
      await w.getByTestId('composer-send').click()
      await w.getByTestId('send-refused').waitFor({ timeout: UI_MS })
      expect(await w.getByTestId('send-refused').textContent()).toContain(
        'WhatsApp reported that this number cannot receive messages.',
      )
      await shot(page, 'failed-refused')
    } finally {
      h.sim.configure({ faults: {} })
    }
  })

  it('tells the rep a contact is probably a duplicate of another, and why', async () => {
    await customerWrites('5511987650008', 'Fábio Nunes', 'Oi, aqui é o Fábio')
    await customerWrites('5511987650009', 'Fabio Nunes', 'Esse é meu outro número')
    // Proposals only (no automatic merge), and the CRM record of the second number lists the first
    // as its mobile: the evidence a scan finds.
    await h.rt.db.db.execute(
      sql`update workspaces set settings = settings || '{"dedup":{"auto_merge_score":1.01}}'::jsonb`,
    )
    await h.rt.db.db.execute(
      sql`update contacts set attributes = '{"mobile_phone":"+55 11 98765-0008"}'::jsonb where phone_e164 = '+5511987650009'`,
    )
    const scan = await h.rt.api('/api/v1/duplicates/scan', { method: 'POST' })
    expect(scan.status).toBe(200)
    org.records.set('Contacts/5725767000000411009', { id: '5725767000000411009', Mobile: '+5511987650009' })
    const page = await open()
    const w = page.widget
    await page.pageLoad('Contacts', '5725767000000411009')
    await w.getByTestId('duplicate-hint').waitFor({ timeout: UI_MS })
    const hint = w.locator('[data-testid^="duplicate-why-"]')
    expect(await w.locator('[data-testid^="duplicate-"][role="note"]').first().textContent()).toContain(
      'Probably the same person as Fábio Nunes',
    )
    expect(await hint.first().textContent()).toMatch(/^Why: .*same phone \+5511987650008/)
    await shot(page, 'duplicate-hint')
  })

  it('a rep corrects a message’s intent with one pick, and the backend keeps it', async () => {
    const text = 'Quero um orçamento para 30 camisetas'
    const view = await customerWrites('5511987650010', 'Gabi Rocha', text)
    const message = view.messages.find((m: { text: string }) => m.text === text)
    expect(message.intent?.value).toBeTruthy()
    const wrong = message.intent.value === 'complaint' ? 'other' : 'complaint'
    org.records.set('Contacts/5725767000000411010', { id: '5725767000000411010', Mobile: '+5511987650010' })
    const page = await open()
    const w = page.widget
    await page.pageLoad('Contacts', '5725767000000411010')
    const select = w.getByTestId(`intent-correct-${message.id}`)
    await select.waitFor({ timeout: UI_MS })
    await select.selectOption(wrong)
    const label = wrong === 'complaint' ? 'Complaint' : 'Other'
    await expect
      .poll(() => w.getByTestId(`intent-${message.id}`).textContent(), { timeout: UI_MS })
      .toBe(label)

    const [row] = await queryRows<{ value: string; predicted: string | null; corrected_by: string }>(
      h.rt.db.db,
      sql`select value, predicted, corrected_by from message_corrections where message_id = ${Number(message.id)} and field = 'intent'`,
    )
    expect(row).toMatchObject({ value: wrong, predicted: message.intent.value })
    // Made by the org's card through the connection, not by an API key.
    expect(row?.corrected_by).toMatch(/^card:/)
    const after = await (await h.rt.api('/api/v1/thread?phone=%2B5511987650010')).json()
    expect(after.messages.find((m: { id: string }) => m.id === message.id).intent.value).toBe(wrong)
    const call = page.invocations.find((c) => c.url.endsWith(`/api/v1/messages/${message.id}/corrections`))
    expect(call).toMatchObject({ method: 'POST', body: { field: 'intent', value: wrong } })
    await shot(page, 'intent-corrected')
  })

  it('says when a contact’s older history went to the archive', async () => {
    const waId = '5511987650010'
    const oldText = 'Vocês entregam em Santos?'
    const before = await customerWrites(waId, 'Gabi Rocha', oldText, 400 * DAY)
    await customerWrites(waId, 'Gabi Rocha', 'Voltei! Ainda tem o tênis?')
    // The daily retention job's work (365 days by default), run now rather than at its hour.
    const [contact] = await queryRows<{ workspace_id: string }>(
      h.rt.db.db,
      sql`select workspace_id::text from contacts where phone_e164 = ${`+${waId}`}`,
    )
    await archiveWorkspace(h.rt.db.db, new LocalDiskStorage(join(work, 'archive')), {
      workspaceId: contact?.workspace_id as string,
    })
    const old = new Date(before.messages.find((m: { text: string }) => m.text === oldText).sent_at)
    const month = new Date(Date.UTC(old.getUTCFullYear(), old.getUTCMonth() + 1, 1)).toISOString().slice(0, 7)

    org.records.set('Contacts/5725767000000411010', { id: '5725767000000411010', Mobile: `+${waId}` })
    const page = await open()
    const w = page.widget
    await page.pageLoad('Contacts', '5725767000000411010')
    await w.getByTestId('history-archived').waitFor({ timeout: UI_MS })
    expect(await w.getByTestId('history-archived').textContent()).toBe(
      `Older history (before ${month}) is archived — ask an admin to restore it.`,
    )
    expect(await w.getByText('Voltei! Ainda tem o tênis?', { exact: true }).count()).toBe(1)
    expect(await w.getByText(oldText, { exact: true }).count()).toBe(0)
    expect(await w.getByTestId('load-older').count()).toBe(0)
    await shot(page, 'history-archived')
  })

  it('shows what a customer wrote as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><b>promo</b>'
    await customerWrites('5511987650005', '<script>window.__pwned=2</script>', hostile)
    org.records.set('Contacts/5725767000000411005', { id: '5725767000000411005', Mobile: '+5511987650005' })
    const page = await open()
    const w = page.widget
    await page.pageLoad('Contacts', '5725767000000411005')
    await expect.poll(() => w.getByText(hostile, { exact: true }).count(), { timeout: UI_MS }).toBe(1)
    expect(await w.locator('img, b, script:not([src])').count()).toBe(0)
    const frame = page.page.frames().find((f) => f.url().includes('/app/widget.html'))
    expect(await frame?.evaluate('window.__pwned')).toBeUndefined()
  })

  it('shows the empty state for a record it cannot link, and the error state with retry', async () => {
    // No phone on the record and never linked: nothing to show (a record with a phone is linked and
    // gets an empty thread a rep can start with a template).
    org.records.set('Contacts/5725767000000411099', { id: '5725767000000411099', Mobile: null, Phone: '' })
    const page = await open()
    const w = page.widget
    await page.pageLoad('Contacts', '5725767000000411099')
    await w.getByTestId('empty').waitFor({ timeout: UI_MS })
    expect(await w.getByTestId('empty').textContent()).toContain('No WhatsApp conversation yet')
    await shot(page, 'empty')

    // The admin rotated the key but the connection still carries the old one: the backend refuses it.
    org.connections.set(CONNECTION_NAME, credential.wrongHeaders)
    await w.getByTestId('refresh').click()
    await w.getByTestId('error').waitFor({ timeout: UI_MS })
    expect(await w.getByTestId('error-message').textContent()).toMatch(credential.refusalPattern)
    await shot(page, 'error')
    org.connections.set(CONNECTION_NAME, credential.headers)
    await w.getByTestId('retry').click()
    await w.getByTestId('empty').waitFor({ timeout: UI_MS })

    // The admin has not created (or authorised) the connection yet.
    org.connections.delete(CONNECTION_NAME)
    await w.getByTestId('refresh').click()
    await w.getByTestId('connection-error').waitFor({ timeout: UI_MS })
    expect(await w.getByTestId('connection-error').textContent()).toContain(`"${CONNECTION_NAME}"`)
    await shot(page, 'connection-missing')
    org.connections.set(CONNECTION_NAME, credential.headers)
  })

  it('speaks Chinese and Portuguese from the Zoho user’s locale', async () => {
    await customerWrites('5511987650006', 'Li Wei', '你好，有现货吗？')
    org.records.set('Contacts/5725767000000411006', { id: '5725767000000411006', Mobile: '+5511987650006' })
    const fill = (label: string, values: Record<string, string | number>) =>
      label.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]))

    const zhPage = await open('zh_CN')
    await zhPage.pageLoad('Contacts', '5725767000000411006')
    const z = zhPage.widget
    await z.getByTestId('composer').waitFor({ timeout: UI_MS })
    expect(await z.getByTestId('window-status').textContent()).toMatch(
      new RegExp(`^${fill(zh['window.open'], { left: '.+' })}$`),
    )
    expect(await z.getByTestId('takeover-state').textContent()).toBe(zh['takeover.off'])
    expect(await z.getByTestId('composer-send').textContent()).toBe(zh['composer.send'])
    expect(await z.getByTestId('tags-none').textContent()).toBe(zh['tags.none'])
    await shot(zhPage, 'thread-zh')

    const ptPage = await open('pt_BR')
    org.records.set('Contacts/5725767000000411098', { id: '5725767000000411098', Mobile: null })
    await ptPage.pageLoad('Contacts', '5725767000000411098')
    const p = ptPage.widget
    await p.getByTestId('empty').waitFor({ timeout: UI_MS })
    expect(await p.getByTestId('empty').textContent()).toContain(pt['card.empty.title'])
    await ptPage.pageLoad('Contacts', '5725767000000411006')
    await p.getByTestId('composer').waitFor({ timeout: UI_MS })
    expect(await p.getByTestId('takeover-state').textContent()).toBe(pt['takeover.off'])
    expect(await p.getByTestId('composer-send').textContent()).toBe(pt['composer.send'])
    await shot(ptPage, 'thread-pt')
  })
})
