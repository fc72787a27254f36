import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import {
  change,
  contactOf,
  envelope,
  inbound,
  type NumberRef,
  type Sender,
  status,
  text,
  wamid,
} from '../simulators/whatsapp/envelopes'
import { metaDelivery } from '../simulators/whatsapp/webhook-sender'
import { ENGINES } from '../support/test-db'
import { registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

const NUM_1: NumberRef = {
  phoneNumberId: '300000000000001',
  displayPhoneNumber: '15550100001',
  wabaId: '400000000000001',
}
const NUM_2: NumberRef = {
  phoneNumberId: '300000000000002',
  displayPhoneNumber: '5511930000002',
  wabaId: '400000000000002',
}

const ana: Sender = { waId: '5511987650001', name: 'Ana Luísa' }
const bruno: Sender = { waId: '5491123450002', name: 'Bruno Núñez' }
const chen: Sender = { waId: '8613800000003', name: '陈伟', userId: 'CN.88812345678901234567' }
const dana: Sender = { waId: '15551230004', name: 'Dana' }

const t0 = new Date(Date.now() - 60 * 60 * 1000)
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)

/** Outbound messages sent earlier from the WhatsApp Business app (coexistence echoes). */
const out1 = wamid('OUT1')
const out2 = wamid('OUT2')
const echoes = envelope([
  {
    wabaId: NUM_1.wabaId,
    changes: [
      change(NUM_1, {
        field: 'smb_message_echoes',
        extra: {
          message_echoes: [
            {
              from: NUM_1.displayPhoneNumber,
              to: ana.waId,
              id: out1,
              timestamp: String(Math.floor(at(0).getTime() / 1000)),
              type: 'text',
              text: { body: 'Oi Ana, seu pedido saiu!' },
            },
            {
              from: NUM_1.displayPhoneNumber,
              to: bruno.waId,
              id: out2,
              timestamp: String(Math.floor(at(1).getTime() / 1000)),
              type: 'text',
              text: { body: 'Hola Bruno' },
            },
          ],
        },
      }),
    ],
  },
])

/** 2 entries × 2 changes × 3 messages, plus statuses, with text Meta escapes on the wire. */
const expected: Record<string, { sender: Sender; texts: string[] }> = {
  ana: { sender: ana, texts: ['Olá! Quanto custa o iPhone 15?', 'Tem desconto à vista?', 'Obrigada 😊'] },
  bruno: { sender: bruno, texts: ['¿Dónde está la tienda?', 'Quiero hablar con una persona', '¡Gracias!'] },
  chen: { sender: chen, texts: ['你好，我的订单到哪里了？', '有折扣吗？', 'https://example.test/a/b?c=d'] },
  dana: { sender: dana, texts: ['Hi / hello', 'Is the "Pro" model in stock?', 'Thanks\nsee you'] },
}
const ids: Record<string, string[]> = Object.fromEntries(
  Object.keys(expected).map((k) => [k, [wamid(), wamid(), wamid()]]),
)
const messagesOf = (who: string, minute: number) =>
  (expected[who] as { sender: Sender; texts: string[] }).texts.map((body, i) =>
    text((expected[who] as { sender: Sender }).sender, body, at(minute + i), (ids[who] as string[])[i]),
  )

const batched = envelope([
  {
    wabaId: NUM_1.wabaId,
    changes: [
      change(NUM_1, {
        contacts: [contactOf(ana)],
        messages: messagesOf('ana', 10),
        statuses: [
          status(out1, 'delivered', ana.waId as string, at(2)),
          status(out1, 'read', ana.waId as string, at(3)),
        ],
      }),
      change(NUM_1, {
        contacts: [contactOf(bruno)],
        messages: messagesOf('bruno', 20),
        statuses: [
          status(out2, 'failed', bruno.waId as string, at(2), {
            code: 131026,
            title: 'Message undeliverable',
          }),
        ],
      }),
    ],
  },
  {
    wabaId: NUM_2.wabaId,
    changes: [
      change(NUM_2, { contacts: [contactOf(chen)], messages: messagesOf('chen', 30) }),
      change(NUM_2, { contacts: [contactOf(dana)], messages: messagesOf('dana', 40) }),
    ],
  },
])

