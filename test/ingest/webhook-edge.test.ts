import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { webhookEvents } from '../../backend/src/db/schema'
import { singleText } from '../simulators/whatsapp/envelopes'
import { metaDelivery, signBody } from '../simulators/whatsapp/webhook-sender'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, startTestRuntime, type TestRuntime } from '../support/test-runtime'

describe.each(ENGINES)('WhatsApp webhook edge on %s', (engine) => {
  let rt: TestRuntime
  const secret = () => rt.config.WHATSAPP_APP_SECRET as string
  const storedCount = async () => (await rt.db.db.select().from(webhookEvents)).length
  const post = (body: string | Uint8Array, headers: Record<string, string>) =>
    rt.request('/webhooks/whatsapp', { method: 'POST', body, headers })

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
  })
  afterAll(async () => rt?.close())

  it('answers the verification handshake with the challenge, and 403 on a wrong token', async () => {
    const ok = await rt.request(
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444',
    )
    expect(ok.status).toBe(200)
    expect(await ok.text()).toBe('1158201444')
    const bad = await rt.request(
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1',
    )
    expect(bad.status).toBe(403)
    expect((await bad.json()).error.code).toBe('forbidden')
  })

  it('stores the exact bytes Meta sent, escapes included, before answering 200', async () => {
    const payload = singleText(NUMBER_A, { waId: '5511988887777', name: 'José' }, 'Olá / 你好 🙂')
    const delivery = metaDelivery(payload, secret())
    expect(delivery.body).toContain('\\/')
    expect(delivery.body).toContain('\\u4f60')
    const res = await post(delivery.body, delivery.headers)
    expect(res.status).toBe(200)
    const rows = await queryRows<{ raw_body: string; routing_keys: string[]; state: string }>(
      rt.db.db,
      sql`select raw_body, routing_keys, state from webhook_events order by id desc limit 1`,
    )
    expect(rows[0]?.raw_body).toBe(delivery.body)
    expect(rows[0]?.routing_keys).toEqual([NUMBER_A.phoneNumberId])
    expect(rows[0]?.state).toBe('pending')
  })

  it('refuses a tampered byte, a wrong secret or a missing signature with 401 and stores nothing', async () => {
    const delivery = metaDelivery(singleText(NUMBER_A, { waId: '5511988887777' }, 'hello'), secret())
    const before = await storedCount()
    const bytes = Buffer.from(delivery.body)
    bytes[bytes.indexOf('hello')] = 'j'.charCodeAt(0)
    const tampered = await post(bytes, delivery.headers)
    expect(tampered.status).toBe(401)
    expect((await tampered.json()).error.code).toBe('invalid_signature')
    const wrongSecret = await post(delivery.body, {
      ...delivery.headers,
      'x-hub-signature-256': signBody(delivery.body, 'other-secret'),
    })
    expect(wrongSecret.status).toBe(401)
    const missing = await post(delivery.body, { 'content-type': 'application/json' })
    expect(missing.status).toBe(401)
    // Meta escapes "/" and non-ASCII: a receiver that re-serialises the JSON cannot verify it.
    const escaped = metaDelivery(singleText(NUMBER_A, { waId: '5511988887777' }, 'a/b ç'), secret())
    const reserialised = JSON.stringify(JSON.parse(escaped.body))
    expect(reserialised).not.toBe(escaped.body)
    expect((await post(reserialised, escaped.headers)).status).toBe(401)
    expect(await storedCount()).toBe(before)
  })

  it('answers 413 above 3 MB and stores nothing', async () => {
    const before = await storedCount()
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [],
      pad: 'x'.repeat(3 * 1024 * 1024),
    })
    const res = await post(body, {
      'content-type': 'application/json',
      'x-hub-signature-256': signBody(body, secret()),
    })
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('payload_too_large')
    expect(await storedCount()).toBe(before)
  })

  it('answers 400 with a reason for signed bodies that are not JSON or not a WhatsApp envelope', async () => {
    const before = await storedCount()
    const cases: [string, string, RegExp][] = [
      ['{not json', 'invalid_json', /not UTF-8 JSON/],
      [JSON.stringify({ object: 'page', entry: [{ id: '1', changes: [] }] }), 'invalid_envelope', /object/],
      [JSON.stringify({ object: 'whatsapp_business_account', entry: [] }), 'invalid_envelope', /entry/],
      [
        JSON.stringify({
          object: 'whatsapp_business_account',
          entry: [{ id: '1', changes: [{ value: {} }] }],
        }),
        'invalid_envelope',
        /field/,
      ],
    ]
    for (const [body, code, reason] of cases) {
      const res = await post(body, {
        'content-type': 'application/json',
        'x-hub-signature-256': signBody(body, secret()),
      })
      expect(res.status, body).toBe(400)
      const json = await res.json()
      expect(json.error.code).toBe(code)
      expect(json.error.message).toMatch(reason)
    }
    const notUtf8 = Buffer.from([0x7b, 0xff, 0xfe, 0x7d])
    const res = await post(notUtf8, { 'x-hub-signature-256': signBody(notUtf8, secret()) })
    expect(res.status).toBe(400)
    expect(await storedCount()).toBe(before)
  })

  it('answers 5xx when the delivery cannot be stored, so Meta redelivers, and recovers after', async () => {
    const delivery = metaDelivery(singleText(NUMBER_A, { waId: '5511988887777' }, 'during outage'), secret())
    await rt.db.db.execute(sql`alter table webhook_events rename to webhook_events_away`)
    try {
      const res = await post(delivery.body, delivery.headers)
      expect(res.status).toBe(503)
      expect((await res.json()).error.code).toBe('unavailable')
    } finally {
      await rt.db.db.execute(sql`alter table webhook_events_away rename to webhook_events`)
    }
    const retry = await post(delivery.body, delivery.headers)
    expect(retry.status).toBe(200)
    const rows = await queryRows<{ n: number }>(
      rt.db.db,
      sql`select count(*)::int as n from webhook_events where raw_body = ${delivery.body}`,
    )
    expect(rows[0]?.n).toBe(1)
  })
})

