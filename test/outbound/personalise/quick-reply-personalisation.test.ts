import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hubspotSignatureV3 } from '../../../backend/src/crm/hubspot/request-signature'
import { contacts, messages } from '../../../backend/src/db/schema'
import { dayNumber } from '../../../backend/src/outbound/personalise/relative-date'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../../support/test-runtime'

const SECRET = 'hubspot-client-secret-test'
const PUBLIC = 'https://scrm.example.test'
const PORTAL = '4455667'
const SP = 'America/Sao_Paulo'

/** A calendar date `days` from today in a time zone, as a CRM stores it ("2024-05-07"). */
function dateInZone(timeZone: string, days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date())
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const n = dayNumber({ year: y, month: m, day: d }) + days
  return new Date(n * 86_400_000).toISOString().slice(0, 10)
}

const PEOPLE = [
  {
    waId: '5511970001001',
    lang: 'pt',
    says: 'Olá, quero saber quando chega o meu pedido, obrigado',
    attributes: { first_name: 'Ana', city: 'sao paulo' },
    expected: 'Ana, sua última compra foi há 3 dias. Loja: Paulista.',
  },
  {
    waId: '5511970001002',
    lang: 'es',
    says: 'Hola, quiero saber cuándo llega mi pedido, gracias',
    attributes: { first_name: 'Lucía', city: 'CAMPINAS' },
    expected: 'Lucía, sua última compra foi hace 3 días. Loja: Campinas.',
  },
  {
    waId: '5511970001003',
    lang: 'zh',
    says: '你好，我想知道我的订单什么时候到',
    attributes: { first_name: '伟', city: 'Niterói' },
    expected: '伟, sua última compra foi 3天前. Loja: Rio.',
  },
  {
    waId: '5511970001004',
    lang: 'en',
    says: 'Hi, I would like to know when my order arrives, thanks',
    attributes: { first_name: 'John', city: 'Recife' },
    expected: 'John, sua última compra foi 3 days ago. Loja: Paulista.',
  },
] as const

