import { createHash } from 'node:crypto'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type CloudApiSimulator, type SimulatorOptions, startCloudApiSimulator } from './index'
import { loadSpec } from './openapi-schema'
import { requestValidator } from './request-validator'
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver'

const SECRET = 'test-app-secret'
const TOKEN = 'EAAtesttoken'
const PN = '106540352242922'
const WABA = '102290129340398'
const OWN = '15550000001'
const NUMBER = { phoneNumberId: PN, displayPhoneNumber: OWN, wabaId: WABA }
const TEMPLATES: SimulatorOptions['templates'] = [
  {
    name: 'order_update',
    language: 'en_US',
    category: 'UTILITY',
    status: 'APPROVED',
    components: [{ type: 'BODY', text: 'Hi {{1}}, order {{2}} has shipped.' }],
  },
  {
    name: 'hello_world',
    language: 'en_US',
    category: 'MARKETING',
    status: 'APPROVED',
    components: [{ type: 'BODY', text: 'Hello' }],
  },
  {
    name: 'promo',
    language: 'de',
    category: 'MARKETING',
    status: 'PAUSED',
    components: [{ type: 'BODY', text: 'Sale' }],
  },
]

/** An official request example with its placeholders filled in. */
function officialExample(name: string, to = '15551230001'): Record<string, unknown> {
  const example = loadSpec().requestExamples[name]
  if (!example) throw new Error(`no official example ${name}`)
  const json = JSON.stringify(example)
    .replace(/\{\{Recipient-(WA-)?Phone-Number\}\}/g, to)
    .replace(/<http\(s\):\/\/([^>]*)>/g, 'https://media.example.test/$1')
    .replace(/http\(s\):\/\//g, 'https://')
    .replace(/"<HEADER_TYPE>"/g, '"text"')
  return JSON.parse(json)
}

let receiver: WebhookReceiver
let sim: CloudApiSimulator | undefined

beforeAll(async () => {
  loadSpec() // parse the spec once, outside any test's time budget
})

afterEach(async () => {
  await sim?.close()
  sim = undefined
  await receiver?.close()
})

async function start(overrides: Partial<SimulatorOptions> = {}): Promise<CloudApiSimulator> {
  receiver = await startWebhookReceiver(SECRET)
  sim = await startCloudApiSimulator({
    appSecret: SECRET,
    webhookUrl: receiver.url,
    numbers: [NUMBER],
    templates: TEMPLATES,
    statusLatencyMs: { min: 1, max: 5 },
    webhookRetryDelayMs: 10,
    seed: 7,
    ...overrides,
  })
  return sim
}

// biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary JSON answers
type Json = Record<string, any>

interface Reply {
  status: number
  headers: Headers
  body: Json
}

async function post(path: string, body: unknown, token: string | null = TOKEN): Promise<Reply> {
  const res = await fetch(`${sim!.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json }
}

const send = (body: unknown, pn = PN) => post(`/v23.0/${pn}/messages`, body)
const text = (to: string, extra: Record<string, unknown> = {}) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to,
  type: 'text',
  text: { body: 'hello' },
  ...extra,
})
const template = (to: string, name: string, language = 'en_US', components?: unknown[]) => ({
  messaging_product: 'whatsapp',
  to,
  type: 'template',
  template: { name, language: { code: language }, ...(components ? { components } : {}) },
})

function expectMetaError(reply: Reply, status: number, code: number) {
  expect(reply.status).toBe(status)
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/)
  expect(reply.body.error).toMatchObject({ code, type: expect.any(String), fbtrace_id: expect.any(String) })
  expect(reply.body.error.message).toMatch(new RegExp(`^\\(#${code}\\) `))
  expect(reply.body.error.error_data).toMatchObject({
    messaging_product: 'whatsapp',
    details: expect.any(String),
  })
}

describe('request schema from the official OpenAPI file', () => {
  // Two of Meta's own examples are wrong: one has no `type` (so it is read as text, which it is not),
  // one sends booleans as button text. Meta would refuse both; so does the simulator.
  const DEFECTIVE: Record<string, string> = {
    'Send Reply to List Message': 'The parameter text is required.',
    'Send Sample Issue Resolution Template':
      "Param template['components'][1]['parameters'][0]['text'] must be of type string.",
  }

  it('Should accept every official send example and refuse only the two defective ones', () => {
    const validator = requestValidator()
    const names = Object.keys(loadSpec().requestExamples)
    expect(names.length).toBeGreaterThanOrEqual(45)
    const failures: Record<string, string> = {}
    for (const name of names) {
      const body = officialExample(name)
      const result = body.status === 'read' ? validator.markRead(body) : validator.message(body)
      if (!result.ok) failures[name] = result.details
    }
    expect(failures).toEqual(DEFECTIVE)
  })
})

describe('Cloud API simulator: sending', () => {
  it('Should accept a text in the service window and deliver sent → delivered → read, signed, echoing biz_opaque_callback_data', async () => {
    await start()
    await sim!.customerWrote(PN, '15551230001', undefined, { text: 'Hello shop' })
    const reply = await send({ ...officialExample('Send Text Message'), biz_opaque_callback_data: 'job-1' })
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toBe('application/json; charset=UTF-8')
    expect(reply.headers.get('x-fb-trace-id')).toBeTruthy()
    expect(reply.body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: '15551230001', wa_id: '15551230001' }],
      messages: [{ id: expect.stringMatching(/^wamid\./) }],
    })
    const id = reply.body.messages[0].id
    await sim!.idle()
    expect(receiver.badSignatures).toBe(0)
    // the inbound message came first
    expect(JSON.stringify(receiver.bodies[0])).toContain('Hello shop')
    const statuses = receiver.statuses().filter((s) => s.id === id)
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read'])
    for (const s of statuses) {
      expect(s).toMatchObject({ recipient_id: '15551230001', biz_opaque_callback_data: 'job-1' })
      expect(s.pricing).toMatchObject({ pricing_model: 'PMP', category: 'service', billable: false })
      expect(s.conversation).toMatchObject({ origin: { type: 'service' } })
    }
    expect(receiver.bodies[1]).toMatchObject({
      object: 'whatsapp_business_account',
      entry: [{ id: WABA, changes: [{ field: 'messages', value: { metadata: { phone_number_id: PN } } }] }],
    })
    expect(sim!.sent).toHaveLength(1)
    expect(sim!.sent[0]).toMatchObject({
      id,
      waId: '15551230001',
      type: 'text',
      bizOpaqueCallbackData: 'job-1',
    })
    expect(sim!.stats()).toMatchObject({ accepted: 1, statusesDelivered: 3 })
  })

  it('Should accept a template outside the window as business-initiated, priced by its category', async () => {
    await start()
    const reply = await send(
      template('15551230002', 'order_update', 'en_US', [
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'Ann' },
            { type: 'text', text: 'A-1' },
          ],
        },
      ]),
    )
    expect(reply.status).toBe(200)
    expect(reply.body.messages[0].message_status).toBe('accepted')
    await sim!.idle()
    const sent = receiver.statuses().find((s) => s.status === 'sent')
    expect(sent?.pricing).toMatchObject({ category: 'utility', billable: true })
    expect(sim!.sent[0]).toMatchObject({ businessInitiated: true, category: 'utility', outcome: 'read' })
  })

  it('Should accept media by uploaded id and by link, and fail an unknown media id with 131053', async () => {
    await start()
    for (const to of ['15551230003', '15551230004', '15551230005']) await sim!.customerWrote(PN, to)
    const form = new FormData()
    form.set('messaging_product', 'whatsapp')
    form.set('type', 'image/png')
    form.set('file', new Blob([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], { type: 'image/png' }), 'a.png')
    const up = await fetch(`${sim!.url}/v23.0/${PN}/media`, { method: 'POST', body: form })
    const { id: mediaId } = (await up.json()) as { id: string }
    expect(
      (await send({ ...officialExample('Send Image Message by ID', '15551230003'), image: { id: mediaId } }))
        .status,
    ).toBe(200)
    expect((await send(officialExample('Send Document Message by URL', '15551230004'))).status).toBe(200)
    expect(
      (await send({ ...officialExample('Send Image Message by ID', '15551230005'), image: { id: '999' } }))
        .status,
    ).toBe(200)
    await sim!.idle()
    const failed = receiver.statuses().filter((s) => s.status === 'failed')
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatchObject({ recipient_id: '15551230005', errors: [{ code: 131053 }] })
  })

  it('Should answer an invalid body with 400 and Meta’s error naming the field', async () => {
    await start()
    const valid = officialExample('Send Text Message')
    const noBody = await send({ ...valid, text: { preview_url: false } })
    expectMetaError(noBody, 400, 100)
    expect(noBody.body.error.message).toBe('(#100) Invalid parameter')
    expect(noBody.body.error.error_data.details).toContain("text['body']")

    const extraKey = await send({ ...valid, text: { body: 'x', bogus: 1 } })
    expectMetaError(extraKey, 400, 100)
    expect(extraKey.body.error.error_data.details).toBe('Unexpected key "bogus" on param "text".')

    const wrongProduct = await send({ ...valid, messaging_product: 'sms' })
    expect(wrongProduct.body.error.error_data.details).toContain('messaging_product')

    const noRecipient = await send({ messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } })
    expect(noRecipient.body.error.error_data.details).toBe('The parameter to is required.')

    const tooLong = await send({ ...valid, text: { body: 'x'.repeat(4097) } })
    expect(tooLong.body.error.error_data.details).toContain('4096')

    const notJson = await send('{oops')
    expectMetaError(notJson, 400, 100)
    expect(sim!.stats().rejected['100']).toBe(6)
    expect(sim!.stats().accepted).toBe(0)
  })

  it('Should answer an unknown phone number id, a bad token and the sender’s own number like Graph', async () => {
    await start({ accessTokens: [TOKEN] })
    const unknown = await send(text('15551230001'), '999')
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' })
    expect(unknown.body.error.message).toContain("Unsupported post request. Object with ID '999'")

    const noToken = await post(`/v23.0/${PN}/messages`, text('15551230001'), null)
    expect(noToken.status).toBe(401)
    expect(noToken.body.error).toMatchObject({ code: 190, type: 'OAuthException' })
    expect((await post(`/v23.0/${PN}/messages`, text('15551230001'), 'wrong')).status).toBe(401)

    expectMetaError(await send(text(`+${OWN}`)), 400, 131021)
  })

  it('Should support a BSUID recipient: contacts carry user_id and statuses recipient_user_id', async () => {
    await start()
    await sim!.customerWrote(PN, 'US.13491208655302741918')
    const reply = await send({
      messaging_product: 'whatsapp',
      recipient: 'US.13491208655302741918',
      type: 'text',
      text: { body: 'hi' },
    })
    expect(reply.body.contacts).toEqual([
      { input: 'US.13491208655302741918', user_id: 'US.13491208655302741918' },
    ])
    await sim!.idle()
    const s = receiver.statuses()[0]
    expect(s.recipient_user_id).toBe('US.13491208655302741918')
    expect(s).not.toHaveProperty('recipient_id')
  })

  it('Should answer mark-as-read with success', async () => {
    await start()
    const reply = await send(officialExample('Send typing indicator and read receipt'))
    expect(reply).toMatchObject({ status: 200, body: { success: true } })
    expect(sim!.stats().markedRead).toBe(1)
  })
})