describe('WhatsApp webhook without a configured secret', () => {
  it('refuses deliveries with 503 not_configured instead of accepting unsigned data', async () => {
    const rt = await startTestRuntime('pglite', { WHATSAPP_APP_SECRET: '' })
    try {
      const delivery = metaDelivery(singleText(NUMBER_A, { waId: '5511988887777' }, 'x'), 'whatever-secret')
      const res = await rt.request('/webhooks/whatsapp', {
        method: 'POST',
        body: delivery.body,
        headers: delivery.headers,
      })
      expect(res.status).toBe(503)
      expect((await res.json()).error.code).toBe('not_configured')
    } finally {
      await rt.close()
    }
  })
})

describe('WhatsApp webhook over a real HTTP server', () => {
  it('reads the body from the socket: stores a signed delivery, refuses a tampered one and answers 413 above 3 MB', async () => {
    const { serve } = await import('@hono/node-server')
    const rt = await startTestRuntime('pglite')
    const server = serve({ fetch: rt.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((resolve) => server.once('listening', resolve))
    const { port } = server.address() as { port: number }
    const url = `http://127.0.0.1:${port}/webhooks/whatsapp`
    const secret = rt.config.WHATSAPP_APP_SECRET as string
    try {
      const delivery = metaDelivery(singleText(NUMBER_A, { waId: '5511988887777' }, 'por HTTP / ç'), secret)
      const ok = await fetch(url, { method: 'POST', body: delivery.body, headers: delivery.headers })
      expect(ok.status).toBe(200)
      const stored = await queryRows<{ raw_body: string }>(rt.db.db, sql`select raw_body from webhook_events`)
      expect(stored.map((r) => r.raw_body)).toEqual([delivery.body])

      const bad = await fetch(url, { method: 'POST', body: `${delivery.body} `, headers: delivery.headers })
      expect(bad.status).toBe(401)

      const big = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [],
        pad: 'x'.repeat(3 * 1024 * 1024),
      })
      const declared = await fetch(url, {
        method: 'POST',
        body: big,
        headers: { 'x-hub-signature-256': signBody(big, secret) },
      })
      expect(declared.status).toBe(413)
      // Chunked, so the size is only known while reading: the limit must hold there too.
      const stream = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024 * 1024)))
          controller.close()
        },
      })
      const chunked = await fetch(url, {
        method: 'POST',
        body: stream,
        headers: { 'x-hub-signature-256': 'sha256=00' },
        duplex: 'half',
      } as RequestInit)
      expect(chunked.status).toBe(413)
      expect(((await chunked.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
      expect((await queryRows(rt.db.db, sql`select id from webhook_events`)).length).toBe(1)
    } finally {
      await new Promise((resolve) => server.close(resolve))
      await rt.close()
    }
  })
})
