/**
 * Zoho CRM's side of the Zoho widget preview: the built widget (`npm run zoho:build`) served with a
 * shim of Zoho's SDK in place of the CDN script, the record `getRecord` reads (from the simulated
 * org the sync wrote to), and what Zoho's servers do for `CONNECTION.invoke`: add the org's
 * credential (its card key), call the backend, wrap the answer.
 */
import { readFileSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { Hono } from 'hono'
import { z } from 'zod'
import { callBackend, type DemoContext, demoError, waIdSchema } from './demo-context'

/** Where Zoho's embedded-app SDK is loaded from in the built widget; the demo serves its shim instead. */
const ZOHO_SDK_URL = 'https://live.zwidgets.com/js-sdk/1.2/ZohoEmbededAppSDK.min.js'
const ZOHO_KEY_HEADER = 'x-scrm-zoho-key'
/**
 * The backend URL the widget is built with. Zoho's servers need public https, which a local demo
 * has not; the connection route stands for Zoho's servers and maps it to the local backend.
 */
export const ZOHO_BACKEND_URL = 'https://scrm-backend.demo.invalid'
export const ZOHO_CONNECTION = 'whatsapp_scrm'

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

const invokeBody = z.object({
  connection: z.literal(ZOHO_CONNECTION),
  url: z.string().url(),
  method: z.enum(['GET', 'POST', 'DELETE']),
  param_type: z.union([z.literal(1), z.literal(2)]),
  parameters: z.record(z.string(), z.unknown()).default({}),
  headers: z.record(z.string(), z.string()).default({}),
})
const recordBody = z.object({ Entity: z.string().min(1).max(40), RecordID: z.string().min(1).max(40) })
const MODULES = ['Contacts', 'Leads'] as const

export function zohoRoutes(ctx: DemoContext, appDir: string) {
  const app = new Hono()
  const invalid = (message: string) => demoError('validation_failed', message)
  const records = (module: string) => {
    const seed = ctx.seed()
    return seed ? ctx.stack.zoho.records(seed.zohoOrgId, module) : []
  }

  app.get('/zoho/app/*', (c) => {
    const path = normalize(join(appDir, c.req.path.slice('/zoho/app/'.length)))
    if (!path.startsWith(appDir)) return c.notFound()
    let body: Buffer
    try {
      body = readFileSync(path)
    } catch {
      return c.notFound()
    }
    if (extname(path) === '.html')
      return c.html(body.toString('utf8').replace(ZOHO_SDK_URL, '/assets/zoho-sdk-shim.js'))
    const type = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream'
    return c.body(new Uint8Array(body), 200, { 'content-type': type })
  })

  /** The Zoho record of a demo customer (by the WhatsApp number the sync wrote), for the frame's URL. */
  app.get('/demo/api/zoho-record', (c) => {
    const parsed = waIdSchema.safeParse(c.req.query('wa_id'))
    if (!parsed.success) return c.json(invalid('wa_id: digits of an international number'), 400)
    const phone = `+${parsed.data}`
    const samePhone = (v: unknown) => typeof v === 'string' && v.replace(/[^\d+]/g, '') === phone
    for (const entity of MODULES) {
      const record = records(entity).find((r) => [r.WhatsApp_Number, r.Mobile, r.Phone].some(samePhone))
      if (record) return c.json({ entity, id: String(record.id) })
    }
    return c.json(demoError('not_found', 'not in Zoho CRM yet'), 404)
  })

  /** `ZOHO.CRM.API.getRecord`. */
  app.post('/zoho/record', async (c) => {
    const parsed = recordBody.safeParse(await c.req.json().catch(() => null))
    if (!parsed.success) return c.json(invalid('Entity and RecordID are required'), 400)
    const record = records(parsed.data.Entity).find((r) => String(r.id) === parsed.data.RecordID)
    if (!record) return c.json(demoError('not_found', 'no such record'), 404)
    return c.json({ data: [record] })
  })

  /** `ZOHO.CRM.CONNECTION.invoke`, as Zoho's servers run it. */
  app.post('/zoho/connection', async (c) => {
    const parsed = invokeBody.safeParse(await c.req.json().catch(() => null))
    const seed = ctx.seed()
    if (!parsed.success || !seed) return c.json(invalid('not a call through the demo connection'), 400)
    const req = parsed.data
    const url = new URL(req.url)
    if (url.origin !== ZOHO_BACKEND_URL)
      return c.json(invalid('the connection does not reach that host'), 400)
    const res = await callBackend(
      ctx,
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
    // Zoho's documented wrapping; the HTTP status is not passed on.
    return c.json({ code: 'SUCCESS', details: { statusMessage }, message: 'Connection invoked successfully' })
  })
  return app
}