describe('Cloud API simulator: limits', () => {
  it('Should refuse messages over the number’s mps in a sliding second with 429 / 130429', async () => {
    await start({ numbers: [{ ...NUMBER, mps: 5 }] })
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        send(template(`1555200${String(i).padStart(4, '0')}`, 'hello_world')),
      ),
    )
    const refused = replies.filter((r) => r.status !== 200)
    expect(replies.filter((r) => r.status === 200)).toHaveLength(5)
    expect(refused).toHaveLength(3)
    for (const r of refused) expectMetaError(r, 429, 130429)
    expect(r(refused[0])).toBe('(#130429) Rate limit hit')
    const stats = sim!.stats()
    expect(stats.violations.throughput).toBe(3)
    expect(stats.rejected['130429']).toBe(3)
    expect(Math.max(...stats.perSecond)).toBeLessThanOrEqual(5)
  })

  it('Should refuse a second message to the same recipient within 6 s with 131056, and allow a configured burst', async () => {
    await start()
    await sim!.customerWrote(PN, '15551230001')
    expect((await send(text('15551230001'))).status).toBe(200)
    expectMetaError(await send(text('15551230001')), 400, 131056)
    expect((await send(text('15551230002'))).status).toBe(200) // other recipients are unaffected
    expect(sim!.stats().violations.pair).toBe(1)

    sim!.configure({ pairBurst: 3 })
    sim!.reset()
    const burst = []
    for (let i = 0; i < 4; i++) burst.push((await send(template('15551239999', 'hello_world'))).status)
    expect(burst).toEqual([200, 200, 200, 400])
  })

  it('Should accept a free-form message outside the 24 h window, then fail it with 131047', async () => {
    await start()
    await sim!.customerWrote(PN, '15551230007', new Date(Date.now() - 25 * 3600 * 1000)) // window long closed
    const reply = await send(text('15551230007', { biz_opaque_callback_data: 'late' }))
    expect(reply.status).toBe(200)
    await sim!.idle()
    const statuses = receiver.statuses()
    expect(statuses).toHaveLength(1)
    expect(statuses[0]).toMatchObject({
      id: reply.body.messages[0].id,
      status: 'failed',
      biz_opaque_callback_data: 'late',
      errors: [{ code: 131047, title: 'Re-engagement message', error_data: { details: expect.any(String) } }],
    })
    expect(statuses[0]).not.toHaveProperty('pricing')
    expect(receiver.badSignatures).toBe(0)
    expect(sim!.stats()).toMatchObject({ violations: { window: 1 }, failed: { '131047': 1 } })
  })

  it('Should fail business-initiated sends beyond the tier limit of unique recipients per 24 h', async () => {
    await start({ numbers: [{ ...NUMBER, tierLimit: 2 }] })
    await sim!.customerWrote(PN, '15551230010') // inside the window: not counted
    const to = ['15551230011', '15551230012', '15551230013', '15551230010']
    const replies = []
    for (const r of to) replies.push(await send(template(r, 'hello_world')))
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200])
    await sim!.idle()
    const failed = receiver.statuses().filter((s) => s.status === 'failed')
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatchObject({ recipient_id: '15551230013', errors: [{ code: 131064 }] })
    expect(sim!.stats().violations.tier).toBe(1)
    expect(sim!.sent.map((s) => s.businessInitiated)).toEqual([true, true, true, false])
  })
})

