import { errorEnvelopeSchema } from '@scrm/shared'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { change, contactOf, envelope, inbound, type Sender, text } from '../simulators/whatsapp/envelopes'
import { contactIdOf, deliverPayload } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

/** Local days in São Paulo (UTC−3): 01:30 UTC on the 17th is still the 16th there. */
const at = (isoUtc: string) => new Date(isoUtc)
const PERIOD = 'from=2026-11-10&to=2026-11-16'

describe.each(ENGINES)('keywords report (%s)', (engine) => {
  let rt: TestRuntime
  let keyA: string
  let keyB: string
  let seq = 0

  const write = async (sender: Sender, body: string, when: Date, id?: string) =>
    deliverPayload(
      rt,
      envelope([
        {
          wabaId: NUMBER_A.wabaId,
          changes: [
            change(NUMBER_A, { contacts: [contactOf(sender)], messages: [text(sender, body, when, id)] }),
          ],
        },
      ]),
    )
  const other = async (sender: Sender, type: 'edit' | 'revoke', body: Record<string, unknown>, when: Date) =>
    deliverPayload(
      rt,
      envelope([
        {
          wabaId: NUMBER_A.wabaId,
          changes: [
            change(NUMBER_A, {
              contacts: [contactOf(sender)],
              messages: [inbound(sender, type, body, when)],
            }),
          ],
        },
      ]),
    )
  const customer = (): Sender => {
    seq += 1
    return { waId: `55119876${String(50000 + seq)}`, name: `Cliente ${seq}` }
  }
  const report = async (query: string, key = keyA) => {
    const res = await rt.api(`/api/v1/reports/keywords?${query}`, { key })
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(200)
    return body
  }
  const row = (
    body: { rows: { kind: string; term: string; messages: number }[] },
    kind: string,
    term: string,
  ) => body.rows.find((r) => r.kind === kind && r.term === term)
  const stored = async (term: string) =>
    queryRows<{ n: number }>(
      rt.db.db,
      sql`select count(*)::int as n from analytics_keywords where term like ${`%${term}%`}`,
    ).then((r) => r[0]?.n)

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    const a = await (await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja A' } })).json()
    const b = await (await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja B' } })).json()
    keyA = a.api_key
    keyB = b.api_key
    expect((await registerChannel(rt, NUMBER_A, 'BR', keyA)).status).toBe(201)
    const zone = await rt.api('/api/v1/settings/locale', {
      method: 'PUT',
      key: keyA,
      json: { time_zone: 'America/Sao_Paulo' },
    })
    expect(zone.status).toBe(200)
    // The week before: shipping is the talk of the week.
    for (let i = 0; i < 4; i++)
      await write(customer(), 'Quanto custa o frete para Recife?', at(`2026-11-0${4 + i}T15:00:00Z`))
    await write(customer(), 'Achei muito caro esse tênis', at('2026-11-05T15:00:00Z'))
    // The week asked about: the price is.
    for (let i = 0; i < 5; i++)
      await write(customer(), 'O tênis está muito caro, tem desconto?', at(`2026-11-1${1 + i}T15:00:00Z`))
    await write(customer(), 'Quanto custa o frete?', at('2026-11-12T15:00:00Z'))
    // 01:30 UTC on the 17th is 22:30 on the 16th in São Paulo: inside the period.
    await write(customer(), '这个运费太贵了，可以便宜一点吗', at('2026-11-17T01:30:00Z'))
    // 03:30 UTC on the 17th is the 17th there: outside.
    await write(customer(), 'Quero trocar o xilofone', at('2026-11-17T03:30:00Z'))
  })
  afterAll(async () => rt?.close())

  it('lists the top words and phrases with their counts, share and trend against the week before', async () => {
    const body = await report(`${PERIOD}&limit=20`)
    expect(body).toMatchObject({
      time_zone: 'America/Sao_Paulo',
      from: '2026-11-10',
      to: '2026-11-16',
      group_by: 'none',
      previous_from: '2026-11-03',
      previous_to: '2026-11-09',
      customer_messages: 7,
    })
    expect(row(body, 'word', 'caro')).toMatchObject({
      group: 'all',
      messages: 5,
      previous_messages: 1,
      change: 4,
      trend: 'rising',
      share: 0.7143,
    })
    expect(row(body, 'phrase', 'muito caro')).toMatchObject({
      messages: 5,
      previous_messages: 1,
      trend: 'rising',
    })
    expect(row(body, 'word', 'frete')).toMatchObject({
      messages: 1,
      previous_messages: 4,
      trend: 'falling',
      change: -0.75,
    })
    expect(row(body, 'word', '运费')).toMatchObject({ messages: 1, trend: 'new', change: null })
    expect(row(body, 'word', 'xilofone')).toBeUndefined()
    // Words first, each kind most used first.
    const words = body.rows.filter((r: { kind: string }) => r.kind === 'word')
    expect(words[0]).toMatchObject({ term: expect.stringMatching(/^(caro|tênis)$/), messages: 5 })
    expect(body.rows.findIndex((r: { kind: string }) => r.kind === 'phrase')).toBe(words.length)
    for (const r of body.rows) expect(r.term).not.toMatch(/muito$|^o |\d/)
  })

  it('groups by language, filters by kind and language, limits, and answers CSV', async () => {
    const byLanguage = await report(`${PERIOD}&group_by=language&kind=word`)
    expect(new Set(byLanguage.rows.map((r: { group: string }) => r.group))).toContain('zh')
    expect(byLanguage.rows.every((r: { kind: string }) => r.kind === 'word')).toBe(true)
    const zh = await report(`${PERIOD}&language=zh&kind=phrase`)
    expect(zh.rows.length).toBeGreaterThan(0)
    expect(zh.rows.every((r: { term: string }) => /\p{Script=Han}/u.test(r.term))).toBe(true)
    const one = await report(`${PERIOD}&limit=1`)
    expect(one.rows.map((r: { kind: string }) => r.kind)).toEqual(['word', 'phrase'])

    const csv = await rt.api(`/api/v1/reports/keywords?${PERIOD}&limit=3`, {
      key: keyA,
      headers: { accept: 'text/csv' },
    })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/)
    const lines = (await csv.text()).trim().split(/\r?\n/)
    expect(lines[0]).toBe('group,kind,term,messages,share,previous_messages,change,trend')
    expect(lines).toHaveLength(7)
  })

  it('follows an edit and a revoke, and forgets an erased person’s words', async () => {
    const editor = customer()
    await write(editor, 'O tênis ficou caro demais', at('2026-11-14T18:00:00Z'), 'wamid.KWEDIT0001')
    expect(row(await report(PERIOD), 'word', 'caro')?.messages).toBe(6)
    await other(
      editor,
      'edit',
      {
        edit: {
          original_message_id: 'wamid.KWEDIT0001',
          message: { type: 'text', text: { body: 'Tudo certo, obrigado' } },
        },
      },
      at('2026-11-14T18:05:00Z'),
    )
    const afterEdit = await report(PERIOD)
    expect(row(afterEdit, 'word', 'caro')?.messages).toBe(5)
    expect(row(afterEdit, 'word', 'certo')?.messages).toBe(1)

    const revoker = customer()
    await write(revoker, 'Muito caro mesmo', at('2026-11-15T18:00:00Z'), 'wamid.KWREVOKE01')
    expect(row(await report(PERIOD), 'word', 'caro')?.messages).toBe(6)
    await other(
      revoker,
      'revoke',
      { revoke: { original_message_id: 'wamid.KWREVOKE01' } },
      at('2026-11-15T18:01:00Z'),
    )
    expect(row(await report(PERIOD), 'word', 'caro')?.messages).toBe(5)

    expect(await stored('xilofone')).toBeGreaterThan(0)
    const erased = await contactIdOf(
      rt,
      `+${(await queryRows<{ wa_id: string }>(rt.db.db, sql`select wa_id from contacts where id = (select contact_id from messages where text like '%xilofone%')`))[0]?.wa_id}`,
      keyA,
    )
    const res = await rt.api(`/api/v1/contacts/${erased}/erase`, {
      method: 'POST',
      key: keyA,
      json: { confirm: 'erase' },
    })
    expect(res.status).toBe(200)
    expect(await stored('xilofone')).toBe(0)
    expect(row(await report(PERIOD), 'word', 'caro')?.messages).toBe(5)
  })

  it('shows another workspace nothing, and refuses a foreign zone and bad parameters with the envelope', async () => {
    expect((await report(PERIOD, keyB)).rows).toEqual([])
    for (const q of [
      `${PERIOD}&time_zone=Asia/Tokyo`,
      `${PERIOD}&limit=0`,
      `${PERIOD}&kind=emoji`,
      'from=2026-11-16&to=2026-11-10',
    ]) {
      const res = await rt.api(`/api/v1/reports/keywords?${q}`, { key: keyA })
      expect(res.status, q).toBe(400)
      const body = await res.json()
      expect(errorEnvelopeSchema.safeParse(body).success).toBe(true)
      expect(body.error.code).toBe('validation_failed')
    }
    expect((await report(`${PERIOD}&time_zone=America/Sao_Paulo`)).rows.length).toBeGreaterThan(0)
  })
})
