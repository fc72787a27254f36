import { errorEnvelopeSchema } from '@scrm/shared'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { customerWrites } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

describe.each(ENGINES)('monthly product suggestions (%s)', (engine) => {
  let rt: TestRuntime
  let keyA: string
  let keyB: string
  let seq = 0
  const write = (body: string, at: string) => {
    seq += 1
    return customerWrites(
      rt,
      NUMBER_A,
      { waId: `5511976${String(400000 + seq)}`, name: `Cliente ${seq}` },
      body,
      new Date(at),
    )
  }
  const report = async (query: string, key = keyA) => {
    const res = await rt.api(`/api/v1/reports/product-suggestions?${query}`, { key })
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(200)
    return body
  }
  /** What the classifier stored: the report's negatives must equal these. */
  const negativesOf = async (like: string, from: string, to: string) =>
    (
      await queryRows<{ all: number; negative: number }>(
        rt.db.db,
        sql`select count(*)::int as all, count(*) filter (where intent = 'complaint' or sentiment < 0.3)::int as negative
            from messages where direction = 'inbound' and lower(text) like ${like}
              and sent_at >= ${from}::timestamptz and sent_at < ${to}::timestamptz`,
      )
    )[0]

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    const a = await (await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja A' } })).json()
    const b = await (await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja B' } })).json()
    keyA = a.api_key
    keyB = b.api_key
    expect((await registerChannel(rt, NUMBER_A, 'BR', keyA)).status).toBe(201)
    for (const [sku, name, aliases] of [
      ['TN-1', 'Tênis Runner', ['runner']],
      ['CM-2', 'Camiseta Básica', ['camiseta']],
    ] as const) {
      const res = await rt.api(`/api/v1/catalog/${sku}`, {
        method: 'PUT',
        key: keyA,
        json: { name, aliases },
      })
      expect(res.status).toBe(200)
    }
    await write('Achei o runner muito caro', '2026-10-20T15:00:00Z')
    for (let i = 0; i < 5; i++)
      await write('Achei o runner muito caro, caro demais', `2026-11-0${2 + i}T15:00:00Z`)
    await write('Minha camiseta veio rasgada, péssima qualidade, quero devolver', '2026-11-10T15:00:00Z')
    await write('A camiseta tem tamanho G?', '2026-11-11T15:00:00Z')
    await write('Bom dia, qual o horário da loja?', '2026-11-12T15:00:00Z')
  })
  afterAll(async () => rt?.close())

  it('ranks the products customers complain about, with their phrases, trend, theme and a suggestion', async () => {
    const body = await report('month=2026-11')
    expect(body).toMatchObject({ time_zone: 'UTC', month: '2026-11', previous_month: '2026-10' })
    expect(body.rows.map((r: { sku: string }) => r.sku).sort()).toEqual(['CM-2', 'TN-1'])
    const runner = body.rows.find((r: { sku: string }) => r.sku === 'TN-1')
    const expected = await negativesOf('%runner%', '2026-11-01', '2026-12-01')
    const before = await negativesOf('%runner%', '2026-10-01', '2026-11-01')
    expect(runner).toMatchObject({
      name: 'Tênis Runner',
      messages: 5,
      negative: expected?.negative,
      previous_negative: before?.negative,
    })
    expect(runner.phrases[0]).toMatchObject({ kind: 'phrase', messages: 5 })
    expect(runner.phrases.map((p: { term: string }) => p.term)).toContain('muito caro')
    expect(runner.theme).toBe('price')
    expect(runner.suggestion).toMatch(/^Customers call Tênis Runner expensive/)
    const shirt = body.rows.find((r: { sku: string }) => r.sku === 'CM-2')
    expect(shirt).toMatchObject({ name: 'Camiseta Básica', messages: 2 })
    // Most negative first: the order follows the stored intents and sentiments.
    const negatives = body.rows.map((r: { negative: number }) => r.negative)
    expect(negatives).toEqual([...negatives].sort((x, y) => y - x))
    // A message that names no product is in no row.
    expect(JSON.stringify(body)).not.toMatch(/horário/)
  })

  it('answers words on request, limits, an empty month, nothing to another workspace, and 400s', async () => {
    const words = await report('month=2026-11&kind=word&products=1&terms=2')
    expect(words.rows).toHaveLength(1)
    expect(words.rows[0].phrases.length).toBeLessThanOrEqual(2)
    expect(words.rows[0].phrases.every((p: { kind: string }) => p.kind === 'word')).toBe(true)
    expect((await report('month=2026-09')).rows).toEqual([])
    expect((await report('month=2026-11', keyB)).rows).toEqual([])
    for (const q of [
      'month=2026-13',
      'month=2026-11&products=0',
      'month=nov',
      'month=2026-11&kind=mention',
    ]) {
      const res = await rt.api(`/api/v1/reports/product-suggestions?${q}`, { key: keyA })
      expect(res.status, q).toBe(400)
      expect(errorEnvelopeSchema.safeParse(await res.json()).success).toBe(true)
    }
  })
})
