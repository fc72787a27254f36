import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import { change, contactOf, envelope, text } from '../../simulators/whatsapp/envelopes'
import { deliverPayload } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../../support/test-runtime'
import { type Customer, customers, DAY, HOUR, MINUTE, SECOND, wholeSecond } from './rules-support'

/**
 * The default rule pack on the real path: signed webhook → ingest → rules, read back through
 * GET /api/v1/thread and the rows the rules write (firings, tasks, queued automation jobs).
 */
describe.each(ENGINES)('default rule pack on ingest on %s', (engine) => {
  let rt: TestRuntime
  let customer: (name?: string) => Customer
  /** Now, on a whole second: the newest message of each scenario. */
  const T = wholeSecond(Date.now() - MINUTE)
  const at = (offset: number) => new Date(T.getTime() + offset)

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    customer = customers(rt, '7100')
  })
  afterAll(async () => rt?.close())

  it('price-sensitive: exactly 3 discount mentions tag nothing, the 4th tags, with the reason in the thread', async () => {
    const c = customer()
    await c.says('Tem desconto?', at(-40 * MINUTE))
    await c.says('E no pix tem desconto?', at(-30 * MINUTE))
    await c.says('Qual o DESCONTO à vista?', at(-20 * MINUTE))
    expect(await c.tagKeys()).not.toContain('price_sensitive')
    await c.says('¿y algún descuento?', at(-10 * MINUTE))
    const view = await c.thread()
    const tag = view.tags.find((t: { key: string }) => t.key === 'price_sensitive')
    expect(tag).toMatchObject({
      source: 'rule',
      label: 'Price-sensitive',
      reason: { rule_key: 'price_sensitive' },
    })
    expect(tag.reason.note).toMatch(
      /^4 mentions of "desconto", "descuento" in the last 30 days \(needs > 3\)/,
    )
    expect(tag.reason.message_ids).toHaveLength(4)
    expect(tag.reason.message_ids).toEqual(view.messages.map((m: { id: string }) => m.id))
  })

  it('high intent: 2 product inquiries in 7 days do nothing; the 3rd tags, sets the segment and queues the 10 % code once', async () => {
    const c = customer()
    await c.says('Vocês têm esse tênis no tamanho 42?', at(-3 * DAY))
    await c.says('Qual a voltagem dessa airfryer?', at(-1 * DAY))
    expect(await c.tagKeys()).not.toContain('high_intent')
    expect((await c.thread()).contact.segment.value).toBe('potential')

    await c.says('Does this phone come in blue?', at(0))
    const view = await c.thread()
    expect(view.tags.map((t: { key: string }) => t.key)).toContain('high_intent')
    expect(view.contact.segment).toMatchObject({
      value: 'high_intent',
      reason: expect.stringMatching(
        /^3 messages with intent product_inquiry or purchase_intent in the last 7 days/,
      ),
      why: { rule_key: 'high_intent' },
      at: T.toISOString(),
    })
    const offer = { type: 'send_discount_code', pool: 'discount_10', quick_reply: 'discount_code_offer' }
    expect(await c.jobs()).toEqual([
      expect.objectContaining({ action: offer, rule_key: 'high_intent_offer' }),
    ])

    await c.says('¿Tienen esta camiseta en talla M?', at(MINUTE))
    expect((await c.jobs()).filter((j) => j.action.type === 'send_discount_code')).toHaveLength(1)
    expect(await c.firings('high_intent_offer')).toEqual([expect.objectContaining({ dedupe_key: 'once' })])
  })

  it('the 7-day window is exact: an inquiry 7 days minus 1 s before counts, 7 days plus 1 s does not', async () => {
    const inside = customer()
    await inside.says('Does this phone come in blue?', at(-7 * DAY + SECOND))
    await inside.says('Vocês têm esse tênis no tamanho 42?', at(-HOUR))
    await inside.says('¿Tienen esta camiseta en talla M?', at(0))
    expect(await inside.tagKeys()).toContain('high_intent')

    const outside = customer()
    await outside.says('Does this phone come in blue?', at(-7 * DAY - SECOND))
    await outside.says('Vocês têm esse tênis no tamanho 42?', at(-HOUR))
    await outside.says('¿Tienen esta camiseta en talla M?', at(0))
    expect(await outside.tagKeys()).not.toContain('high_intent')
    const [firing] = await inside.firings('high_intent')
    expect(firing?.explanation).toMatch(/^3 messages/)
  })

  it('windows are durations, not calendar days: senders at UTC+8 and UTC−3 across local midnight', async () => {
    // UTC+8: Monday 00:00:30 local to the next Monday 00:00:10 local spans 8 calendar dates
    // there, but 7 days minus 20 s: all three inquiries are inside the 7-day window.
    const mondayShanghai = Date.UTC(2020, 0, 6, 0, 0, 30) - 8 * HOUR
    const shift = Math.floor((T.getTime() - 7 * DAY - mondayShanghai) / (7 * DAY)) * 7 * DAY
    const first = mondayShanghai + shift
    const zh = customer('王')
    await zh.says('这款有黑色的吗？', new Date(first))
    await zh.says('Does this phone come in blue?', new Date(first + 3 * DAY))
    await zh.says('这款有黑色的吗？还有白色吗', new Date(first + 7 * DAY - 20 * SECOND))
    expect(await zh.tagKeys()).toContain('high_intent')

    // UTC−3: 23:50 and 00:10 local are one conversation (20 min apart) although the local date
    // changed; 23:50 and 00:30 are two.
    const midnightSaoPaulo = Date.UTC(2020, 0, 1, 3, 0, 0)
    const day = midnightSaoPaulo + Math.floor((T.getTime() - 2 * DAY - midnightSaoPaulo) / DAY) * DAY
    const one = customer()
    await one.says('Oi, tudo bem?', new Date(day - 10 * MINUTE))
    await one.says('Vocês abrem amanhã?', new Date(day + 10 * MINUTE))
    const two = customer()
    await two.says('Oi, tudo bem?', new Date(day - 10 * MINUTE))
    await two.says('Vocês abrem amanhã?', new Date(day + 30 * MINUTE))
    expect((await one.thread()).contact.inquiry_frequency).toBeCloseTo(7 / 30, 2)
    expect((await two.thread()).contact.inquiry_frequency).toBeCloseTo(14 / 30, 2)
  })

  it('"too expensive" twice in a row queues the instalment-plan reply; another message between breaks the row', async () => {
    const pt = customer()
    await pt.says('Muito caro', at(-5 * MINUTE))
    expect(await pt.jobs()).toEqual([])
    await pt.says('tá muito caro isso', at(-4 * MINUTE))
    expect((await pt.jobs()).map((j) => j.action)).toEqual([
      { type: 'send_quick_reply', quick_reply: 'instalment_plan' },
    ])
    const [firing] = await pt.firings('too_expensive')
    expect(firing?.explanation).toBe('their last 2 messages all match "muito caro" within 7 days')

    const zh = customer()
    await zh.says('太贵了', at(-3 * MINUTE))
    await zh.says('还是太贵', at(-2 * MINUTE))
    expect((await zh.jobs()).map((j) => j.action.quick_reply)).toEqual(['instalment_plan'])

    const broken = customer()
    await broken.says('muy caro', at(-3 * MINUTE))
    await broken.says('¿Tienen esta camiseta en talla M?', at(-2 * MINUTE))
    await broken.says('muy caro', at(-1 * MINUTE))
    expect((await broken.jobs()).filter((j) => j.action.quick_reply === 'instalment_plan')).toEqual([])
  })

  it('complaint, quote, store-location and order-status questions', async () => {
    const angry = customer()
    await angry.says('This is terrible, the product arrived broken', at(0))
    const view = await angry.thread()
    expect(view.tags.map((t: { key: string }) => t.key)).toContain('complaint')
    expect(view.contact.priority).toMatchObject({ value: 'high', why: { rule_key: 'complaint' } })
    expect(view.contact.priority.reason).toMatch(/^their message matches intent complaint \(100%\)/)

    const buyer = customer()
    await buyer.says('Can you send me a quote for 50 units?', at(0))
    expect(await buyer.tagKeys()).toContain('quote_request')
    const tasks = await buyer.tasks()
    expect(tasks).toEqual([
      expect.objectContaining({
        title: 'Prepare a quote',
        reason: expect.objectContaining({ ruleKey: 'quote_request' }),
      }),
    ])
    expect(new Date(tasks[0]?.due_at as string).getTime()).toBe(T.getTime() + DAY)
    await buyer.says('And a quote for 100 units please', at(MINUTE))
    expect(await buyer.tasks()).toHaveLength(1)

    const visitor = customer()
    await visitor.says('Where is your store located?', at(0))
    expect((await visitor.jobs()).map((j) => j.action)).toEqual([
      { type: 'send_quick_reply', quick_reply: 'store_location' },
    ])

    const waiting = customer()
    await waiting.says('Where is my order?', at(0))
    const [job] = await waiting.jobs()
    expect(job?.action).toEqual({
      type: 'reply_order_status',
      quick_reply: 'order_status',
      not_found_quick_reply: 'order_not_found',
    })
    expect(Number(job?.message_id)).toBe(Number((await waiting.thread()).messages[0].id))
  })

  it('a request for a human pauses automation for 12 h and flags an agent, in four languages', async () => {
    for (const words of [
      'Quero falar com um humano',
      'hablar con una persona',
      'talk to a human please',
      '我要人工',
    ]) {
      const c = customer()
      await c.says(words, at(0))
      const view = await c.thread()
      expect(view.contact.automation_paused_until).toBe(new Date(T.getTime() + 12 * HOUR).toISOString())
      expect(view.tags.map((t: { key: string }) => t.key)).toContain('needs_agent')
      expect(view.contact.priority).toMatchObject({ value: 'high', why: { rule_key: 'human_request' } })
    }
    // Rules still queue automated replies while paused: the worker refuses them with a reason.
    const c = customer()
    await c.says('talk to a human please', at(-MINUTE))
    await c.says('Where is my order?', at(0))
    expect((await c.thread()).contact.automation_paused_until).toBe(
      new Date(T.getTime() - MINUTE + 12 * HOUR).toISOString(),
    )
    expect((await c.jobs()).map((j) => j.action.type)).toEqual(['reply_order_status'])
  })

  it('a redelivered webhook fires nothing twice', async () => {
    const c = customer()
    const payload = envelope([
      {
        wabaId: NUMBER_A.wabaId,
        changes: [
          change(NUMBER_A, {
            contacts: [contactOf({ waId: c.waId })],
            messages: [
              text({ waId: c.waId }, 'Where is your store located?', at(0), `wamid.REDELIVERY${c.waId}`),
            ],
          }),
        ],
      },
    ])
    await deliverPayload(rt, payload)
    await deliverPayload(rt, payload)
    expect(await c.jobs()).toHaveLength(1)
    expect(await c.firings('store_location')).toHaveLength(1)
  })

  it('seeds the quick replies the pack sends, one per language', async () => {
    const { quick_replies } = await (await rt.api('/api/v1/quick-replies')).json()
    const keys = quick_replies.map((q: { key: string }) => q.key)
    for (const key of [
      'discount_code_offer',
      'winback_offer',
      'instalment_plan',
      'store_location',
      'order_status',
      'order_not_found',
      'shipping_cost',
      'returns_policy',
    ])
      for (const suffix of ['', '_pt', '_es', '_zh']) expect(keys).toContain(`${key}${suffix}`)
    const [row] = await queryRows<{ n: number }>(
      rt.db.db,
      sql`select count(*)::int as n from rules where builtin`,
    )
    expect(row?.n).toBe(18)
  })
})
