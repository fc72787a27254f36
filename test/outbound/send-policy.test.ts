import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { change, envelope } from '../simulators/whatsapp/envelopes'
import {
  contactIdOf,
  customerWrites,
  deliverPayload,
  registerTemplate,
  templateContent,
} from '../support/conversation'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

describe.each(ENGINES)('sending policy on %s', (engine) => {
  let rt: TestRuntime
  let seq = 0
  const send = (body: Record<string, unknown>) => rt.api('/api/v1/messages', { method: 'POST', json: body })
  const expectRefused = async (body: Record<string, unknown>, reason: string) => {
    const res = await send(body)
    const json = await res.json()
    expect(res.status, JSON.stringify(json)).toBe(422)
    expect(json.error).toMatchObject({ code: 'send_refused', reason })
    expect(json.error.message.length).toBeGreaterThan(20)
    return json
  }
  const expectQueued = async (body: Record<string, unknown>) => {
    const res = await send(body)
    const json = await res.json()
    expect(res.status, JSON.stringify(json)).toBe(202)
    expect(json).toMatchObject({ state: 'queued', message: { direction: 'outbound', status: 'queued' } })
    return json
  }
  /** A fresh customer who just wrote (window open); phone numbers are unique per test. */
  const freshCustomer = async (country = '55') => {
    seq += 1
    const waId = `${country === '1' ? '1555' : '55119'}${String(7000000 + seq).padStart(7, '0')}`.slice(
      0,
      country === '1' ? 11 : 13,
    )
    await customerWrites(rt, NUMBER_A, { waId, name: `Cliente ${seq}` }, 'oi')
    return { phone: `+${waId}`, id: await contactIdOf(rt, `+${waId}`) }
  }
  const optIn = (id: string) =>
    rt.api(`/api/v1/contacts/${id}/opt-in`, {
      method: 'PUT',
      json: { status: 'opted_in', source: 'checkout form' },
    })

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    await registerTemplate(rt, 'order_update', 'utility', 'Your order {{1}} is on its way')
    await registerTemplate(rt, 'promo_week', 'marketing', 'Hi {{1}}, 10% off this week')
    await registerTemplate(rt, 'promo_month', 'marketing', 'Hi {{1}}, new arrivals')
  })
  afterAll(async () => rt?.close())

  it('queues free text inside the window and shows it in the thread at once', async () => {
    const c = await freshCustomer()
    const queued = await expectQueued({
      phone: c.phone,
      sender: 'agent',
      content: { type: 'text', text: 'Olá! Como posso ajudar?' },
    })
    const thread = await (await rt.api(`/api/v1/thread?contact_id=${c.id}`)).json()
    expect(thread.messages.at(-1)).toMatchObject({
      id: queued.message_id,
      text: 'Olá! Como posso ajudar?',
      status: 'queued',
      sender: 'agent',
    })
  })

  it('refuses free text outside the 24 h window and asks for a template', async () => {
    await expectRefused(
      { phone: '+5511955550001', content: { type: 'text', text: 'oi' } },
      'window_closed_template_required',
    )
    await expectRefused(
      { phone: '+5511955550001', content: { type: 'quick_reply', key: 'anything' } },
      'quick_reply_not_found',
    )
  })

  it('lets a contact without opt-in get one template per 24 h, more once they opt in', async () => {
    await expectQueued({ phone: '+5511955550002', content: templateContent('order_update', '#1001') })
    await expectRefused(
      { phone: '+5511955550002', content: templateContent('order_update', '#1002') },
      'cap_exceeded:no_opt_in_daily_template',
    )
    const id = await contactIdOf(rt, '+5511955550002')
    expect((await optIn(id)).status).toBe(200)
    await expectQueued({ phone: '+5511955550002', content: templateContent('order_update', '#1002') })
  })

  it('sends the same content at most 5 times per contact in 30 days', async () => {
    const c = await freshCustomer()
    for (let i = 0; i < 5; i++)
      await expectQueued({ contact_id: c.id, content: { type: 'text', text: 'Seu pedido saiu' } })
    await expectRefused(
      { contact_id: c.id, content: { type: 'text', text: 'Seu pedido saiu' } },
      'cap_exceeded:same_content',
    )
    await expectQueued({ contact_id: c.id, content: { type: 'text', text: 'Seu pedido chegou' } })
  })

  it('sends marketing at most once a week per contact', async () => {
    const c = await freshCustomer()
    await optIn(c.id)
    await expectQueued({
      contact_id: c.id,
      sender: 'automation',
      content: templateContent('promo_week', 'Ana'),
    })
    await expectRefused(
      { contact_id: c.id, sender: 'automation', content: templateContent('promo_month', 'Ana') },
      'cap_exceeded:marketing_weekly',
    )
  })

  it('sends a notification for the same event key at most once per 6 h', async () => {
    const c = await freshCustomer()
    await optIn(c.id)
    await expectQueued({
      contact_id: c.id,
      event_key: 'order-77-shipped',
      content: templateContent('order_update', '#77'),
    })
    await expectRefused(
      {
        contact_id: c.id,
        event_key: 'order-77-shipped',
        content: templateContent('order_update', '#77 again'),
      },
      'cap_exceeded:event_notification',
    )
    await expectQueued({
      contact_id: c.id,
      event_key: 'order-78-shipped',
      content: templateContent('order_update', '#78'),
    })
  })

  it('pauses automation for 12 h after a person writes, while agents keep sending', async () => {
    const c = await freshCustomer()
    await expectQueued({
      contact_id: c.id,
      sender: 'agent',
      content: { type: 'text', text: 'Aqui é a Júlia, da loja.' },
    })
    const refused = await expectRefused(
      { contact_id: c.id, sender: 'automation', content: { type: 'text', text: 'Mensagem automática' } },
      'automation_paused',
    )
    const until = new Date(refused.error.message.match(/until (\S+)\.$/)[1]).getTime()
    expect(until - Date.now()).toBeGreaterThan(11.9 * 3_600_000)
    await expectQueued({
      contact_id: c.id,
      sender: 'agent',
      content: { type: 'text', text: 'Mais uma do agente' },
    })
    const released = await rt.api(`/api/v1/contacts/${c.id}/takeover`, {
      method: 'POST',
      json: { release: true },
    })
    expect(await released.json()).toEqual({ automation_paused_until: null })
    await expectQueued({
      contact_id: c.id,
      sender: 'automation',
      content: { type: 'text', text: 'Mensagem automática' },
    })
  })

  it('never sends marketing templates to +1 numbers', async () => {
    const c = await freshCustomer('1')
    await optIn(c.id)
    await expectRefused(
      { contact_id: c.id, content: templateContent('promo_week', 'Sam') },
      'marketing_blocked_us',
    )
    await expectQueued({ contact_id: c.id, content: templateContent('order_update', '#5') })
  })

  it('opts a contact out when they write STOP (any case or accent), leaving only replies inside the window', async () => {
    const c = await freshCustomer()
    await customerWrites(rt, NUMBER_A, { waId: c.phone.slice(1) }, 'Baixa!')
    const contact = await queryRows<{ opt_in_status: string; opt_in_source: string }>(
      rt.db.db,
      sql`select opt_in_status, opt_in_source from contacts where id = ${c.id}`,
    )
    expect(contact[0]).toEqual({ opt_in_status: 'opted_out', opt_in_source: 'keyword: Baixa!' })
    await expectRefused({ contact_id: c.id, content: templateContent('order_update', '#9') }, 'opted_out')
    await expectQueued({
      contact_id: c.id,
      sender: 'agent',
      content: { type: 'text', text: 'Pronto, você não receberá mais mensagens.' },
    })
  })

  it("honours WhatsApp's marketing stop from user_preferences", async () => {
    const c = await freshCustomer()
    await optIn(c.id)
    await deliverPayload(
      rt,
      envelope([
        {
          wabaId: NUMBER_A.wabaId,
          changes: [
            change(NUMBER_A, {
              field: 'user_preferences',
              extra: {
                user_preferences: [
                  {
                    wa_id: c.phone.slice(1),
                    category: 'marketing_messages',
                    value: 'stop',
                    timestamp: Math.floor(Date.now() / 1000),
                  },
                ],
              },
            }),
          ],
        },
      ]),
    )
    await expectRefused(
      { contact_id: c.id, content: templateContent('promo_week', 'x') },
      'marketing_opted_out',
    )
    await expectQueued({ contact_id: c.id, content: templateContent('order_update', '#10') })
  })

  it('answers a repeated idempotency key with the first message and queues it once', async () => {
    const c = await freshCustomer()
    const body = {
      contact_id: c.id,
      idempotency_key: `retry-${c.id}`,
      content: { type: 'text', text: 'Uma vez só' },
    }
    const [a, b, d] = await Promise.all([send(body), send(body), send(body)])
    const answers = [await a.json(), await b.json(), await d.json()]
    expect(new Set(answers.map((x) => x.message_id)).size).toBe(1)
    expect(answers.filter((x) => x.duplicate === false)).toHaveLength(1)
    const jobs = await queryRows<{ n: number }>(
      rt.db.db,
      sql`select count(*)::int as n from send_jobs where contact_id = ${c.id}`,
    )
    expect(jobs[0]?.n).toBe(1)
  })

  it('refuses unknown templates, wrong variable counts and bad recipients with their reasons', async () => {
    await expectRefused(
      { phone: '+5511955550003', content: templateContent('does_not_exist') },
      'unknown_template',
    )
    await expectRefused(
      { phone: '+5511955550003', content: templateContent('order_update') },
      'template_params_mismatch',
    )
    await expectRefused(
      { phone: 'not a phone', content: templateContent('order_update', 'x') },
      'invalid_recipient',
    )
    const both = await send({
      phone: '+5511955550003',
      contact_id: '00000000-0000-4000-8000-000000000000',
      content: { type: 'text', text: 'x' },
    })
    expect(both.status).toBe(400)
    expect((await both.json()).error.message).toMatch(/exactly one of contact_id or phone/)
    const media = await send({ phone: '+5511955550003', content: { type: 'image' } })
    expect(media.status).toBe(400)
  })

  it('personalises quick replies from the contact, the request and configured defaults', async () => {
    const c = await freshCustomer()
    const put = await rt.api('/api/v1/quick-replies/frete', {
      method: 'PUT',
      json: {
        title: 'Frete',
        body: 'Oi {{first_name}}, o frete para {{city}} é {{price}}.',
        defaults: { price: 'grátis' },
      },
    })
    expect(put.status).toBe(200)
    const queued = await expectQueued({
      contact_id: c.id,
      content: { type: 'quick_reply', key: 'frete', variables: { city: 'Campinas' } },
    })
    expect(queued.message.text).toBe(`Oi Cliente, o frete para Campinas é grátis.`)
    await expectRefused(
      { contact_id: c.id, content: { type: 'quick_reply', key: 'frete' } },
      'quick_reply_variable_missing',
    )
  })

  it('applies a changed policy at once, and returns defaults when fields are omitted', async () => {
    const c = await freshCustomer()
    const put = await rt.api('/api/v1/settings/sending-policy', {
      method: 'PUT',
      json: { same_content_max: 1 },
    })
    expect((await put.json()).same_content_max).toBe(1)
    await expectQueued({ contact_id: c.id, content: { type: 'text', text: 'só uma' } })
    await expectRefused(
      { contact_id: c.id, content: { type: 'text', text: 'só uma' } },
      'cap_exceeded:same_content',
    )
    const reset = await (await rt.api('/api/v1/settings/sending-policy', { method: 'PUT', json: {} })).json()
    expect(reset).toMatchObject({
      same_content_max: 5,
      window_hours: 24,
      agent_pause_hours: 12,
      marketing_blocked_calling_codes: ['1'],
    })
    const bad = await rt.api('/api/v1/settings/sending-policy', { method: 'PUT', json: { window_hours: 0 } })
    expect(bad.status).toBe(400)
  })
})