describe('Cloud API simulator: status delivery options and faults', () => {
  it('Should skip delivered, duplicate and retry webhooks when told to', async () => {
    await start({ dropDeliveredRate: 1, duplicateRate: 1 })
    receiver.failNext(2)
    await sim!.customerWrote(PN, '15551230001', undefined, { deliver: false })
    const reply = await send(text('15551230001', { biz_opaque_callback_data: 'dup' }))
    await send(text('15551230002', { biz_opaque_callback_data: 'dup' }))
    await sim!.idle()
    const mine = receiver.statuses().filter((s) => s.id === reply.body.messages[0].id)
    expect(mine.map((s) => s.status).sort()).toEqual(['read', 'read', 'sent', 'sent'])
    expect(sim!.stats().duplicatesByClientId).toBe(1)
    expect(sim!.stats().webhookFailures).toBe(0)
  })

  it('Should answer 5xx with Meta’s 131000 / 131016 and accept nothing', async () => {
    await start({ faults: { http5xxRate: 1 } })
    const reply = await send(template('15551230001', 'hello_world'))
    expect([500, 503]).toContain(reply.status)
    expect([131000, 131016]).toContain(reply.body.error.code)
    expect(sim!.stats()).toMatchObject({ accepted: 0, faults: { http5xx: 1 } })
  })

  it('Should hang and drop the connection when the timeout fault fires', async () => {
    await start({ faults: { timeoutRate: 1, timeoutHangMs: 100 } })
    await expect(send(template('15551230001', 'hello_world'))).rejects.toThrow()
    expect(sim!.stats().faults.timeouts).toBe(1)
  })

  it('Should fail undeliverable recipients with 131026 and apply per-recipient codes sync or async', async () => {
    await start({
      faults: {
        undeliverable: ['+1 555 123 0020'],
        failCodes: { '15551230021': 131030, '15551230022': 131050 },
      },
    })
    expect((await send(template('15551230020', 'hello_world'))).status).toBe(200)
    expectMetaError(await send(template('15551230021', 'hello_world')), 400, 131030)
    expect((await send(template('15551230022', 'hello_world'))).status).toBe(200)
    await sim!.idle()
    const codes = receiver
      .statuses()
      .filter((s) => s.status === 'failed')
      .map((s) => [s.recipient_id, (s.errors as { code: number }[])[0].code])
    expect(codes.sort()).toEqual([
      ['15551230020', 131026],
      ['15551230022', 131050],
    ])
  })
})

