import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { contactIdOf, customerWrites, registerTemplate, templateContent } from '../support/conversation'
import { type SendHarness, startSendHarness } from '../support/send-harness'
import { ENGINES } from '../support/test-db'
import { NUMBER_A } from '../support/test-runtime'

const PHONE_ID = NUMBER_A.phoneNumberId

describe.each(ENGINES)('sender against the Cloud API simulator on %s', (engine) => {
  let h: SendHarness
  afterEach(async () => h?.close())

  const send = async (body: Record<string, unknown>) => {
    const res = await h.rt.api('/api/v1/messages', { method: 'POST', json: body })
    const json = await res.json()
    expect(res.status, JSON.stringify(json)).toBe(202)
    return json.message_id as string
  }
  const message = async (id: string) =>
    (
      await queryRows<{
        status: string
        wamid: string | null
        error_code: number | null
        error_title: string | null
        error_details: string | null
      }>(
        h.rt.db.db,
        sql`select status, wamid, error_code, error_title, error_details from messages where id = ${Number(id)}`,
      )
    )[0]
  const job = async (messageId: string) =>
    (
      await queryRows<{
        state: string
        attempts: number
        last_error: string | null
        not_before: string
        marketing_cap_retries: number
      }>(
        h.rt.db.db,
        sql`select state, attempts, last_error, not_before, marketing_cap_retries from send_jobs where message_id = ${Number(messageId)}`,
      )
    )[0]
  /** The customer writes through the simulator, so Meta's side and ours both see the window open. */
  const customer = async (waId: string, text = 'oi') => {
    await h.sim.customerWrote(PHONE_ID, waId, new Date(), { text, name: `Cliente ${waId.slice(-4)}` })
    return h
      .waitFor(
        () => h.rt.api(`/api/v1/thread?phone=%2B${waId}`).then((r) => r.json()),
        (v) => v.contact !== null,
      )
      .then((v) => v.contact.id as string)
  }

  it('sends a reply, attaches the wamid and follows Meta statuses to read', async () => {
    h = await startSendHarness(engine)
    const contactId = await customer('5511980000001')
    const id = await send({
      contact_id: contactId,
      sender: 'agent',
      content: { type: 'text', text: 'Olá! Já vejo seu pedido.' },
    })
    const done = await h.waitFor(
      () => message(id),
      (m) => m?.status === 'read',
    )
    expect(done?.wamid).toMatch(/^wamid\./)
    const record = h.sim.sent.find((s) => s.bizOpaqueCallbackData === `scrm:${id}`)
    expect(record).toMatchObject({ recipient: '5511980000001', type: 'text', businessInitiated: false })
    expect(record?.body).toMatchObject({ text: { body: 'Olá! Já vejo seu pedido.' } })
    expect(h.sim.stats().violations).toEqual({ throughput: 0, pair: 0, tier: 0, window: 0 })
    const thread = await (await h.rt.api(`/api/v1/thread?contact_id=${contactId}`)).json()
    expect(thread.messages.at(-1)).toMatchObject({ id, status: 'read', wamid: done?.wamid })
  })

  it('paces a number at its throughput cap without a single 130429', async () => {
    h = await startSendHarness(engine, { numbers: [{ ...NUMBER_A, mps: 10, tierLimit: null }] })
    await h.rt.api(`/api/v1/channels/${h.channelId}`, { method: 'PATCH', json: { mps: 10 } })
    await registerTemplate(h.rt, 'hello_world', 'utility', 'Hello')
    // Queue first, then send: the simulator shares this process, and PGlite's queries for the
    // enqueues would hold up its request handling (Meta's servers do not share our event loop).
    await h.rt.sender.stop()
    for (let i = 0; i < 30; i++)
      await send({ phone: `+55119810${String(i).padStart(5, '0')}`, content: templateContent('hello_world') })
    const started = Date.now()
    h.rt.sender.start()
    await h.waitFor(
      () => Promise.resolve(h.sim.stats().accepted),
      (n) => n === 30,
    )
    const elapsed = Date.now() - started
    const stats = h.sim.stats()
    expect(stats.violations.throughput).toBe(0)
    expect(stats.rejected['130429'] ?? 0).toBe(0)
    expect(Math.max(...stats.perSecond)).toBeLessThanOrEqual(10)
    // 30 messages at ~9.7/s cannot take much less than 3 s.
    expect(elapsed).toBeGreaterThan(2_500)
  })

  it('spaces messages to one recipient by the pair rule, while other recipients go on', async () => {
    h = await startSendHarness(engine, { pairPerSeconds: 1 }, { SENDER_PAIR_SPACING_MS: '1200' })
    const a = await customer('5511980000002')
    const b = await customer('5511980000003')
    const ids = [
      await send({ contact_id: a, content: { type: 'text', text: 'um' } }),
      await send({ contact_id: a, content: { type: 'text', text: 'dois' } }),
      await send({ contact_id: a, content: { type: 'text', text: 'três' } }),
      await send({ contact_id: b, content: { type: 'text', text: 'para o B' } }),
    ]
    await h.waitFor(
      () => Promise.all(ids.map(message)),
      (ms) => ms.every((m) => m?.wamid),
    )
    const toA = h.sim.sent.filter((s) => s.recipient === '5511980000002').map((s) => s.acceptedAt)
    expect(toA).toHaveLength(3)
    expect(toA[1]! - toA[0]!).toBeGreaterThanOrEqual(1000)
    expect(toA[2]! - toA[1]!).toBeGreaterThanOrEqual(1000)
    const toB = h.sim.sent.find((s) => s.recipient === '5511980000003')
    expect(toB!.acceptedAt).toBeLessThan(toA[1]!)
    expect(h.sim.stats().violations.pair).toBe(0)
  })

  it('stops at the messaging tier and keeps the rest queued with the reason', async () => {
    h = await startSendHarness(engine, { numbers: [{ ...NUMBER_A, tierLimit: 3 }] })
    await h.rt.db.db.execute(sql`update whatsapp_channels set tier_limit = 3`)
    await registerTemplate(h.rt, 'hello_world', 'utility', 'Hello')
    const ids: string[] = []
    for (let i = 0; i < 5; i++)
      ids.push(
        await send({
          phone: `+55119820${String(i).padStart(5, '0')}`,
          content: templateContent('hello_world'),
        }),
      )
    await h.waitFor(
      () => Promise.resolve(h.sim.stats().accepted),
      (n) => n === 3,
    )
    await new Promise((r) => setTimeout(r, 500))
    expect(h.sim.stats().accepted).toBe(3)
    expect(h.sim.stats().violations.tier).toBe(0)
    const waiting = await Promise.all(ids.map(job))
    const queued = waiting.filter((j) => j?.state === 'queued')
    expect(queued).toHaveLength(2)
    expect(queued[0]?.last_error).toMatch(/messaging tier of 3/)
  })

  it('backs off the number on 130429 and sends everything exactly once', async () => {
    h = await startSendHarness(engine, { numbers: [{ ...NUMBER_A, mps: 4, tierLimit: null }] })
    await h.rt.api(`/api/v1/channels/${h.channelId}`, { method: 'PATCH', json: { mps: 40 } })
    await registerTemplate(h.rt, 'hello_world', 'utility', 'Hello')
    const ids: string[] = []
    for (let i = 0; i < 12; i++)
      ids.push(
        await send({
          phone: `+55119830${String(i).padStart(5, '0')}`,
          content: templateContent('hello_world'),
        }),
      )
    await h.waitFor(
      () => Promise.all(ids.map(job)),
      (js) => js.every((j) => j?.state === 'sent'),
      20_000,
    )
    const stats = h.sim.stats()
    expect(stats.rejected['130429']).toBeGreaterThan(0)
    expect(stats.accepted).toBe(12)
    expect(stats.duplicatesByClientId).toBe(0)
  })

  it('backs off one recipient on 131056 and still delivers', async () => {
    h = await startSendHarness(engine, { pairPerSeconds: 1 }, { SENDER_PAIR_SPACING_MS: '100' })
    const a = await customer('5511980000004')
    const first = await send({ contact_id: a, content: { type: 'text', text: 'um' } })
    const second = await send({ contact_id: a, content: { type: 'text', text: 'dois' } })
    await h.waitFor(
      () => Promise.all([first, second].map(message)),
      (ms) => ms.every((m) => m?.wamid),
      20_000,
    )
    expect(h.sim.stats().rejected['131056']).toBeGreaterThan(0)
    expect(h.sim.sent.filter((s) => s.recipient === '5511980000004')).toHaveLength(2)
  })

  it('retries 5xx twice, then fails keeping the code and title on the message', async () => {
    h = await startSendHarness(engine, { faults: { http5xxRate: 1 } })
    const a = await customer('5511980000005')
    const id = await send({ contact_id: a, content: { type: 'text', text: 'vai falhar' } })
    const failed = await h.waitFor(
      () => message(id),
      (m) => m?.status === 'failed',
    )
    expect(failed?.error_code).toBeGreaterThanOrEqual(131000)
    expect(failed?.error_title).toBeTruthy()
    expect((await job(id))?.attempts).toBe(3)
    expect(h.sim.stats().faults.http5xx).toBe(3)
  })

  it('marks an undeliverable number (131026) unreachable and refuses later sends', async () => {
    h = await startSendHarness(engine, { faults: { undeliverable: ['5511980000006'] } })
    const a = await customer('5511980000006')
    const id = await send({ contact_id: a, content: { type: 'text', text: 'oi' } })
    const failed = await h.waitFor(
      () => message(id),
      (m) => m?.status === 'failed',
    )
    expect(failed?.error_code).toBe(131026)
    const again = await h.rt.api('/api/v1/messages', {
      method: 'POST',
      json: { contact_id: a, content: { type: 'text', text: 'de novo' } },
    })
    expect(again.status).toBe(422)
    expect((await again.json()).error.reason).toBe('contact_unreachable')
  })

  it('shows 131047 on a free-text message Meta refuses outside the window', async () => {
    h = await startSendHarness(engine)
    // Our side saw the customer write (webhook straight to us); Meta's side did not: its window is closed.
    await customerWrites(h.rt, NUMBER_A, { waId: '5511980000007', name: 'Duda' }, 'oi')
    const id = await send({
      contact_id: await contactIdOf(h.rt, '+5511980000007'),
      content: { type: 'text', text: 'oi Duda' },
    })
    const failed = await h.waitFor(
      () => message(id),
      (m) => m?.status === 'failed',
    )
    expect(failed?.error_code).toBe(131047)
    const thread = await (await h.rt.api('/api/v1/thread?phone=%2B5511980000007')).json()
    expect(thread.messages.at(-1).error).toMatchObject({ code: 131047 })
  })

  it('retries a per-user marketing cap (131049) once, a day later', async () => {
    h = await startSendHarness(engine, {
      faults: { failCodes: { '5511980000008': 131049 } },
      templates: [
        {
          name: 'promo',
          language: 'en_US',
          category: 'MARKETING',
          status: 'APPROVED',
          components: [{ type: 'BODY', text: 'Sale' }],
        },
      ],
    })
    await registerTemplate(h.rt, 'promo', 'marketing', 'Sale')
    const id = await send({ phone: '+5511980000008', content: templateContent('promo') })
    const retry = await h.waitFor(
      () => job(id),
      (j) => j?.marketing_cap_retries === 1,
    )
    expect(retry?.state).toBe('queued')
    expect(new Date(retry?.not_before as string).getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000)
  })

  it('pauses the number on a spam block (131048), alerts, and resumes on request', async () => {
    h = await startSendHarness(engine, { faults: { failCodes: { '5511980000009': 131048 } } })
    const a = await customer('5511980000009')
    const id = await send({ contact_id: a, content: { type: 'text', text: 'promo' } })
    await h.waitFor(
      () => message(id),
      (m) => m?.status === 'failed',
    )
    const alerts = await queryRows<{ kind: string; error_code: number }>(
      h.rt.db.db,
      sql`select kind, error_code::int as error_code from channel_events where kind = 'alert'`,
    )
    expect(alerts).toEqual([{ kind: 'alert', error_code: 131048 }])
    const b = await customer('5511980000010')
    const refused = await h.rt.api('/api/v1/messages', {
      method: 'POST',
      json: { contact_id: b, content: { type: 'text', text: 'x' } },
    })
    expect((await refused.json()).error.reason).toBe('channel_paused')
    expect((await h.rt.api(`/api/v1/channels/${h.channelId}/resume`, { method: 'POST' })).status).toBe(200)
    const ok = await send({ contact_id: b, content: { type: 'text', text: 'voltamos' } })
    await h.waitFor(
      () => message(ok),
      (m) => Boolean(m?.wamid),
    )
  })

  it('fails a template Meta does not know (132001) and names the template', async () => {
    h = await startSendHarness(engine)
    await registerTemplate(h.rt, 'not_on_meta', 'utility', 'Hi {{1}}')
    const id = await send({ phone: '+5511980000011', content: templateContent('not_on_meta', 'Ana') })
    const failed = await h.waitFor(
      () => message(id),
      (m) => m?.status === 'failed',
    )
    expect(failed?.error_code).toBe(132001)
    expect(failed?.error_details).toMatch(/template not_on_meta \(en_US\)/)
  })

  it('holds a timed-out send as unknown, then sends it again once no status proves it arrived', async () => {
    h = await startSendHarness(
      engine,
      { faults: { timeoutRate: 1, timeoutHangMs: 1_000 } },
      { SENDER_REQUEST_TIMEOUT_MS: '300', SENDER_RECONCILE_MS: '1500' },
    )
    const a = await customer('5511980000012')
    const id = await send({ contact_id: a, content: { type: 'text', text: 'resposta perdida' } })
    const unknown = await h.waitFor(
      () => job(id),
      (j) => j?.state === 'unknown',
    )
    expect(unknown?.last_error).toMatch(/outcome unknown: timeout/)
    // Not resent while it may still be confirmed by a status webhook.
    await new Promise((r) => setTimeout(r, 500))
    expect(h.sim.stats().faults.timeouts).toBe(1)
    h.sim.configure({ faults: {} })
    await h.waitFor(
      () => job(id),
      (j) => j?.state === 'sent',
      10_000,
    )
    expect(h.sim.sent.filter((s) => s.bizOpaqueCallbackData === `scrm:${id}`)).toHaveLength(1)
    expect((await message(id))?.wamid).toMatch(/^wamid\./)
  })

  it('confirms a send whose answer was lost from the status webhook instead of sending it again', async () => {
    h = await startSendHarness(engine, { faults: { lostAnswerRate: 1 } }, { SENDER_RECONCILE_MS: '20000' })
    const a = await customer('5511980000013')
    const id = await send({ contact_id: a, content: { type: 'text', text: 'resposta sem volta' } })
    const sent = await h.waitFor(
      () => job(id),
      (j) => j?.state === 'sent',
      15_000,
    )
    expect(sent?.attempts).toBe(1)
    const record = h.sim.sent.filter((s) => s.bizOpaqueCallbackData === `scrm:${id}`)
    expect(record).toHaveLength(1)
    const m = await h.waitFor(
      () => message(id),
      (x) => x?.status === 'read',
    )
    expect(m?.wamid).toBe(record[0]?.id)
    expect(h.sim.stats().faults.lostAnswers).toBe(1)
  })

  it('syncs templates from the WhatsApp Business Account', async () => {
    h = await startSendHarness(engine, {
      templates: [
        {
          name: 'order_shipped',
          language: 'pt_BR',
          category: 'UTILITY',
          status: 'APPROVED',
          components: [{ type: 'BODY', text: 'Pedido {{1}} enviado' }],
        },
        {
          name: 'black_friday',
          language: 'es',
          category: 'MARKETING',
          status: 'APPROVED',
          components: [{ type: 'BODY', text: 'Ofertas' }],
        },
      ],
    })
    const res = await h.rt.api('/api/v1/templates/sync', { method: 'POST' })
    expect(await res.json()).toEqual({ synced: 2 })
    const list = await (await h.rt.api('/api/v1/templates')).json()
    expect(
      list.templates.map((t: { name: string; category: string; body_params: number }) => [
        t.name,
        t.category,
        t.body_params,
      ]),
    ).toEqual([
      ['black_friday', 'marketing', 0],
      ['order_shipped', 'utility', 1],
    ])
  })
})
