import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { Customer } from '../automation/rules/rules-support'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

/** A rule of the workspace's own that marks (or clears) churn risk on a word: the rule path the default pack takes. */
const churnRule = (key: string, word: string, atRisk: boolean) => ({
  key,
  name: key,
  trigger: 'message',
  conditions: { all: [{ type: 'message', match: { text: { terms: { any: [word] } } } }], any: [] },
  actions: [{ type: 'set_churn_risk', at_risk: atRisk }],
})

/**
 * Churn risk over time: every mark and recovery the rules make is kept (`churn_risk_changes`), the
 * churn report shows marks, recoveries and first-contact cohorts, and one person's trend is read
 * at GET /api/v1/contacts/{id}/churn.
 */
describe.each(ENGINES)('churn trend and cohorts (%s)', (engine) => {
  let rt: TestRuntime
  let today: string
  const ana = () => new Customer(rt, '5511900000201', 'Ana')
  const bia = () => new Customer(rt, '5511900000202', 'Bia')

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    await registerChannel(rt, NUMBER_A, 'BR')
    for (const rule of [
      churnRule('mark_churn', 'cancelar', true),
      churnRule('clear_churn', 'voltei', false),
    ]) {
      const res = await rt.api('/api/v1/rules', { method: 'POST', json: rule })
      expect(res.status, await res.clone().text()).toBe(201)
    }
    today = new Date().toISOString().slice(0, 10)
  })
  afterAll(async () => {
    await rt?.close()
  })

  const history = (phone: string) =>
    queryRows<{ at_risk: boolean; rule: string }>(
      rt.db.db,
      sql`select h.at_risk, h.reason ->> 'ruleKey' as rule from churn_risk_changes h
            join contacts c on c.id = h.contact_id where c.phone_e164 = ${phone} order by h.at, h.id`,
    )

  it('keeps each change of state once: a mark, a repeated mark (no change), a recovery', async () => {
    await ana().says('Vou cancelar minha assinatura')
    await ana().says('Quero cancelar mesmo')
    await ana().says('Voltei, deu tudo certo')
    await bia().says('Preciso cancelar o pedido')
    expect(await history(ana().phone)).toEqual([
      { at_risk: true, rule: 'mark_churn' },
      { at_risk: false, rule: 'clear_churn' },
    ])
    expect(await history(bia().phone)).toEqual([{ at_risk: true, rule: 'mark_churn' }])
  })

  it('the churn report shows marks, recoveries, who is still at risk, and the first-contact cohort', async () => {
    const res = await rt.api(`/api/v1/reports/churn?from=${today}&to=${today}&group_by=day&time_zone=UTC`)
    expect(res.status).toBe(200)
    const report = await res.json()
    expect(report.at_risk_now).toBe(1)
    expect(report.rows).toEqual([
      { group: today, became_at_risk: 1, average_sentiment: expect.any(Number), marked: 2, recovered: 1 },
    ])
    expect(report.cohorts).toEqual([
      { cohort: today.slice(0, 7), contacts: 2, ever_at_risk: 2, at_risk_now: 1, recovered: 1 },
    ])
    // A period before anyone wrote: nothing.
    const empty = await (await rt.api('/api/v1/reports/churn?from=2020-01-01&to=2020-01-31')).json()
    expect(empty).toMatchObject({ at_risk_now: 1, rows: [], cohorts: [] })
    const csv = await rt.api(`/api/v1/reports/churn?from=${today}&to=${today}`, {
      headers: { accept: 'text/csv' },
    })
    expect((await csv.text()).split('\n')[0]).toBe('group,became_at_risk,average_sentiment,marked,recovered')
  })

  it("reads one person's trend: the mark now, the history, twelve weeks of interaction", async () => {
    const { contact } = await ana().thread()
    const res = await rt.api(`/api/v1/contacts/${contact.id}/churn`)
    expect(res.status).toBe(200)
    const trend = await res.json()
    expect(trend).toMatchObject({ at_risk: false, since: null, reason: null })
    expect(trend.history.map((h: { at_risk: boolean }) => h.at_risk)).toEqual([true, false])
    expect(trend.history[0].reason).toMatchObject({ ruleKey: 'mark_churn' })
    expect(trend.weeks).toHaveLength(12)
    expect(trend.weeks.at(-1)).toMatchObject({ inbound: 3, outbound: 0 })
    expect(trend.weeks.slice(0, 11).every((w: { inbound: number }) => w.inbound === 0)).toBe(true)

    const { contact: other } = await bia().thread()
    const bias = await (await rt.api(`/api/v1/contacts/${other.id}/churn?weeks=4`)).json()
    expect(bias).toMatchObject({ at_risk: true, reason: { ruleKey: 'mark_churn' } })
    expect(bias.weeks).toHaveLength(4)
  })

  it('refuses an unknown contact and a bad number of weeks', async () => {
    expect((await rt.api('/api/v1/contacts/00000000-0000-4000-8000-000000000000/churn')).status).toBe(404)
    const { contact } = await ana().thread()
    expect((await rt.api(`/api/v1/contacts/${contact.id}/churn?weeks=0`)).status).toBe(400)
    expect((await rt.api('/api/v1/contacts/not-a-uuid/churn')).status).toBe(400)
  })
})