describe('Cloud API simulator: phone numbers and permissions', () => {
  const OTHER_TOKEN = 'EAAothertoken'
  const get = async (path: string, token: string | null = TOKEN) => {
    const res = await fetch(`${sim!.url}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })
    return { status: res.status, body: (await res.json()) as Json }
  }

  it('Should answer GET /{phone-number-id} with the default fields, requested ones, and #100 for a field the node lacks', async () => {
    await start({ numbers: [{ ...NUMBER, verifiedName: 'Loja Um', qualityRating: 'YELLOW' }] })
    expect(await get(`/v23.0/${PN}`)).toEqual({
      status: 200,
      body: {
        id: PN,
        display_phone_number: '+1 555-000-0001',
        verified_name: 'Loja Um',
        quality_rating: 'YELLOW',
      },
    })
    const some = await get(`/v23.0/${PN}?fields=display_phone_number,code_verification_status`)
    expect(some.body).toEqual({
      id: PN,
      display_phone_number: '+1 555-000-0001',
      code_verification_status: 'VERIFIED',
    })
    const bad = await get(`/v23.0/${PN}?fields=id,owner_workspace`)
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({ code: 100, type: 'OAuthException' })
    expect(bad.body.error.message).toContain('nonexisting field (owner_workspace)')
  })

  it('Should let a token read only the numbers of its WABAs, answering others exactly as ids that do not exist', async () => {
    const OTHER_WABA = '102290129340999'
    await start({
      accessTokens: [TOKEN, OTHER_TOKEN],
      grants: { [TOKEN]: [WABA], [OTHER_TOKEN]: [OTHER_WABA] },
      numbers: [
        NUMBER,
        { phoneNumberId: '106540352249999', displayPhoneNumber: '5511940000000', wabaId: OTHER_WABA },
      ],
    })
    expect((await get(`/v23.0/${PN}`)).status).toBe(200)
    const foreign = await get(`/v23.0/${PN}`, OTHER_TOKEN)
    const missing = await get('/v23.0/106540352200000', OTHER_TOKEN)
    expect(foreign.status).toBe(400)
    expect(foreign.body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' })
    expect(foreign.body.error.message.replace(PN, 'X')).toBe(
      missing.body.error.message.replace('106540352200000', 'X'),
    )
    expect((await get(`/v23.0/${WABA}/phone_numbers`, OTHER_TOKEN)).body.error).toMatchObject({
      code: 100,
      error_subcode: 33,
    })
    // Sending from a number the token cannot reach is refused the same way.
    const sent = await post(`/v23.0/${PN}/messages`, text('15551230001'), OTHER_TOKEN)
    expect(sent.body.error).toMatchObject({ code: 100, error_subcode: 33 })
    expect((await get(`/v23.0/${PN}`, 'EAAunknowntoken')).body.error).toMatchObject({ code: 190 })
    expect((await get(`/v23.0/${PN}`, null)).status).toBe(401)
    // Grants added while running.
    sim!.grant(OTHER_TOKEN, WABA)
    expect((await get(`/v23.0/${PN}`, OTHER_TOKEN)).status).toBe(200)
  })

  it('Should list a WABA’s numbers with Meta’s paging', async () => {
    const numbers = Array.from({ length: 3 }, (_, i) => ({
      phoneNumberId: `10654035224290${i}`,
      displayPhoneNumber: `155500000${10 + i}`,
      wabaId: WABA,
    }))
    await start({ numbers })
    const first = await get(`/v23.0/${WABA}/phone_numbers?fields=id,verified_name&limit=2`)
    expect(first.body.data).toEqual([
      { id: numbers[0]!.phoneNumberId, verified_name: 'Test Business' },
      { id: numbers[1]!.phoneNumberId, verified_name: 'Test Business' },
    ])
    const next = await fetch(first.body.paging.next, { headers: { authorization: `Bearer ${TOKEN}` } })
    const second = (await next.json()) as Json
    expect(second.data.map((n: { id: string }) => n.id)).toEqual([numbers[2]!.phoneNumberId])
    expect(second.paging.next).toBeUndefined()
    expect((await get(`/v23.0/${WABA}/phone_numbers?limit=500`)).body.error).toMatchObject({ code: 100 })
  })
})

describe('Cloud API simulator: templates', () => {
  it('Should list templates with Meta’s paging shape', async () => {
    await start({ accessTokens: [TOKEN] })
    const get = (q: string) =>
      fetch(`${sim!.url}/v23.0/${WABA}/message_templates${q}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      }).then((r) => r.json() as Promise<Json>)
    const first = await get('?limit=2')
    expect(first.data.map((t: { name: string }) => t.name)).toEqual(['order_update', 'hello_world'])
    expect(first.data[0]).toMatchObject({
      language: 'en_US',
      category: 'UTILITY',
      status: 'APPROVED',
      id: expect.any(String),
    })
    expect(first.paging.cursors).toMatchObject({ before: expect.any(String), after: expect.any(String) })
    expect(first.paging.next).toContain('after=')
    const second = await get(`?limit=2&after=${first.paging.cursors.after}`)
    expect(second.data.map((t: { name: string }) => t.name)).toEqual(['promo'])
    expect(second.paging.next).toBeUndefined()
    expect((await get('?name=hello')).data).toHaveLength(1)
  })

  it('Should refuse unknown templates (132001), wrong parameter counts (132000) and paused ones (132015)', async () => {
    await start()
    const missing = await send(template('15551230001', 'nope'))
    expectMetaError(missing, 400, 132001)
    expect(missing.body.error.message).toBe('(#132001) Template name does not exist in the translation')
    expectMetaError(await send(template('15551230001', 'order_update', 'de')), 400, 132001)
    const params = await send(
      template('15551230001', 'order_update', 'en_US', [
        { type: 'body', parameters: [{ type: 'text', text: 'Ann' }] },
      ]),
    )
    expectMetaError(params, 400, 132000)
    expect(params.body.error.error_data.details).toContain(
      '(1) does not match the expected number of params (2)',
    )
    expectMetaError(await send(template('15551230001', 'promo', 'de')), 400, 132015)
  })
})

