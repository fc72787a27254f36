/**
 * @fileoverview The browser side of the Zoho widget tests: the BUILT widget (vite build of
 * zoho-widget/) runs in Debian's Chromium inside a cross-origin frame of a page that plays Zoho CRM's
 * record page. The page speaks the embedded-app SDK's frame protocol (harness/crm-page.js) with a
 * stand-in SDK served at Zoho's CDN address (harness/zoho-sdk-stub.js); what Zoho does server-side
 * for a CONNECTION.invoke — add the connection's credential, call the backend, wrap its answer — is
 * done here against the real backend. Nothing else leaves the browser: every other request is
 * refused and recorded, so a test can prove the widget never calls the backend directly.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { type Browser, type BrowserContext, chromium, type FrameLocator, type Page } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
]
const CRM_ORIGIN = 'https://crm.zoho-harness.test'
const WIDGET_ORIGIN = 'https://widgets.zoho-harness.test'
/** What the widget is built with; the harness answers this origin from the real backend. */
export const BACKEND_URL = 'https://scrm-backend.zoho-harness.test'
export const CONNECTION_NAME = 'whatsapp_scrm'
const SDK_URL = 'https://live.zwidgets.com/js-sdk/1.2/ZohoEmbededAppSDK.min.js'

const repo = join(import.meta.dirname, '..', '..')
const harnessDir = join(import.meta.dirname, 'harness')
export const SCREENSHOTS = join(repo, '.test-results', 'zoho-widget')

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/** Builds the widget as an admin would (`npm run zoho:build`), into `outDir`. */
export function buildWidget(outDir: string): void {
  execFileSync(join(repo, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error'], {
    cwd: join(repo, 'zoho-widget'),
    env: {
      ...process.env,
      SCRM_BACKEND_URL: BACKEND_URL,
      SCRM_ZOHO_CONNECTION: CONNECTION_NAME,
      SCRM_ZOHO_OUT_DIR: outDir,
    },
  })
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
}

/** The Zoho org the widget runs in: its records, its signed-in user and its connections. */
export interface ZohoOrgState {
  /** `Contacts/123` → the record as `getRecord` returns it. */
  records: Map<string, Record<string, unknown>>
  user: { locale: string; language: string; time_zone: string }
  /** Connection link name → the headers Zoho adds to every call through it (the org's credential). */
  connections: Map<string, Record<string, string>>
}

/** The backend as Zoho's servers reach it (the real app, called in-process). */
export type BackendFetch = (path: string, init: RequestInit) => Promise<Response>

export interface InvokeRecord {
  connectionName: string
  method: string
  url: string
  /** The headers the widget itself asked for (before Zoho added the connection's). */
  widgetHeaders: Record<string, string>
  body: unknown
}

export interface RecordPage {
  page: Page
  widget: FrameLocator
  /** Zoho fires PageLoad for the record the user opened. */
  pageLoad(entity: string, id: string): Promise<void>
  invocations: InvokeRecord[]
  /** Requests the browser tried to make outside Zoho and the widget (refused). */
  blocked: string[]
  screenshot(name: string): Promise<void>
  close(): Promise<void>
}

const serveFile = (root: string, relative: string): { body: Buffer; contentType: string } | null => {
  const path = normalize(join(root, relative))
  if (!path.startsWith(root)) return null
  try {
    return {
      body: readFileSync(path),
      contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    }
  } catch {
    return null
  }
}

async function answerCrmEvent(
  event: Record<string, unknown>,
  org: ZohoOrgState,
  backend: BackendFetch,
  invocations: InvokeRecord[],
): Promise<unknown> {
  switch (event.category) {
    case 'READ': {
      const api = event.APIData as { Entity: string; RecordID: string }
      const record = org.records.get(`${api.Entity}/${api.RecordID}`)
      if (!record) throw new Error(`no ${api.Entity} record ${api.RecordID}`)
      return { data: [record] }
    }
    case 'CONFIG':
      return { users: [org.user] }
    case 'CRM_CONNECTION': {
      const name = String(event.connectionName)
      const data = event.data as {
        url: string
        method: string
        param_type: number
        parameters: string
        headers: string
      }
      const widgetHeaders = JSON.parse(data.headers) as Record<string, string>
      const body = data.param_type === 2 ? JSON.parse(data.parameters) : undefined
      invocations.push({ connectionName: name, method: data.method, url: data.url, widgetHeaders, body })
      const credential = org.connections.get(name)
      if (!credential)
        return { code: 'INVALID_DATA', message: `The connection ${name} is not authorised.`, status: 'error' }
      const url = new URL(data.url)
      if (url.origin !== BACKEND_URL) throw new Error(`the connection does not reach ${url.origin}`)
      const res = await backend(url.pathname + url.search, {
        method: data.method,
        headers: { ...widgetHeaders, ...credential },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await res.text()
      let statusMessage: unknown = text
      try {
        statusMessage = JSON.parse(text)
      } catch {
        // Zoho hands a non-JSON body on as a string.
      }
      // Zoho's documented wrapping; the HTTP status is deliberately not passed on.
      return {
        code: 'SUCCESS',
        details: { statusMessage },
        message: 'Connection invoked successfully',
        status: 'success',
      }
    }
    default:
      throw new Error(`unexpected SDK event ${String(event.category)}`)
  }
}

/** Opens Zoho's record page with the widget in its frame; `locale` is the browser's. */
export async function openRecordPage(
  browser: Browser,
  options: { appDir: string; org: ZohoOrgState; backend: BackendFetch; locale?: string },
): Promise<RecordPage> {
  const context: BrowserContext = await browser.newContext({
    locale: options.locale ?? 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 470, height: 800 },
  })
  const invocations: InvokeRecord[] = []
  const blocked: string[] = []
  await context.exposeBinding('zohoCrmEvent', (_source, event: Record<string, unknown>) =>
    answerCrmEvent(event, options.org, options.backend, invocations),
  )
  const sdk = readFileSync(join(harnessDir, 'zoho-sdk-stub.js'))
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    const file =
      url.href === SDK_URL
        ? { body: sdk, contentType: CONTENT_TYPES['.js'] as string }
        : url.origin === CRM_ORIGIN && url.pathname.startsWith('/crm/')
          ? serveFile(harnessDir, url.pathname.slice('/crm/'.length))
          : url.origin === WIDGET_ORIGIN && url.pathname.startsWith('/app/')
            ? serveFile(options.appDir, url.pathname.slice('/app/'.length))
            : null
    if (file) return route.fulfill({ status: 200, body: file.body, contentType: file.contentType })
    blocked.push(url.href)
    return route.abort('blockedbyclient')
  })
  const page = await context.newPage()
  await page.goto(
    `${CRM_ORIGIN}/crm/crm-page.html?widget=${encodeURIComponent(`${WIDGET_ORIGIN}/app/widget.html`)}`,
  )
  await page.waitForFunction('window.crmHarness && window.crmHarness.isRegistered()')
  mkdirSync(SCREENSHOTS, { recursive: true })
  return {
    page,
    widget: page.frameLocator('#widget'),
    pageLoad: (entity, id) =>
      page
        .evaluate(`window.crmHarness.pageLoad(${JSON.stringify(entity)}, ${JSON.stringify(id)})`)
        .then(() => {}),
    invocations,
    blocked,
    screenshot: (name) =>
      page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true }).then(() => {}),
    close: () => context.close(),
  }
}
