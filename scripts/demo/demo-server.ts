/**
 * The demo's own pages, served by the demo process (not the backend): the customer phone and the
 * card preview play Meta's and the CRMs' side of the product, so they need the simulators' handles
 * and have no place in what `npm start` ships. The backend is reached over HTTP like any client.
 */
import { readFileSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { z } from 'zod'
import { businessNumbers, type CustomerSide } from './customer-side'
import { CUSTOMERS, NUMBERS } from './customers'
import type { DemoSeed } from './seed'
import type { DemoStack } from './stack'
import type { WebAssets } from './web-assets'

/** Where Zoho's embedded-app SDK is loaded from in the built widget; the demo serves its shim instead. */
const ZOHO_SDK_URL = 'https://live.zwidgets.com/js-sdk/1.2/ZohoEmbededAppSDK.min.js'
const ZOHO_KEY_HEADER = 'x-scrm-zoho-key'
/**
 * The backend URL the widget is built with. Zoho's servers need public https, which a local demo
 * has not; the connection shim below stands for Zoho's servers and maps it to the local backend.
 */
export const ZOHO_BACKEND_URL = 'https://scrm-backend.demo.invalid'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

const waId = z.string().regex(/^[1-9]\d{6,14}$/, 'digits of an international number, without +')
const writeBody = z
  .object({
    wa_id: waId,
    name: z.string().trim().min(1).max(80).optional(),
    phone_number_id: z.string().regex(/^\d{5,20}$/),
    text: z.string().trim().min(1).max(4096),
  })
  .strict()
const invokeBody = z.object({
  url: z.string().url(),
  method: z.enum(['GET', 'POST', 'DELETE']),
  param_type: z.union([z.literal(1), z.literal(2)]),
  parameters: z.record(z.string(), z.unknown()).default({}),
  headers: z.record(z.string(), z.string()).default({}),
})
const recordBody = z.object({ Entity: z.string().min(1).max(40), RecordID: z.string().min(1).max(40) })

export interface DemoPages {
  url: string
  close(): Promise<void>
}

export async function startDemoServer(input: {
  stack: DemoStack
  customers: CustomerSide
  seed: () => DemoSeed | null
  assets: WebAssets
  port: number
}): Promise<DemoPages> {
  const { stack, customers, assets } = input
  const app = new Hono()
  const bad = (message: string) => ({ error: { code: 'invalid_request', message } })
  const backend = (path: string, headers: Record<string, string>, init: RequestInit = {}) =>
    fetch(`${stack.backendUrl}${path}`, { ...init, headers: { ...headers, accept: 'application/json' } })
  const adminHeaders = { authorization: `Bearer ${stack.secrets.adminKey}` }

  app.get('/', (c) => c.redirect('/phone'))
  app.get('/phone', (c) => c.html(assets.page('phone')))
  app.get('/cards', (c) => c.html(assets.page('cards')))
  app.get('/assets/:file', (c) => {
    const file = assets.file(c.req.param('file'))
    return file ? c.body(file.body, 200, { 'content-type': file.contentType }) : c.notFound()
  })

  /** Who the visitor can be: the seeded customers and whoever they invented, and the business numbers. */
  app.get('/demo/api/people', (c) => {
    const known = new Map(customers.list().map((p) => [p.waId, p]))
    const numberOf = (key: string) => NUMBERS.find((n) => n.key === key)?.phoneNumberId ?? ''
    const people: { wa_id: string; name: string; language: string; number: string }[] = CUSTOMERS.map(
      (p) => ({
        wa_id: p.waId,
        name: p.name,
        language: p.language,
        number: numberOf(p.number),
      }),
    )
    for (const p of known.values())
      if (!people.some((q) => q.wa_id === p.waId))
        people.push({ wa_id: p.waId, name: p.name, language: '', number: p.phoneNumberId })
    return c.json({ people, numbers: businessNumbers() })
  })
  app.get('/demo/api/conversation', (c) => {
    const parsed = waId.safeParse(c.req.query('wa_id'))
    if (!parsed.success) return c.json(bad('wa_id: digits of an international number'), 400)
    return c.json({ messages: customers.conversation(parsed.data) })
  })
  app.post('/demo/api/write', async (c) => {
    const parsed = writeBody.safeParse(await c.req.json().catch(() => null))
    if (!parsed.success) return c.json(bad(parsed.error.issues.map((i) => i.message).join('; ')), 400)
    const b = parsed.data
    if (!businessNumbers().some((n) => n.phone_number_id === b.phone_number_id))
      return c.json(bad('phone_number_id: not one of the demo numbers'), 400)
    const seeded = CUSTOMERS.find((p) => p.waId === b.wa_id)
    const name = b.name ?? seeded?.name ?? `+${b.wa_id}`
    const message = await customers.write({ waId: b.wa_id, name, phoneNumberId: b.phone_number_id }, b.text)
    return c.json({ message }, 201)
  })

  /** What the HubSpot and Salesforce previews show: the thread view their cards read. */
  app.get('/demo/api/card', async (c) => {
    const parsed = waId.safeParse(c.req.query('wa_id'))
    if (!parsed.success) return c.json(bad('wa_id: digits of an international number'), 400)
    const res = await backend(
      `/api/v1/thread?phone=${encodeURIComponent(`+${parsed.data}`)}&limit=30`,
      adminHeaders,
    )
    return c.body(await res.text(), res.status as 200, { 'content-type': 'application/json' })
  })
  app.get('/demo/api/state', (c) => {
    const seed = input.seed()
    if (!seed) return c.json({ ready: false }, 503)
    const { zohoCardKey: _secret, ...visible } = seed
    return c.json({ ready: true, backend_url: stack.backendUrl, ...visible })
  })

  // The Zoho widget as built for Zoho (`npm run zoho:build`), with a shim of Zoho's SDK.
  app.get('/zoho/app/*', (c) => {
    const relative = c.req.path.slice('/zoho/app/'.length)
    const root = assets.zohoAppDir
    const path = normalize(join(root, relative))
    if (!path.startsWith(root)) return c.notFound()
    let body: Buffer
    try {
      body = readFileSync(path)
    } catch {
      return c.notFound()
    }
    const type = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream'
    if (extname(path) === '.html')
      return c.html(body.toString('utf8').replace(ZOHO_SDK_URL, '/assets/zoho-sdk-shim.js'))
    return c.body(new Uint8Array(body), 200, { 'content-type': type })
  })
  /** `ZOHO.CRM.API.getRecord`: the record as Zoho CRM holds it (the simulated org, kept in sync). */
  app.post('/zoho/record', async (c) => {
    const parsed = recordBody.safeParse(await c.req.json().catch(() => null))
    if (!parsed.success) return c.json(bad('Entity and RecordID are required'), 400)
    const seed = input.seed()
    const record = seed
      ? stack.zoho
          .records(seed.zohoOrgId, parsed.data.Entity)
          .find((r) => String(r.id) === parsed.data.RecordID)
      : undefined
    if (!record) return c.json(bad('no such record'), 404)
    return c.json({ data: [record] })
  })
  /** The Zoho record of a demo customer, for the preview's frame URL. */
  app.get('/demo/api/zoho-record', (c) => {
    const parsed = waId.safeParse(c.req.query('wa_id'))
    const seed = input.seed()
    if (!parsed.success || !seed) return c.json(bad('wa_id: digits of an international number'), 400)
    const phone = `+${parsed.data}`
    for (const entity of ['Contacts', 'Leads']) {
      const record = stack.zoho
        .records(seed.zohoOrgId, entity)
        .find((r) =>
          [r.WhatsApp_Number, r.Mobile, r.Phone].some(
            (v) => typeof v === 'string' && v.replace(/[^\d+]/g, '') === phone,
          ),
        )
      if (record) return c.json({ entity, id: String(record.id) })
    }
    return c.json({ entity: null, id: null }, 404)
  })
  /**
   * `ZOHO.CRM.CONNECTION.invoke`: what Zoho's servers do for the widget — call the backend with the
   * connection's credential (the org's card key) added, and wrap the answer as Zoho does.
   */
  app.post('/zoho/connection', async (c) => {
    const parsed = invokeBody.safeParse(await c.req.json().catch(() => null))
    const seed = input.seed()
    if (!parsed.success || !seed) return c.json(bad('not a connection call'), 400)
    const req = parsed.data
    const url = new URL(req.url)
    if (url.origin !== ZOHO_BACKEND_URL) return c.json(bad('the connection does not reach that host'), 400)
    const res = await backend(
      url.pathname + url.search,
      { ...req.headers, [ZOHO_KEY_HEADER]: seed.zohoCardKey, 'content-type': 'application/json' },
      {
        method: req.method,
        body: req.param_type === 2 && req.method !== 'GET' ? JSON.stringify(req.parameters) : undefined,
      },
    )
    const text = await res.text()
    let statusMessage: unknown = text
    try {
      statusMessage = JSON.parse(text)
    } catch {
      // Zoho hands a body that is not JSON on as a string.
    }
    return c.json({ code: 'SUCCESS', details: { statusMessage }, message: 'Connection invoked successfully' })
  })

  const server = serve({ fetch: app.fetch, port: input.port, hostname: '127.0.0.1' })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve())
    server.once('error', reject)
  })
  const address = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeAllConnections' in server) server.closeAllConnections()
      }),
  }
}
