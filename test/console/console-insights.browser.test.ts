import { readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { complaintStreak, storeAlerts } from '../../backend/src/analytics/alert-rules'
import { analyticsContext } from '../../backend/src/analytics/workspace-context'
import { queryRows } from '../../backend/src/db/query-rows'
import { whatsappChannels } from '../../backend/src/db/schema'
import { seedMessages } from '../analytics/seed'
import { contactIdOf, customerWrites } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import {
  NUMBER_A,
  registerChannel,
  startTestRuntime,
  TEST_ENV,
  type TestRuntime,
} from '../support/test-runtime'
import { launchChromium, screenshot, serveRuntime, signIn } from './console-harness'

/** Generous: the machine running the suite may be busy, and nothing here measures speed. */
const UI_MS = 30_000
const DAY_MS = 86_400_000
const utcDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10)

/**
 * The console's duplicate contacts, reports and alerts pages in Chromium against the real backend:
 * empty in a new workspace; a pair found by a scan, compared, merged and the merge undone; the
 * activity report's figures and CSV against the stored messages; an alert the complaint rule
 * raised, resolved.
 */
describe.each(ENGINES)(
  'console duplicates, reports and alerts in Chromium (%s)',
  { timeout: 120_000 },
  (engine) => {
    let rt: TestRuntime
    let server: { url: string; close(): Promise<void> }
    let browser: Browser
    let page: Page
    let workspaceId: string
    const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(rt.db.db, query)
    const open = async (slug: string) => {
      await page.goto(`${server.url}/admin/${slug}`)
      await page.getByTestId(`page-${slug}`).waitFor()
    }
    const shot = (name: string) => screenshot(page, `${name}-${engine}`)

    beforeAll(async () => {
      rt = await startTestRuntime(engine)
      expect((await registerChannel(rt, NUMBER_A, 'HK')).status).toBe(201)
      const [channel] = await rt.db.db.select().from(whatsappChannels)
      workspaceId = channel?.workspaceId as string
      // Automatic merges off, so the scan proposes the pair for a person to decide.
      await rt.db.db.execute(
        sql`update workspaces set settings = settings || '{"dedup":{"auto_merge_score":1.01}}'::jsonb where id = ${workspaceId}`,
      )
      server = await serveRuntime(rt)
      browser = await launchChromium()
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
      page = await context.newPage()
      page.setDefaultTimeout(UI_MS)
      await page.goto(`${server.url}/admin`)
      await signIn(page, TEST_ENV.ADMIN_API_KEY)
      await page.getByTestId('page-overview').waitFor()
    }, 60_000)
    afterAll(async () => {
      await browser?.close()
      await server?.close()
      await rt?.close()
    })

    it('shows empty states in a new workspace', async () => {
      await page.getByRole('link', { name: 'Duplicate contacts' }).click()
      await page.getByTestId('duplicates-empty').waitFor()
      await page.getByTestId('merges-empty').waitFor()
      await page.getByRole('link', { name: 'Reports' }).click()
      expect(await page.getByTestId('reports-empty').textContent()).toBe(
        'Nothing to report for this period yet.',
      )
      await page.getByRole('link', { name: 'Alerts' }).click()
      expect(await page.getByTestId('alerts-empty').textContent()).toBe('No open alerts.')
    })

    it('scans, shows the pair with its reasons side by side, merges it and undoes the merge from the history', async () => {
      await customerWrites(rt, NUMBER_A, { waId: '85291230001', name: 'Chan Tai Man' }, 'first number')
      await customerWrites(rt, NUMBER_A, { waId: '85261230002', name: 'Chan Tai-man' }, 'second number')
      const a = await contactIdOf(rt, '+85291230001')
      const b = await contactIdOf(rt, '+85261230002')
      // The second contact's CRM-side phone holds the first number; its profile name is markup, to be shown as text.
      await rt.db.db.execute(
        sql`update contacts set attributes = '{"mobile_phone":"9123 0001"}'::jsonb,
            profile_name = '<img src=x onerror="window.__xss=1">Chan' where id = ${b}`,
      )

      await open('duplicates')
      await page.getByTestId('duplicates-empty').waitFor()
      await page.getByTestId('scan-now').click()
      const outcome = page.getByTestId('outcome')
      await outcome.waitFor()
      expect(await outcome.textContent()).toContain('possible duplicates: 1; merged automatically: 0.')
      const row = page.getByTestId('duplicate-row')
      await row.waitFor()
      // The reasons in the page's words, each with the API's detail.
      expect((await row.getByTestId('reasons').locator('li').allTextContents()).sort()).toEqual([
        'Same phone number: +85291230001',
        'Similar names: 100 % similar',
      ])
      const [stored] = await rows<{ id: string; score: number }>(
        sql`select id, score from duplicate_candidates where state = 'open'`,
      )
      expect(await row.locator('td').first().textContent()).toBe(
        `${Math.round(Number(stored?.score) * 100)}%`,
      )

      await row.getByRole('button', { name: 'Compare' }).click()
      const comparison = page.getByTestId('duplicate-comparison')
      await comparison.waitFor()
      expect(await comparison.textContent()).toContain('<img src=x onerror="window.__xss=1">Chan')
      expect(await comparison.locator('img').count()).toBe(0)
      expect(await page.evaluate('window.__xss')).toBeUndefined()
      await comparison.getByLabel('Keep Chan Tai Man').check()
      await shot('duplicates')
      await comparison.getByRole('button', { name: 'Merge' }).click()
      await page.getByTestId('merge-row').waitFor()
      await page.getByTestId('duplicates-empty').waitFor()
      const [merge] = await rows<{
        id: string
        survivor_id: string
        absorbed_id: string
        undone_at: Date | null
      }>(sql`select id, survivor_id, absorbed_id, undone_at from contact_merges`)
      expect(merge).toMatchObject({ survivor_id: a, absorbed_id: b, undone_at: null })
      const contactsLeft = async () =>
        (await rows<{ id: string }>(sql`select id from contacts where id in (${a}, ${b})`))
          .map((r) => r.id)
          .sort()
      expect(await contactsLeft()).toEqual([a])
      const mergeRow = page.getByTestId('merge-row')
      expect(await mergeRow.textContent()).toContain('Chan Tai Man')
      await shot('duplicates-history')

      await mergeRow.getByRole('button', { name: 'Undo' }).click()
      await page.getByText('Merge undone: both contacts are back as they were.').waitFor()
      await mergeRow.getByText(/^Undone /).waitFor()
      expect(await contactsLeft()).toEqual([a, b].sort())
      const [undone] = await rows<{ undone_at: Date | null }>(sql`select undone_at from contact_merges`)
      expect(undone?.undone_at).not.toBeNull()
      const byContact = await rows<{ contact_id: string; n: number }>(
        sql`select contact_id, count(*)::int as n from messages where contact_id in (${a}, ${b}) group by 1`,
      )
      expect(byContact.map((r) => r.n)).toEqual([1, 1])
    })

    it('dismisses a pair that is not one person, so it is not proposed again', async () => {
      await customerWrites(rt, NUMBER_A, { waId: '85291230003', name: 'Wong Siu Ming' }, 'hello')
      await customerWrites(rt, NUMBER_A, { waId: '85261230004', name: 'Wong Siu-ming' }, 'hi again')
      const c = await contactIdOf(rt, '+85291230003')
      const d = await contactIdOf(rt, '+85261230004')
      await rt.db.db.execute(sql`update contacts set email = 'wong@example.org' where id in (${c}, ${d})`)
      await page.getByTestId('scan-now').click()
      const row = page.getByTestId('duplicate-row')
      await row.waitFor()
      expect(await row.getByTestId('reasons').textContent()).toContain('Same email: wong@example.org')
      await row.getByRole('button', { name: 'Compare' }).click()
      await page.getByRole('button', { name: 'Not the same person' }).click()
      await page.getByTestId('duplicates-empty').waitFor()
      const [pair] = await rows<{ state: string }>(
        sql`select state from duplicate_candidates where contact_a in (${c}, ${d}) and contact_b in (${c}, ${d})`,
      )
      expect(pair?.state).toBe('dismissed')
      await page.getByTestId('scan-now').click()
      await page.getByTestId('outcome').waitFor()
      expect(await page.getByTestId('duplicate-row').count()).toBe(0)
    })

    it('shows the activity report with figures matching the stored messages, a chart and its CSV', async () => {
      // Three days of customer messages, one in ten a complaint (also what the alert rule reads below).
      const [channel] = await rt.db.db.select().from(whatsappChannels)
      const contact = await contactIdOf(rt, '+85291230001')
      const list = [-3, -2, -1].flatMap((d) =>
        Array.from({ length: 10 }, (_, i) => ({
          contact: 0,
          direction: 'inbound' as const,
          sender: 'customer' as const,
          at: new Date(Date.parse(`${utcDay(d)}T12:00:00Z`) + i * 1000),
          intent: i === 0 ? 'complaint' : 'other',
        })),
      )
      await seedMessages(rt.db.db, { ...channel!, wabaId: channel?.wabaId ?? null }, [contact], list)
      const from = utcDay(-10)
      const to = utcDay(1)
      const [counted] = await rows<{ inbound: number; complaints: number }>(
        sql`select count(*) filter (where direction = 'inbound')::int as inbound,
                 count(*) filter (where direction = 'inbound' and intent = 'complaint')::int as complaints
            from messages where workspace_id = ${workspaceId}`,
      )
      expect(counted).toEqual({ inbound: 34, complaints: 3 })

      await open('reports')
      await page.getByLabel('From', { exact: true }).fill(from)
      await page.getByLabel('To', { exact: true }).fill(to)
      await page.getByLabel('Time zone', { exact: true }).fill('UTC')
      await page.getByRole('button', { name: 'Show report' }).click()
      await page.getByTestId('report-table').waitFor()
      expect(await page.getByTestId('figure-inbound').textContent()).toBe(String(counted?.inbound))
      expect(await page.getByTestId('figure-complaints').textContent()).toBe(String(counted?.complaints))
      const dayRow = page.getByTestId('report-row').filter({ hasText: utcDay(-2) })
      expect(await dayRow.locator('td').nth(1).textContent()).toBe('10')
      await page.getByTestId('report-chart').locator('canvas').first().waitFor()
      await shot('reports')

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('report-csv').click(),
      ])
      expect(download.suggestedFilename()).toBe(`activity-${from}-${to}.csv`)
      const csv = readFileSync((await download.path()) as string, 'utf8')
        .trim()
        .split('\r\n')
      expect(csv[0]).toBe('group,inbound,outbound,complaints,complaint_rate,conversations')
      const inbound = csv.slice(1).reduce((sum, line) => sum + Number(line.split(',')[1]), 0)
      expect(inbound).toBe(counted?.inbound)

      // Another report with its own filters: a refusal shows the API's message.
      await page.getByLabel('Report', { exact: true }).selectOption('keywords')
      await page.getByTestId('report-form').waitFor()
      await page.getByLabel('From', { exact: true }).fill(to)
      await page.getByLabel('To', { exact: true }).fill(from)
      await page.getByRole('button', { name: 'Show report' }).click()
      expect(await page.getByTestId('error-message').textContent()).toContain('`from` must not be after `to`')

      // Every report answers in the page: its table (or its empty state), never an error.
      await page.getByLabel('From', { exact: true }).fill(from)
      await page.getByLabel('To', { exact: true }).fill(to)
      await page.getByRole('button', { name: 'Show report' }).click()
      await page.getByTestId('report-table').waitFor()
      const reports = await page
        .getByLabel('Report', { exact: true })
        .locator('option')
        .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value))
      expect(reports).toHaveLength(8)
      for (const report of reports) {
        await page.getByLabel('Report', { exact: true }).selectOption(report)
        await page
          .locator(`[data-testid="report-view"][data-report="${report}"], [data-testid="error"]`)
          .waitFor()
        expect(await page.getByTestId('error').count(), report).toBe(0)
      }
      await page.getByLabel('Report', { exact: true }).selectOption('keywords')
      await page.locator('[data-testid="report-view"][data-report="keywords"]').waitFor()
      expect(await page.getByTestId('figure-messages').textContent()).toBe(String(counted?.inbound))

      // The page speaks the console's other languages.
      await page.getByLabel('Language', { exact: true }).selectOption('zh')
      await page.getByRole('heading', { name: '报表' }).waitFor()
      expect(await page.getByTestId('report-table').locator('th').first().textContent()).toBe('分组')
      await shot('reports-zh')
      await page.getByLabel('语言', { exact: true }).selectOption('en')
    })

    it('shows an alert the complaint rule raised with its figures, and resolves it', async () => {
      const ctx = await analyticsContext(rt.db.db, workspaceId)
      const raised = await complaintStreak(rt.db.db, workspaceId, utcDay(-1), ctx.timeZone, ctx.settings)
      expect(await storeAlerts(rt.db.db, workspaceId, raised)).toBe(1)

      await open('alerts')
      const row = page.getByTestId('alert-row')
      await row.waitFor()
      expect(await row.textContent()).toContain('Complaint rate')
      expect(await row.textContent()).toContain(raised[0]?.period as string)
      await shot('alerts')
      await row.getByRole('button', { name: 'Resolve' }).click()
      await page.getByTestId('outcome').waitFor()
      await page.getByTestId('alerts-empty').waitFor()
      const [stored] = await rows<{ resolved_at: Date | null }>(sql`select resolved_at from analytics_alerts`)
      expect(stored?.resolved_at).not.toBeNull()

      await page.getByLabel('State', { exact: true }).selectOption('resolved')
      await row.getByText(/^Resolved /).waitFor()
      expect(await row.getByRole('button', { name: 'Resolve' }).count()).toBe(0)

      // More open alerts than a page holds: the pages follow the API's cursor.
      await storeAlerts(
        rt.db.db,
        workspaceId,
        Array.from({ length: 21 }, (_, i) => ({
          rule: 'sync_success' as const,
          subject: 'hubspot',
          period: `2026-01-${String(i + 1).padStart(2, '0')}`,
          figures: { success_percent: 80 },
          suggestion: null,
        })),
      )
      await page.getByLabel('State', { exact: true }).selectOption('open')
      await page.getByLabel('Rule', { exact: true }).selectOption('sync_success')
      await expect.poll(() => row.count()).toBe(20)
      await page.getByRole('button', { name: 'Next' }).click()
      await page.getByText('Page 2').waitFor()
      await expect.poll(() => row.count()).toBe(1)
      await page.getByRole('button', { name: 'Previous' }).click()
      await expect.poll(() => row.count()).toBe(20)
    })
  },
)
