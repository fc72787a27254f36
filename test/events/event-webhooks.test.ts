import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { contactIdOf, customerWrites } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import {
  NUMBER_A,
  NUMBER_B,
  registerChannel,
  startTestRuntime,
  type TestRuntime,
} from '../support/test-runtime'

interface Received {
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A receiver like a customer's endpoint: records each POST and answers the next scripted status. */
async function startReceiver() {
  const received: Received[] = []
  const answers: number[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => {
      body += c
    })
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      res.statusCode = answers.shift() ?? 200
      res.end('ok')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`
  return { url, received, answers, close: () => new Promise((r) => server.close(r)) }
}

const events = (r: Received[]) =>
  r.map((x) => JSON.parse(x.body) as { type: string; data: Record<string, unknown> })

describe.each(ENGINES)('outbound event webhooks (%s)', (engine) => {
  let rt: TestRuntime
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  let seq = 0
  const person = () => ({ waId: `551197000${String(1000 + ++seq)}`, name: `Pessoa ${seq}` })

  beforeAll(async () => {
    rt = await startTestRuntime(engine, { EVENT_WEBHOOK_RETRY_BASE_MS: '1000' })
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    receiver = await startReceiver()
  })
  afterAll(async () => {
    await receiver?.close()
    await rt?.close()
  })
  beforeEach(() => {
    receiver.received.length = 0
    receiver.answers.length = 0
  })

  async function subscribe(types: string[], key?: string, url = receiver.url) {
    const res = await rt.api('/api/v1/event-subscriptions', {
      method: 'POST',
      key,
      json: { url, events: types },
    })
    expect(res.status, await res.clone().text()).toBe(201)
    return (await res.json()) as { subscription: { id: string }; secret: string }
  }
  const deliveriesOf = async (id: string, key?: string) =>
    (await (await rt.api(`/api/v1/event-subscriptions/${id}/deliveries`, { key })).json()).deliveries

  it('delivers a received message and a new contact, signed with the secret shown once', async () => {
    const { subscription, secret } = await subscribe(['message.received', 'contact.created'])
    expect(secret).toMatch(/^whsec_/)
    const listed = await (await rt.api('/api/v1/event-subscriptions')).json()
    expect(JSON.stringify(listed)).not.toContain(secret)
    const p = person()
    await customerWrites(rt, NUMBER_A, p, 'tem <b>desconto</b>?')
    expect((await rt.eventDeliveries.drain()).delivered).toBe(2)
    const got = events(receiver.received)
    expect(got.map((e) => e.type).sort()).toEqual(['contact.created', 'message.received'])
    expect(got.find((e) => e.type === 'message.received')?.data).toMatchObject({
      text: 'tem <b>desconto</b>?',
      contact_id: await contactIdOf(rt, `+${p.waId}`),
    })
    for (const r of receiver.received) {
      const [t, v1] = String(r.headers['x-scrm-signature'])
        .split(',')
        .map((part) => part.split('=')[1])
      expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${r.body}`).digest('hex'))
      expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(60)
      expect(r.headers['x-scrm-event']).toBe(JSON.parse(r.body).type)
    }
    expect((await deliveriesOf(subscription.id)).map((d: { state: string }) => d.state)).toEqual([
      'delivered',
      'delivered',
    ])
    await rt.api(`/api/v1/event-subscriptions/${subscription.id}`, { method: 'DELETE' })
  })

  it('sends only the events asked for: a tag, not the message that came with it', async () => {
    const { subscription } = await subscribe(['contact.tagged'])
    const p = person()
    await customerWrites(rt, NUMBER_A, p, 'oi')
    const id = await contactIdOf(rt, `+${p.waId}`)
    const res = await rt.api(`/api/v1/contacts/${id}/tags`, {
      method: 'POST',
      json: { key: 'vip', label: 'VIP' },
    })
    expect(res.status).toBeLessThan(300)
    await rt.eventDeliveries.drain()
    expect(events(receiver.received)).toEqual([
      expect.objectContaining({
        type: 'contact.tagged',
        data: expect.objectContaining({ contact_id: id, tag: 'vip', label: 'VIP' }),
      }),
    ])
    await rt.api(`/api/v1/event-subscriptions/${subscription.id}`, { method: 'DELETE' })
  })

  it('retries a failing receiver with back-off, gives up after a day, and can be replayed', async () => {
    const { subscription } = await subscribe(['message.received'])
    receiver.answers.push(500, 503)
    await customerWrites(rt, NUMBER_A, person(), 'um')
    const t0 = Date.now()
    expect((await rt.eventDeliveries.drain(new Date(t0))).retried).toBe(1)
    // Not due again before its back-off (1 s ± 20 %), due after it.
    expect((await rt.eventDeliveries.drain(new Date(t0 + 500))).claimed).toBe(0)
    expect((await rt.eventDeliveries.drain(new Date(t0 + 1_300))).retried).toBe(1)
    expect((await rt.eventDeliveries.drain(new Date(t0 + 4_000))).delivered).toBe(1)
    const [first] = await deliveriesOf(subscription.id)
    expect(first).toMatchObject({ state: 'delivered', attempts: 3, last_status: 200, last_error: null })

    receiver.answers.push(...Array(40).fill(500))
    await customerWrites(rt, NUMBER_A, person(), 'dois')
    let at = Date.now()
    for (let i = 0; i < 40; i++) {
      const pass = await rt.eventDeliveries.drain(new Date(at))
      if (pass.failed > 0) break
      at += 3_600_000
    }
    const [failed] = await deliveriesOf(subscription.id)
    expect(failed.state).toBe('failed')
    expect(failed.last_error).toMatch(/answered 500.*gave up after \d+ tries in 24 hours/)
    expect(at - Date.now()).toBeLessThanOrEqual(25 * 3_600_000)

    const replayed = await rt.api(`/api/v1/event-deliveries/${failed.id}/replay`, { method: 'POST' })
    expect(replayed.status).toBe(200)
    receiver.answers.length = 0
    expect((await rt.eventDeliveries.drain()).delivered).toBe(1)
    expect((await deliveriesOf(subscription.id))[0]).toMatchObject({
      id: failed.id,
      state: 'delivered',
      attempts: 1,
    })
    await rt.api(`/api/v1/event-subscriptions/${subscription.id}`, { method: 'DELETE' })
  })

  it('turns a subscription off when its receiver answers 410 Gone', async () => {
    const { subscription } = await subscribe(['message.received'])
    receiver.answers.push(410)
    await customerWrites(rt, NUMBER_A, person(), 'tchau')
    await rt.eventDeliveries.drain()
    const [sub] = (await (await rt.api('/api/v1/event-subscriptions')).json()).subscriptions
    expect(sub).toMatchObject({
      id: subscription.id,
      active: false,
      disabled_reason: 'the receiver answered 410 Gone',
    })
    await customerWrites(rt, NUMBER_A, person(), 'de novo')
    expect((await rt.eventDeliveries.drain()).claimed).toBe(0)
    expect(receiver.received).toHaveLength(1)
  })

  it("keeps each workspace's subscriptions, events and logs to itself", async () => {
    const created = await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Outra loja' } })
    const { api_key: keyB } = await created.json()
    expect((await registerChannel(rt, NUMBER_B, 'BR', keyB)).status).toBe(201)
    const a = await subscribe(['message.received'])
    const b = await subscribe(['message.received'], keyB)
    await customerWrites(rt, NUMBER_A, person(), 'só da loja A')
    await rt.eventDeliveries.drain()
    expect(await deliveriesOf(b.subscription.id, keyB)).toEqual([])
    const [delivery] = await deliveriesOf(a.subscription.id)
    for (const [method, path] of [
      ['GET', `/api/v1/event-subscriptions/${a.subscription.id}/deliveries`],
      ['DELETE', `/api/v1/event-subscriptions/${a.subscription.id}`],
      ['POST', `/api/v1/event-deliveries/${delivery.id}/replay`],
    ] as const) {
      const res = await rt.api(path, { method, key: keyB })
      expect(res.status, `${method} ${path}`).toBe(404)
    }
    const listedB = await (await rt.api('/api/v1/event-subscriptions', { key: keyB })).json()
    expect(listedB.subscriptions.map((s: { id: string }) => s.id)).toEqual([b.subscription.id])
    await rt.api(`/api/v1/event-subscriptions/${a.subscription.id}`, { method: 'DELETE' })
  })

  it('refuses unknown events and, where private targets are denied, local and private addresses', async () => {
    const bad = await rt.api('/api/v1/event-subscriptions', {
      method: 'POST',
      json: { url: receiver.url, events: ['message.sent_to_moon'] },
    })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.code).toBe('validation_failed')
    const strict = await startTestRuntime('pglite', { EVENT_WEBHOOK_PRIVATE_TARGETS: 'deny' })
    try {
      for (const url of [
        receiver.url,
        'https://127.0.0.1/x',
        'https://10.1.2.3/x',
        'https://[::1]/x',
        'https://169.254.169.254/latest',
      ]) {
        const res = await strict.api('/api/v1/event-subscriptions', {
          method: 'POST',
          json: { url, events: ['message.received'] },
        })
        expect(res.status, url).toBe(400)
        expect((await res.json()).error.message).toMatch(
          /^url (must be an https URL|resolves to a \w+ address)/,
        )
      }
    } finally {
      await strict.close()
    }
  })
})
