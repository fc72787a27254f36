import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customerWrites } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

describe.each(ENGINES)('intent and sentiment on ingest on %s', (engine) => {
  let rt: TestRuntime
  const thread = async (phone: string) =>
    (await rt.api(`/api/v1/thread?phone=${encodeURIComponent(phone)}`)).json()

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
  })
  afterAll(async () => rt?.close())

  it('classifies each customer message and keeps the contact intent with the words behind it', async () => {
    const who = { waId: '5511960000001', name: 'Bia' }
    await customerWrites(
      rt,
      NUMBER_A,
      who,
      'Oi, cadê meu pedido? Já faz 10 dias que comprei',
      new Date(Date.now() - 60_000),
    )
    await customerWrites(rt, NUMBER_A, who, 'ok')
    const view = await thread('+5511960000001')
    expect(view.messages[0]).toMatchObject({ intent: { value: 'order_status' }, language: 'pt' })
    expect(view.messages[0].intent.confidence).toBeGreaterThan(0.5)
    // "ok" says nothing specific: the contact's intent stays what the order question showed.
    expect(view.contact.intent).toMatchObject({ value: 'order_status' })
    expect(view.contact.intent.reason).toContain('cadê meu pedido')
  })

  it('averages sentiment over the person’s messages, newest weighted most, in four languages', async () => {
    await customerWrites(
      rt,
      NUMBER_A,
      { waId: '5491160000002', name: 'Sol' },
      'Pésimo servicio, no me gusta nada 😡',
    )
    const angry = await thread('+5491160000002')
    expect(angry.messages[0].sentiment).toBeLessThan(0.4)
    expect(angry.contact.sentiment).toMatchObject({ label: 'negative' })
    await customerWrites(rt, NUMBER_A, { waId: '5491160000002' }, '¡Muchas gracias, excelente atención! 😍')
    const after = await thread('+5491160000002')
    expect(after.contact.sentiment.score).toBeGreaterThan(angry.contact.sentiment.score)
    expect(after.contact.sentiment.reason).toMatch(/over 2 messages/)

    await customerWrites(rt, NUMBER_A, { waId: '8613900000003', name: '王' }, '我想买这个，怎么下单？')
    const zh = await thread('+8613900000003')
    expect(zh.messages[0]).toMatchObject({ language: 'zh', intent: { value: 'purchase_intent' } })
    await customerWrites(rt, NUMBER_A, { waId: '15550000004', name: 'Ann' }, 'Where is your store located?')
    expect((await thread('+15550000004')).contact.intent.value).toBe('store_location')
  })

  it('maps product mentions to catalogue codes on the message and the contact interests', async () => {
    const put = await rt.api('/api/v1/catalog/APL-IP15PM', {
      method: 'PUT',
      json: { name: 'iPhone 15 Pro Max', aliases: ['iphone15promax', '苹果15 pro max'] },
    })
    expect(put.status).toBe(200)
    await rt.api('/api/v1/catalog/APL-IP15', { method: 'PUT', json: { name: 'iPhone 15' } })
    const who = { waId: '5511960000005', name: 'Caio' }
    await customerWrites(
      rt,
      NUMBER_A,
      who,
      'Quanto custa o iPhone15 Pro Max?',
      new Date(Date.now() - 120_000),
    )
    await customerWrites(rt, NUMBER_A, who, 'e o iphone 15 pro max de 512?', new Date(Date.now() - 60_000))
    await customerWrites(rt, NUMBER_A, who, 'ou o iPhone 15 mesmo')
    const view = await thread('+5511960000005')
    expect(view.messages.map((m: { products: string[] | null }) => m.products)).toEqual([
      ['APL-IP15PM'],
      ['APL-IP15PM'],
      ['APL-IP15'],
    ])
    expect(view.contact.interests).toEqual([
      expect.objectContaining({ sku: 'APL-IP15PM', name: 'iPhone 15 Pro Max', mentions: 2 }),
      expect.objectContaining({ sku: 'APL-IP15', name: 'iPhone 15', mentions: 1 }),
    ])
  })
})