describe.each(ENGINES)('personalised quick replies on %s', (engine) => {
  let rt: TestRuntime
  let otherKey: string
  const ids: Record<string, string> = {}
  const storeIds: Record<string, string> = {}

  const preview = (key: string, json: Record<string, unknown> = {}, apiKey?: string) =>
    rt.api(`/api/v1/quick-replies/${key}/preview`, { method: 'POST', json, key: apiKey })
  const send = (json: Record<string, unknown>) => rt.api('/api/v1/messages', { method: 'POST', json })
  const putReply = async (key: string, body: string, defaults: Record<string, string> = {}) =>
    expect(
      (await rt.api(`/api/v1/quick-replies/${key}`, { method: 'PUT', json: { title: key, body, defaults } }))
        .status,
    ).toBe(200)
  const putLocale = async (json: Record<string, unknown>) => {
    const res = await rt.api('/api/v1/settings/locale', { method: 'PUT', json })
    expect(res.status, await res.clone().text()).toBe(200)
    return res.json()
  }
  const setAttributes = (id: string, attributes: Record<string, string>) =>
    rt.db.db.update(contacts).set({ attributes }).where(eq(contacts.id, id))
  const signed = (method: string, path: string, body?: unknown) => {
    const raw = body === undefined ? '' : JSON.stringify(body)
    const ts = String(Date.now())
    const pathAndQuery = `${path}${path.includes('?') ? '&' : '?'}portal_id=${PORTAL}`
    return rt.request(pathAndQuery, {
      method,
      body: raw || undefined,
      headers: {
        'content-type': 'application/json',
        'x-hubspot-signature-v3': hubspotSignatureV3(SECRET, method, `${PUBLIC}${pathAndQuery}`, raw, ts),
        'x-hubspot-request-timestamp': ts,
      },
    })
  }

  beforeAll(async () => {
    rt = await startTestRuntime(engine, { HUBSPOT_CLIENT_SECRET: SECRET, PUBLIC_URL: PUBLIC })
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    await rt.api('/api/v1/connections', { method: 'POST', json: { provider: 'hubspot', account_id: PORTAL } })
    otherKey = (
      await (await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Outra' } })).json()
    ).api_key
    for (const [name, store] of Object.entries({
      Paulista: { city: 'São Paulo', region: 'SP', country: 'BR', aliases: ['Bela Vista'] },
      Campinas: { city: 'Campinas', region: 'SP', country: 'BR', hours: 'Seg–Sáb 10h–22h' },
      Rio: { city: 'Rio de Janeiro', region: 'RJ', country: 'br', aliases: ['Niteroi'] },
    })) {
      const res = await rt.api('/api/v1/stores', {
        method: 'POST',
        json: { name, address: `Rua ${name}, 100`, ...store },
      })
      expect(res.status).toBe(201)
      storeIds[name] = (await res.json()).id
    }
    for (const p of PEOPLE) {
      await customerWrites(rt, NUMBER_A, { waId: p.waId, name: `Cliente ${p.lang}` }, p.says)
      ids[p.lang] = await contactIdOf(rt, `+${p.waId}`)
    }
  })
  afterAll(async () => rt?.close())

  it('writes the same reply in four languages, in the preview and in the sent message', async () => {
    await putLocale({ time_zone: SP, default_language: 'pt' })
    await putReply(
      'lembrete',
      '{{first_name}}, sua última compra foi {{last_purchase}}. Loja: {{nearest_store}}.',
    )
    for (const p of PEOPLE) {
      const id = ids[p.lang] as string
      await setAttributes(id, { ...p.attributes, last_purchase_at: dateInZone(SP, -3) })
      const res = await preview('lembrete', { contact_id: id })
      expect(res.status).toBe(200)
      const shown = await res.json()
      expect(shown).toMatchObject({
        key: 'lembrete',
        contact_id: id,
        text: p.expected,
        language: p.lang,
        missing: [],
        would_refuse: false,
      })
      expect(shown.variables.map((v: { name: string; source: string }) => `${v.name}:${v.source}`)).toEqual([
        'first_name:crm',
        'last_purchase:crm',
        'nearest_store:store',
      ])

      const sent = await send({
        contact_id: id,
        sender: 'agent',
        content: { type: 'quick_reply', key: 'lembrete' },
      })
      expect(sent.status).toBe(202)
      const [row] = await rt.db.db
        .select()
        .from(messages)
        .where(eq(messages.id, Number((await sent.json()).message_id)))
      expect(row?.text).toBe(p.expected)
      expect(row?.payload).toMatchObject({ body: p.expected, quick_reply: 'lembrete', language: p.lang })
    }
  })

  it("prefers the contact's own language to its messages' and given values to everything", async () => {
    const id = ids.pt as string
    await rt.db.db.update(contacts).set({ language: 'zh' }).where(eq(contacts.id, id))
    const shown = await (
      await preview('lembrete', { contact_id: id, variables: { nearest_store: 'Shopping' } })
    ).json()
    expect(shown.text).toBe('Ana, sua última compra foi 3天前. Loja: Shopping.')
    expect(shown.variables[2]).toEqual({ name: 'nearest_store', value: 'Shopping', source: 'given' })
    await rt.db.db.update(contacts).set({ language: null }).where(eq(contacts.id, id))
  })

  it("falls back to the reply's defaults, then the workspace's, and refuses only when nothing fills", async () => {
    await putReply('cupom', 'Oi {{first_name}}! Cupom {{coupon}} na loja {{nearest_store}}. {{signature}}', {
      coupon: 'BEMVINDO10',
    })
    const id = ids.pt as string
    await setAttributes(id, {})
    await rt.db.db.update(contacts).set({ name: null, profileName: null }).where(eq(contacts.id, id))
    await putLocale({
      time_zone: SP,
      default_language: 'pt',
      default_variables: { signature: 'Equipe Loja' },
    })

    const incomplete = await (await preview('cupom', { contact_id: id })).json()
    expect(incomplete).toMatchObject({
      text: 'Oi {{first_name}}! Cupom BEMVINDO10 na loja Paulista. Equipe Loja',
      missing: ['first_name'],
      would_refuse: true,
    })
    const refused = await send({ contact_id: id, content: { type: 'quick_reply', key: 'cupom' } })
    expect(refused.status).toBe(422)
    expect((await refused.json()).error).toMatchObject({ reason: 'quick_reply_variable_missing' })

    await putLocale({
      time_zone: SP,
      default_language: 'pt',
      default_variables: { signature: 'Equipe Loja', first_name: 'there' },
      default_variables_by_language: { pt: { first_name: 'cliente' } },
    })
    const filled = await (await preview('cupom', { contact_id: id })).json()
    expect(filled).toMatchObject({
      text: 'Oi cliente! Cupom BEMVINDO10 na loja Paulista. Equipe Loja',
      missing: [],
    })
    expect(filled.variables).toContainEqual({ name: 'first_name', value: 'cliente', source: 'default' })
    expect(filled.variables).toContainEqual({ name: 'coupon', value: 'BEMVINDO10', source: 'default' })
    const sent = await send({ contact_id: id, content: { type: 'quick_reply', key: 'cupom' } })
    expect(sent.status).toBe(202)
    expect((await sent.json()).message.text).toBe(
      'Oi cliente! Cupom BEMVINDO10 na loja Paulista. Equipe Loja',
    )

    // A number nobody stored yet previews as the new contact a send would create.
    const stranger = await (await preview('cupom', { phone: '+34 612 345 678' })).json()
    expect(stranger).toMatchObject({
      contact_id: null,
      language: 'pt',
      text: expect.stringContaining('Oi cliente!'),
    })
    // Without any contact, only defaults apply (the workspace's first store stands in).
    expect((await (await preview('cupom')).json()).missing).toEqual([])
  })

  it('sends what CRM fields say as text, never as more variables', async () => {
    const id = ids.es as string
    await setAttributes(id, { first_name: '{{coupon}} $& ', city: 'Campinas' })
    await putReply('eco', 'Hola {{first_name}} ({{store_hours}})')
    const sent = await send({ contact_id: id, content: { type: 'quick_reply', key: 'eco' } })
    expect((await sent.json()).message.text).toBe('Hola {{coupon}} $& (Seg–Sáb 10h–22h)')
  })

  it('counts "yesterday" in the workspace time zone', async () => {
    const id = ids.en as string
    await putReply('ultima', 'Last purchase: {{last_purchase}}')
    // An instant whose date differs between São Paulo and UTC, just before now in both.
    const now = new Date()
    const spToday = dateInZone(SP, 0)
    const utcToday = now.toISOString().slice(0, 10)
    const instant =
      spToday === utcToday
        ? new Date(`${spToday}T00:00:00-03:00`).getTime() - 60_000 // yesterday in São Paulo, today in UTC
        : new Date(`${utcToday}T00:00:00Z`).getTime() - 60_000 // today in São Paulo, yesterday in UTC
    await setAttributes(id, { last_purchase_at: new Date(instant).toISOString() })
    const inSaoPaulo = (await (await preview('ultima', { contact_id: id })).json()).text
    await putLocale({ time_zone: 'UTC', default_language: 'pt' })
    const inUtc = (await (await preview('ultima', { contact_id: id })).json()).text
    expect([inSaoPaulo, inUtc]).toEqual(
      spToday === utcToday
        ? ['Last purchase: yesterday', 'Last purchase: today']
        : ['Last purchase: today', 'Last purchase: yesterday'],
    )
  })

  it('manages stores and picks the nearest one by neighbourhood, city, region and country', async () => {
    const id = ids.zh as string
    await putReply('loja', '{{nearest_store}} — {{store_address}}')
    const at = async (attributes: Record<string, string>) => {
      await setAttributes(id, attributes)
      return (await (await preview('loja', { contact_id: id })).json()).text
    }
    expect(await at({ city: 'São Paulo', neighbourhood: 'bela vista' })).toBe('Paulista — Rua Paulista, 100')
    expect(await at({ city: 'Sorocaba', state: 'rj' })).toBe('Rio — Rua Rio, 100')

    const moved = await rt.api(`/api/v1/stores/${storeIds.Rio}`, {
      method: 'PUT',
      json: {
        name: 'Rio Centro',
        address: 'Av. Rio Branco, 1',
        city: 'Rio de Janeiro',
        region: 'RJ',
        country: 'BR',
      },
    })
    expect(moved.status).toBe(200)
    expect(await moved.json()).toMatchObject({ name: 'Rio Centro', country: 'BR', aliases: [], hours: null })
    expect(await at({ state: 'RJ' })).toBe('Rio Centro — Av. Rio Branco, 1')
    expect((await rt.api(`/api/v1/stores/${storeIds.Rio}`, { method: 'DELETE' })).status).toBe(200)
    expect(await at({ state: 'RJ' })).toBe('Paulista — Rua Paulista, 100')

    const list = await (await rt.api('/api/v1/stores')).json()
    expect(list.stores.map((s: { name: string }) => s.name)).toEqual(['Paulista', 'Campinas'])
    const bad = await rt.api('/api/v1/stores', {
      method: 'POST',
      json: { name: 'X', address: 'Y', country: 'Brasil' },
    })
    expect(bad.status).toBe(400)
    expect((await rt.api(`/api/v1/stores/${storeIds.Rio}`, { method: 'DELETE' })).status).toBe(404)
    // Another workspace sees none of these stores and cannot change them.
    expect((await (await rt.api('/api/v1/stores', { key: otherKey })).json()).stores).toEqual([])
    const foreign = await rt.api(`/api/v1/stores/${storeIds.Paulista}`, {
      method: 'PUT',
      key: otherKey,
      json: { name: 'Tomada', address: 'x' },
    })
    expect(foreign.status).toBe(404)
  })

  it('validates locale settings and keeps them per workspace', async () => {
    expect(
      (await rt.api('/api/v1/settings/locale', { method: 'PUT', json: { time_zone: 'Mars/Olympus' } }))
        .status,
    ).toBe(400)
    expect(
      (await rt.api('/api/v1/settings/locale', { method: 'PUT', json: { default_language: 'fr' } })).status,
    ).toBe(400)
    expect(await putLocale({ time_zone: 'america/sao_paulo' })).toMatchObject({
      time_zone: SP,
      default_language: 'en',
    })
    expect(await (await rt.api('/api/v1/settings/locale', { key: otherKey })).json()).toEqual({
      time_zone: 'UTC',
      default_language: 'en',
      default_variables: {},
      default_variables_by_language: {},
    })
  })

  it('lets a card preview but not change replies, stores or settings; other workspaces see nothing', async () => {
    const ok = await signed('POST', '/api/v1/quick-replies/lembrete/preview', { contact_id: ids.en })
    expect(ok.status).toBe(200)
    expect((await ok.json()).language).toBe('en')
    expect((await signed('PUT', '/api/v1/quick-replies/lembrete', { title: 't', body: 'b' })).status).toBe(
      403,
    )
    expect((await signed('GET', '/api/v1/stores')).status).toBe(403)
    expect((await signed('PUT', '/api/v1/settings/locale', {})).status).toBe(403)

    expect((await preview('lembrete', { contact_id: ids.en }, otherKey)).status).toBe(404)
    expect((await preview('nao-existe', { contact_id: ids.en })).status).toBe(404)
    expect((await preview('lembrete', { phone: 'not a phone' })).status).toBe(400)
    expect((await preview('lembrete', { phone: '+5511970001001', contact_id: ids.en })).status).toBe(400)
    const [stored] = await rt.db.db
      .select({ n: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.phoneE164, '+34612345678')))
    expect(stored).toBeUndefined()
  })
})
