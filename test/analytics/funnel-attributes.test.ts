import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paymentMethodOf } from '../../backend/src/intelligence/payment-methods'
import { change, contactOf, envelope, inbound, type Sender, text } from '../simulators/whatsapp/envelopes'
import { deliverPayload } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

describe('payment method a customer mentions', () => {
  it('reads the four languages, cash on delivery first, and not codes or store credit', () => {
    expect(paymentMethodOf('Posso pagar na entrega com cartão?')).toBe('cash_on_delivery')
    expect(paymentMethodOf('¿Puedo pagar contra entrega?')).toBe('cash_on_delivery')
    expect(paymentMethodOf('Can I pay cash on delivery?')).toBe('cash_on_delivery')
    expect(paymentMethodOf('可以货到付款吗')).toBe('cash_on_delivery')
    expect(paymentMethodOf('Dá pra parcelar no cartão de crédito?')).toBe('card')
    expect(paymentMethodOf('Aceptan tarjeta?')).toBe('card')
    expect(paymentMethodOf('可以刷卡吗')).toBe('card')
    expect(paymentMethodOf('Tem PIX?')).toBe('pix')
    expect(paymentMethodOf('Manda o boleto')).toBe('boleto')
    expect(paymentMethodOf('Posso pagar com Mercado Pago?')).toBe('wallet')
    expect(paymentMethodOf('支付宝可以吗')).toBe('wallet')
    expect(paymentMethodOf('Faço transferência bancária')).toBe('bank_transfer')
    for (const none of [
      'Cód. do produto 123',
      'Tenho crédito na loja',
      'Quero o tênis azul',
      'Ted said hi',
      '',
      null,
    ])
      expect(paymentMethodOf(none), String(none)).toBeNull()
  })
})

const AD = '120226305854810726'

describe.each(ENGINES)('funnel by payment method and campaign (%s)', (engine) => {
  let rt: TestRuntime
  let key: string
  let seq = 0
  const customer = (): Sender => {
    seq += 1
    return { waId: `5511975${String(300000 + seq)}`, name: `Cliente ${seq}` }
  }
  const deliver = (sender: Sender, message: Record<string, unknown>) =>
    deliverPayload(
      rt,
      envelope([
        {
          wabaId: NUMBER_A.wabaId,
          changes: [change(NUMBER_A, { contacts: [contactOf(sender)], messages: [message] })],
        },
      ]),
    )
  const say = (sender: Sender, body: string, at: string, referral?: Record<string, unknown>) =>
    deliver(sender, { ...text(sender, body, new Date(at)), ...(referral ? { referral } : {}) })
  const order = (sender: Sender, at: string) =>
    deliver(
      sender,
      inbound(
        sender,
        'order',
        {
          order: {
            catalog_id: '1',
            product_items: [{ product_retailer_id: 'TN-1', quantity: 1, item_price: 100, currency: 'BRL' }],
          },
        },
        new Date(at),
      ),
    )
  const fromAd = {
    source_url: 'https://fb.me/3cr4Wqqkv',
    source_id: AD,
    source_type: 'ad',
    headline: 'Chat with us',
  }
  const funnel = async (group: string) => {
    const res = await rt.api(`/api/v1/reports/funnel?from=2026-11-01&to=2026-11-30&group_by=${group}`, {
      key,
    })
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(200)
    return Object.fromEntries(body.rows.map((r: { group: string }) => [r.group, r]))
  }

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    const a = await (await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja A' } })).json()
    key = a.api_key
    expect((await registerChannel(rt, NUMBER_A, 'BR', key)).status).toBe(201)
    // Four ask to pay on delivery (one orders), two by card (both order), one says nothing of paying.
    for (let i = 0; i < 4; i++) {
      const c = customer()
      await say(c, 'Oi! Posso pagar na entrega?', `2026-11-0${2 + i}T14:00:00Z`, i < 2 ? fromAd : undefined)
      if (i === 0) await order(c, `2026-11-0${2 + i}T15:00:00Z`)
    }
    for (let i = 0; i < 2; i++) {
      const c = customer()
      await say(c, 'Aceita cartão de crédito?', `2026-11-1${i}T14:00:00Z`)
      // Said later, after card: the first mention is what groups the contact.
      await say(c, 'E se eu pagar na entrega?', `2026-11-1${i}T14:05:00Z`)
      await order(c, `2026-11-1${i}T15:00:00Z`)
    }
    const late = customer()
    await say(late, 'Bom dia', '2026-11-20T10:00:00Z')
    // An ad reached them after their first message: the funnel still files them under it.
    await say(late, 'Vi o anúncio', '2026-11-21T10:00:00Z', { ...fromAd, source_id: '999' })
  })
  afterAll(async () => rt?.close())

  it('groups contacts by the first payment method they mentioned, with their order rate', async () => {
    const rows = await funnel('payment_method')
    expect(rows.cash_on_delivery).toMatchObject({ contacts: 4, ordered: 1 })
    expect(rows.card).toMatchObject({ contacts: 2, ordered: 2 })
    expect(rows.not_mentioned).toMatchObject({ contacts: 1, ordered: 0 })
  })

  it('groups contacts by the click-to-WhatsApp ad they came from', async () => {
    const rows = await funnel('campaign')
    expect(rows[AD]).toMatchObject({ contacts: 2, ordered: 1 })
    expect(rows['999']).toMatchObject({ contacts: 1, ordered: 0 })
    expect(rows.organic).toMatchObject({ contacts: 4, ordered: 2 })
  })
})
