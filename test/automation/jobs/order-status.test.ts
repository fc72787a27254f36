import { createHmac } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../../support/test-runtime'
import {
  freshCustomer,
  jobRow,
  MAX_ATTEMPTS,
  putQuickReply,
  queueJob,
  runJobs,
  sendsOf,
} from './jobs-fixture'

const SECRET = 'order-service-shared-secret'

/** The customer's own order system: answers per phone number as the test sets it up. */
interface OrderService {
  url: string
  answers: Map<string, { status?: number; body: unknown; delayMs?: number }>
  requests: { headers: IncomingMessage['headers']; body: string }[]
  close(): Promise<void>
}

async function startOrderService(): Promise<OrderService> {
  const answers: OrderService['answers'] = new Map()
  const requests: OrderService['requests'] = []
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    requests.push({ headers: req.headers, body })
    const phone = (JSON.parse(body) as { contact: { phone: string } }).contact.phone
    const answer = answers.get(phone) ?? { body: { order: null } }
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs))
    if (res.destroyed) return
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' })
    res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/orders/latest`,
    answers,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

describe.each(ENGINES)('order status replies on %s', (engine) => {
  let rt: TestRuntime
  let orders: OrderService
  const orderAction = {
    type: 'reply_order_status',
    quick_reply: 'pedido_status',
    not_found_quick_reply: 'order_none',
  } as const
  const setLookup = (json: unknown) => rt.api('/api/v1/settings/order-lookup', { method: 'PUT', json })

  beforeAll(async () => {
    orders = await startOrderService()
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    await putQuickReply(
      rt,
      'pedido_status',
      'Pedido {{order_id}}: {{order_status}}. Previsão: {{order_eta}}. Rastreio: {{tracking_url}}',
      { order_eta: 'em breve', tracking_url: 'https://loja.example/pedidos' },
    )
    await putQuickReply(rt, 'order_none', 'Não encontramos pedidos para este número, {{first_name}}.')
  })
  afterAll(async () => {
    await rt?.close()
    await orders?.close()
  })

  it('manages the endpoint: http(s) only, the secret stored sealed and never shown', async () => {
    for (const url of [
      'ftp://orders.example/latest',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      const res = await setLookup({ url })
      expect(res.status, url).toBe(400)
    }
    expect((await setLookup({ url: orders.url, secret: 'short' })).status).toBe(400)
    const saved = await setLookup({ url: orders.url, secret: SECRET, timeout_ms: 500 })
    expect(saved.status).toBe(200)
    expect(await saved.json()).toEqual({
      configured: true,
      url: orders.url,
      timeout_ms: 500,
      secret_set: true,
    })
    // Omitting the secret keeps it.
    expect(await (await setLookup({ url: orders.url, timeout_ms: 500 })).json()).toMatchObject({
      secret_set: true,
    })
    expect(await (await rt.api('/api/v1/settings/order-lookup')).json()).toEqual({
      configured: true,
      url: orders.url,
      timeout_ms: 500,
      secret_set: true,
    })
    const [stored] = await queryRows<{ settings: string }>(
      rt.db.db,
      sql`select settings::text as settings from workspaces`,
    )
    expect(stored?.settings).not.toContain(SECRET)
  })

  it('answers from the CRM fields without asking the order service', async () => {
    const c = await freshCustomer(rt)
    await rt.db.db.execute(
      sql`update contacts set attributes = ${JSON.stringify({
        last_order_id: 'PO-7781',
        last_order_status: 'enviado',
        last_order_eta: '12/06',
        last_order_tracking_url: 'https://track.example/PO-7781',
      })}::jsonb where id = ${c.id}`,
    )
    const before = orders.requests.length
    const id = await queueJob(rt, c.id, orderAction)
    expect(await runJobs(rt)).toMatchObject({ done: 1 })
    expect(await jobRow(rt, id)).toMatchObject({
      state: 'done',
      outcome: null,
      result: { source: 'crm_fields', order: { id: 'PO-7781', status: 'enviado' } },
    })
    expect(await sendsOf(rt, id)).toMatchObject([
      {
        kind: 'automation',
        text: 'Pedido PO-7781: enviado. Previsão: 12/06. Rastreio: https://track.example/PO-7781',
      },
    ])
    expect(orders.requests.length).toBe(before)
  })

  it('asks the order service with a signed request and answers with what it found', async () => {
    const c = await freshCustomer(rt)
    orders.answers.set(c.phone, { body: { order: { id: 4521, status: 'in transit', eta: null } } })
    const id = await queueJob(rt, c.id, orderAction)
    expect(await runJobs(rt)).toMatchObject({ done: 1 })
    expect(await jobRow(rt, id)).toMatchObject({
      state: 'done',
      result: { source: 'order_service', order: { id: '4521', status: 'in transit', eta: null } },
    })
    // Unknown ETA and link: the reply's defaults fill them.
    expect(await sendsOf(rt, id)).toMatchObject([
      { text: 'Pedido 4521: in transit. Previsão: em breve. Rastreio: https://loja.example/pedidos' },
    ])

    const request = orders.requests.at(-1)
    expect(JSON.parse(request?.body ?? '{}')).toEqual({
      contact: { id: c.id, phone: c.phone, email: null, attributes: {} },
    })
    const timestamp = String(request?.headers['x-scrm-timestamp'])
    const expected = createHmac('sha256', SECRET).update(`${timestamp}.${request?.body}`).digest('hex')
    expect(request?.headers['x-scrm-signature']).toBe(`sha256=${expected}`)
  })

  it('sends the not-found reply, or nothing when the rule has none', async () => {
    const c = await freshCustomer(rt, 'Diego Alves')
    const withReply = await queueJob(rt, c.id, orderAction)
    const without = await queueJob(rt, c.id, { type: 'reply_order_status', quick_reply: 'pedido_status' })
    expect(await runJobs(rt)).toMatchObject({ done: 2 })
    expect(await jobRow(rt, withReply)).toMatchObject({
      state: 'done',
      outcome: 'order_not_found',
      result: { source: 'order_service', order: null },
    })
    expect(await sendsOf(rt, withReply)).toMatchObject([
      { text: 'Não encontramos pedidos para este número, Diego.' },
    ])
    expect(await jobRow(rt, without)).toMatchObject({ state: 'done', outcome: 'order_not_found' })
    expect(await sendsOf(rt, without)).toEqual([])
  })

  it('retries a timeout with growing waits, then fails', async () => {
    const c = await freshCustomer(rt)
    orders.answers.set(c.phone, { body: { order: null }, delayMs: 1_000 })
    const id = await queueJob(rt, c.id, orderAction)
    let now = Date.now()
    let lastWait = 0
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await runJobs(rt, new Date(now))).toMatchObject({ claimed: 1, retry: 1 })
      const job = await jobRow(rt, id)
      expect(job).toMatchObject({ state: 'queued', attempts: attempt, outcome: 'order_lookup_timeout' })
      const wait = new Date(job.run_after).getTime() - now
      expect(wait).toBeGreaterThan(lastWait)
      // Not due before its time.
      expect((await runJobs(rt, new Date(now + wait - 10))).claimed).toBe(0)
      lastWait = wait
      now += wait
    }
    expect(await runJobs(rt, new Date(now))).toMatchObject({ claimed: 1, failed: 1 })
    expect(await jobRow(rt, id)).toMatchObject({
      state: 'failed',
      attempts: MAX_ATTEMPTS,
      outcome: 'order_lookup_timeout',
      result: { error: expect.stringContaining('500 ms') },
    })
    expect(await sendsOf(rt, id)).toEqual([])
  })

  it('fails at once on an answer that breaks the contract or a client error', async () => {
    const bad = await freshCustomer(rt)
    const rejected = await freshCustomer(rt)
    orders.answers.set(bad.phone, { body: { order: { id: 'A1', tracking_url: 'javascript:alert(1)' } } })
    orders.answers.set(rejected.phone, { status: 401, body: { error: 'bad signature' } })
    const badJob = await queueJob(rt, bad.id, orderAction)
    const rejectedJob = await queueJob(rt, rejected.id, orderAction)
    expect(await runJobs(rt)).toMatchObject({ failed: 2 })
    expect(await jobRow(rt, badJob)).toMatchObject({
      state: 'failed',
      attempts: 1,
      outcome: 'order_lookup_invalid_answer',
    })
    expect(await jobRow(rt, rejectedJob)).toMatchObject({
      state: 'failed',
      attempts: 1,
      outcome: 'order_lookup_http_error',
      result: { error: expect.stringContaining('401') },
    })
  })

  it('without an endpoint, a contact with no order fields gets the not-found reply', async () => {
    expect((await rt.api('/api/v1/settings/order-lookup', { method: 'DELETE' })).status).toBe(200)
    expect(await (await rt.api('/api/v1/settings/order-lookup')).json()).toMatchObject({ configured: false })
    const c = await freshCustomer(rt)
    const id = await queueJob(rt, c.id, orderAction)
    expect(await runJobs(rt)).toMatchObject({ done: 1 })
    expect(await jobRow(rt, id)).toMatchObject({ outcome: 'order_not_found', result: { source: 'none' } })
  })
})
