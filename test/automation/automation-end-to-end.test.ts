import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'
import { customers } from './rules/rules-support'

/**
 * From what a customer writes to what the product answers: the default rule pack queues an
 * action, the automation worker sends it through the outbound queue and policy, in the
 * customer's language; a person taking over stops it.
 */
describe.each(ENGINES)('automation end to end (%s)', (engine) => {
  let rt: TestRuntime
  let customer: ReturnType<typeof customers>

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    await registerChannel(rt, NUMBER_A, 'BR')
    customer = customers(rt, '71')
    await rt.api('/api/v1/stores', {
      method: 'POST',
      json: {
        name: 'Loja Paulista',
        address: 'Av. Paulista 1000, São Paulo',
        city: 'São Paulo',
        country: 'BR',
      },
    })
  })
  afterAll(async () => {
    await rt?.close()
  })

  const outbound = (phone: string) =>
    queryRows<{ text: string; sender: string; kind: string }>(
      rt.db.db,
      sql`select m.text, m.sender, j.kind from messages m join send_jobs j on j.message_id = m.id
            join contacts c on c.id = m.contact_id where c.phone_e164 = ${phone} order by m.id`,
    )

  it("a new workspace's default rules tag and record, but send nothing until an admin switches sends on", async () => {
    expect(await (await rt.api('/api/v1/settings/automation')).json()).toEqual({ default_pack_sends: false })
    const quiet = customer('Marta')
    await quiet.says('Onde fica a loja mais próxima?')
    await rt.automationWorker.drain()
    expect(await outbound(quiet.phone)).toEqual([])
    // The rest of the pack is on: a request for a person is tagged at once.
    await quiet.says('Quero falar com um humano')
    expect(await quiet.tagKeys()).toContain('needs_agent')
    const runs = await (await rt.api('/api/v1/automation/runs?state=refused')).json()
    const held = runs.runs.filter((r: { outcome: string }) => r.outcome === 'automatic_sends_off')
    expect(held).toHaveLength(1)
    expect(held[0].rule_key).toBe('store_location')
    expect(held[0].result.message).toMatch(/Automatic sends from the default rules are off/)

    const on = await rt.api('/api/v1/settings/automation', {
      method: 'PUT',
      json: { default_pack_sends: true },
    })
    expect(await on.json()).toEqual({ default_pack_sends: true })
    const bad = await rt.api('/api/v1/settings/automation', {
      method: 'PUT',
      json: { default_pack_sends: 'yes' },
    })
    expect(bad.status).toBe(400)
    // A run held back stays held back: switching on does not send yesterday's answers late.
    await rt.automationWorker.drain()
    expect(await outbound(quiet.phone)).toEqual([])
  })

  it('answers a store-location question in the language the customer wrote in', async () => {
    const pt = customer('Rita')
    await pt.says('Onde fica a loja mais próxima?')
    const es = customer('Rosa')
    await es.says('¿Dónde está la tienda más cercana?')
    await rt.automationWorker.drain()
    const [ptReply] = await outbound(pt.phone)
    expect(ptReply).toMatchObject({ kind: 'automation', sender: 'automation' })
    expect(ptReply?.text).toContain('Nossa loja mais próxima: Loja Paulista')
    const [esReply] = await outbound(es.phone)
    expect(esReply?.text).toContain('Nuestra tienda más cercana')
  })

  it('answers shipping-cost and returns questions with the pack’s replies', async () => {
    const a = customer('Tiago')
    await a.says('Quanto fica o frete para Campinas?')
    const b = customer('Sofia')
    await b.says('Can I return the shoes if they do not fit? What is your return policy?')
    await rt.automationWorker.drain()
    expect((await outbound(a.phone))[0]?.text).toMatch(/^Frete: calculado pelo seu CEP/)
    expect((await outbound(b.phone))[0]?.text).toMatch(/^Returns and exchanges: within 30 days/)
  })

  it('a request for a human pauses automation: the next automated answer is refused with its reason', async () => {
    const c = customer('Paulo')
    await c.says('Quero falar com um humano, por favor')
    expect((await c.tagKeys()).includes('needs_agent')).toBe(true)
    await c.says('Onde fica a loja?')
    await rt.automationWorker.drain()
    expect(await outbound(c.phone)).toEqual([])
    const runs = await (await rt.api(`/api/v1/automation/runs?state=refused`)).json()
    const mine = runs.runs.filter(
      (r: { outcome: string; contact_id: string }) => r.outcome === 'automation_paused',
    )
    expect(mine.length).toBeGreaterThan(0)
  })
})