describe('Cloud API simulator: media', () => {
  const upload = (bytes: Uint8Array, type: string, token = TOKEN) => {
    const form = new FormData()
    form.set('messaging_product', 'whatsapp')
    form.set('type', type)
    form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), 'file')
    return fetch(`${sim!.url}/v23.0/${PN}/media`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    })
  }

  it('Should upload, retrieve and download media with the bearer token', async () => {
    await start({ accessTokens: [TOKEN] })
    const bytes = new TextEncoder().encode('%PDF-1.4 quote')
    const up = await upload(bytes, 'application/pdf')
    expect(up.status).toBe(200)
    const { id } = (await up.json()) as { id: string }
    expect(id).toMatch(/^\d{16}$/)
    const auth = { authorization: `Bearer ${TOKEN}` }
    const meta = (await (
      await fetch(`${sim!.url}/v23.0/${id}?phone_number_id=${PN}`, { headers: auth })
    ).json()) as Json
    expect(meta).toEqual({
      messaging_product: 'whatsapp',
      url: expect.stringContaining('/whatsapp_business/attachments/?mid='),
      mime_type: 'application/pdf',
      sha256: createHash('sha256').update(bytes).digest('base64'),
      file_size: bytes.byteLength,
      id,
    })
    expect((await fetch(meta.url)).status).toBe(401)
    const download = await fetch(meta.url, { headers: auth })
    expect(download.headers.get('content-type')).toBe('application/pdf')
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes)
    expect((await fetch(meta.url.replace(/hash=[^&]+/, 'hash=forged'), { headers: auth })).status).toBe(404)
  })

  it('Should refuse disallowed MIME types and oversized files with 131053', async () => {
    await start()
    const gif = await upload(new Uint8Array([71, 73, 70]), 'image/gif')
    expect(gif.status).toBe(400)
    expect(((await gif.json()) as Json).error).toMatchObject({
      code: 131053,
      message: '(#131053) Media upload error',
    })
    const big = await upload(new Uint8Array(5 * 1024 * 1024 + 1), 'image/jpeg')
    expect(((await big.json()) as Json).error.code).toBe(131053)
    expect((await upload(new Uint8Array(5 * 1024 * 1024), 'image/jpeg')).status).toBe(200)
  })
})

describe('Cloud API simulator: bookkeeping', () => {
  it('Should count accepted messages per wall-clock second and clear everything on reset', async () => {
    await start()
    for (let i = 0; i < 3; i++) await send(template(`1555300000${i}`, 'hello_world'))
    const stats = sim!.stats()
    expect(stats.perSecond.reduce((a, b) => a + b, 0)).toBe(3)
    expect(stats.perSecondByNumber[PN].reduce((a, b) => a + b, 0)).toBe(3)
    const sent = sim!.sent
    sim!.reset()
    expect(sent).toHaveLength(0)
    expect(sim!.stats()).toMatchObject({ accepted: 0, perSecond: [] })
  })
})

const r = (reply: Reply): string => reply.body.error.message