describe.each(ENGINES)('batched envelope on %s', (engine) => {
  let rt: TestRuntime
  const deliver = async (payload: unknown) => {
    const d = metaDelivery(payload, rt.config.WHATSAPP_APP_SECRET as string)
    const res = await rt.request('/webhooks/whatsapp', { method: 'POST', body: d.body, headers: d.headers })
    return res.status
  }
  const thread = async (phone: string) => {
    const res = await rt.api(`/api/v1/thread?phone=${encodeURIComponent(phone)}&limit=100`)
    expect(res.status).toBe(200)
    return res.json()
  }
  const count = async (table: string) =>
    (
      await queryRows<{ n: number }>(rt.db.db, sql`select count(*)::int as n from ${sql.identifier(table)}`)
    )[0]?.n

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUM_1, 'US')).status).toBe(201)
    expect((await registerChannel(rt, NUM_2, 'BR')).status).toBe(201)
    expect(await deliver(echoes)).toBe(200)
    await rt.worker.drain()
  })
  afterAll(async () => rt?.close())

  it('yields exactly the envelope messages in each thread, even delivered 3× concurrently', async () => {
    const statuses = await Promise.all([deliver(batched), deliver(batched), deliver(batched)])
    expect(statuses).toEqual([200, 200, 200])
    // Two workers race over the three copies: on Postgres they claim different copies.
    await Promise.all([rt.worker.drain(), rt.worker.drain()])

    for (const [who, { sender, texts }] of Object.entries(expected)) {
      const view = await thread(`+${sender.waId}`)
      const inboundTexts = view.messages
        .filter((m: { direction: string }) => m.direction === 'inbound')
        .map((m: { text: string }) => m.text)
      expect(inboundTexts, who).toEqual(texts)
      expect(
        view.messages
          .filter((m: { direction: string }) => m.direction === 'inbound')
          .map((m: { wamid: string }) => m.wamid),
      ).toEqual(ids[who])
      expect(view.contact.name).toBe(sender.name)
      expect(view.window.state).toBe('open')
    }
    expect(await count('messages')).toBe(12 + 2)
    expect(await count('contacts')).toBe(4)
    const events = await queryRows<{ state: string; n: number }>(
      rt.db.db,
      sql`select state, count(*)::int as n from webhook_events group by state`,
    )
    expect(events).toEqual([{ state: 'processed', n: 4 }])
  })

  it('keeps BSUIDs from the contacts block on the contact', async () => {
    const view = await thread(`+${chen.waId}`)
    expect(view.contact.bsuid).toBe(chen.userId)
  })

  it('moves statuses forward only and keeps the failure code and title', async () => {
    const ana1 = (await thread(`+${ana.waId}`)).messages.find((m: { wamid: string }) => m.wamid === out1)
    expect(ana1).toMatchObject({ direction: 'outbound', sender: 'business_app', status: 'read' })
    const bruno1 = (await thread(`+${bruno.waId}`)).messages.find((m: { wamid: string }) => m.wamid === out2)
    expect(bruno1).toMatchObject({
      status: 'failed',
      error: { code: 131026, title: 'Message undeliverable' },
    })

    // Late and out-of-order statuses: a delayed `delivered` and `sent` must not undo `read`.
    const late = envelope([
      {
        wabaId: NUM_1.wabaId,
        changes: [
          change(NUM_1, {
            statuses: [
              status(out1, 'sent', ana.waId as string, at(1)),
              status(out1, 'delivered', ana.waId as string, at(2)),
              status(out2, 'delivered', bruno.waId as string, at(2)),
            ],
          }),
        ],
      },
    ])
    expect(await deliver(late)).toBe(200)
    await rt.worker.drain()
    const after = await queryRows<{ wamid: string; status: string; error_code: number | null }>(
      rt.db.db,
      sql`select wamid, status, error_code from messages where wamid in (${out1}, ${out2}) order by wamid`,
    )
    expect(Object.fromEntries(after.map((r) => [r.wamid, r.status]))).toEqual({
      [out1]: 'read',
      [out2]: 'failed',
    })
    const history = await queryRows<{ status: string }>(
      rt.db.db,
      sql`select status from message_status_events where wamid = ${out1} order by status`,
    )
    expect(history.map((h) => h.status)).toEqual(['delivered', 'read', 'sent'])
  })

  it('applies statuses that arrive before the message they describe', async () => {
    const early = wamid('EARLY')
    const statusFirst = envelope([
      {
        wabaId: NUM_2.wabaId,
        changes: [change(NUM_2, { statuses: [status(early, 'read', dana.waId as string, at(50))] })],
      },
    ])
    expect(await deliver(statusFirst)).toBe(200)
    await rt.worker.drain()
    const echo = envelope([
      {
        wabaId: NUM_2.wabaId,
        changes: [
          change(NUM_2, {
            field: 'smb_message_echoes',
            extra: {
              message_echoes: [
                {
                  ...inbound({}, 'text', { text: { body: 'Sent from the phone app' } }, at(49), early),
                  from: NUM_2.displayPhoneNumber,
                  to: dana.waId,
                },
              ],
            },
          }),
        ],
      },
    ])
    expect(await deliver(echo)).toBe(200)
    await rt.worker.drain()
    const m = (await thread(`+${dana.waId}`)).messages.find((x: { wamid: string }) => x.wamid === early)
    expect(m).toMatchObject({ direction: 'outbound', status: 'read', text: 'Sent from the phone app' })
  })
})
