import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../../support/test-runtime'
import { type Customer, customers } from './rules-support'

const blackFriday = {
  key: 'black_friday',
  name: 'Black Friday interest',
  position: 200,
  conditions: {
    all: [{ type: 'message', match: { text: { terms: { en: ['black friday'], pt: ['black friday'] } } } }],
  },
  actions: [{ type: 'add_tag', tag: 'bf_2025', label: 'Black Friday 2025' }],
}

describe.each(ENGINES)('rules API on %s', (engine) => {
  let rt: TestRuntime
  let customer: (name?: string) => Customer
  const rules = async () => (await (await rt.api('/api/v1/rules')).json()).rules

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    customer = customers(rt, '7300')
  })
  afterAll(async () => rt?.close())

  it('lists the default pack in evaluation order', async () => {
    const list = await rules()
    expect(list.map((r: { key: string }) => r.key).slice(0, 3)).toEqual([
      'welcome_back',
      'human_request',
      'complaint',
    ])
    expect(list.every((r: { builtin: boolean; enabled: boolean }) => r.builtin && r.enabled)).toBe(true)
    const lost = list.find((r: { key: string }) => r.key === 'lost')
    expect(lost).toMatchObject({ trigger: 'schedule', conditions: { all: [{ type: 'inactive', days: 60 }] } })
    expect((await (await rt.api(`/api/v1/rules/${lost.id}`)).json()).key).toBe('lost')
  })

  it('creates a rule that applies to the next message, and edits and disabling apply at once', async () => {
    const created = await rt.api('/api/v1/rules', { method: 'POST', json: blackFriday })
    expect(created.status).toBe(201)
    const rule = await created.json()
    expect(rule).toMatchObject({ key: 'black_friday', trigger: 'message', enabled: true, builtin: false })

    const first = customer()
    await first.says('Vai ter Black Friday esse ano?')
    const tag = (await first.thread()).tags.find((t: { key: string }) => t.key === 'bf_2025')
    expect(tag).toMatchObject({ label: 'Black Friday 2025', reason: { rule_key: 'black_friday' } })
    expect(tag.reason.note).toBe('their message matches "black friday"')

    const edited = {
      ...blackFriday,
      conditions: { all: [{ type: 'message', match: { text: { terms: { any: ['cyber monday'] } } } }] },
    }
    expect((await rt.api(`/api/v1/rules/${rule.id}`, { method: 'PUT', json: edited })).status).toBe(200)
    const second = customer()
    await second.says('Vai ter Black Friday esse ano?')
    expect(await second.tagKeys()).not.toContain('bf_2025')
    await second.says('E cyber monday?')
    expect(await second.tagKeys()).toContain('bf_2025')

    await rt.api(`/api/v1/rules/${rule.id}`, { method: 'PUT', json: { ...edited, enabled: false } })
    const third = customer()
    await third.says('E cyber monday?')
    expect(await third.tagKeys()).not.toContain('bf_2025')

    expect((await rt.api(`/api/v1/rules/${rule.id}`, { method: 'DELETE' })).status).toBe(200)
    expect((await rt.api(`/api/v1/rules/${rule.id}`)).status).toBe(404)
    // What the rule set stays on the contacts.
    expect(await first.tagKeys()).toContain('bf_2025')
  })

  it('a rule with stop keeps the rules after it from running on that message', async () => {
    const vip = {
      key: 'vip_desk',
      name: 'VIP desk',
      position: 1,
      stop: true,
      conditions: { all: [{ type: 'contact', field: 'attributes.customer_level', op: 'eq', value: 'gold' }] },
      actions: [{ type: 'add_tag', tag: 'vip_desk' }],
    }
    expect((await rt.api('/api/v1/rules', { method: 'POST', json: vip })).status).toBe(201)
    const regular = customer()
    await regular.says('Where is your store located?')
    expect((await regular.jobs()).map((j) => j.rule_key)).toEqual(['store_location'])

    const gold = customer()
    await gold.says('Oi')
    const { contact } = await gold.thread()
    await rt.db.db.execute(
      sql`update contacts set attributes = '{"customer_level":"gold"}' where id = ${contact.id}`,
    )
    await gold.says('Where is your store located?')
    expect(await gold.tagKeys()).toContain('vip_desk')
    // The tag is there already, so nothing changes, but the stop still holds.
    await gold.says('Where is my order?')
    expect(await gold.jobs()).toEqual([])
  })

  it('answers invalid rules with the validation envelope, naming the field', async () => {
    const bad = async (json: unknown) => {
      const res = await rt.api('/api/v1/rules', { method: 'POST', json })
      expect(res.status).toBe(400)
      const body = await res.json()
      expect(body.error.code).toBe('validation_failed')
      return body.error.message as string
    }
    expect(
      await bad({
        ...blackFriday,
        conditions: { all: [{ type: 'message', match: { text: { regex: '(a+' } } }] },
      }),
    ).toMatch(/^Invalid json: conditions\.all\.0\.match\.text\.regex: not a valid RE2 pattern/)
    expect(await bad({ ...blackFriday, conditions: { all: [] } })).toContain(
      'a rule needs at least one condition',
    )
    expect(await bad({ ...blackFriday, actions: [{ type: 'send_quick_reply' }] })).toContain('actions.0')
    expect(
      await bad({
        ...blackFriday,
        conditions: {
          all: [{ type: 'count', match: { intents: ['quote'] }, window: { days: 7 }, op: 'more', value: 3 }],
        },
      }),
    ).toContain('conditions.all.0.op')
    expect(
      (await rt.api('/api/v1/rules', { method: 'POST', json: { ...blackFriday, key: 'lost' } })).status,
    ).toBe(409)
  })

  it('dry-runs a rule against a text or a contact and says why', async () => {
    const price = (await rules()).find((r: { key: string }) => r.key === 'price_sensitive')
    const res = await rt.api('/api/v1/rules/test', {
      method: 'POST',
      json: { rule_id: price.id, text: 'Tem desconto? desconto no pix, desconto à vista, DESCONTO!' },
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      fires: true,
      blocked_by: null,
      trigger: 'message',
      explanation: '4 mentions of "desconto" in the last 30 days (needs > 3)',
      actions: [{ type: 'add_tag', tag: 'price_sensitive' }],
      message: { intent: 'price_discount', language: 'pt' },
    })

    const c = customer()
    await c.says('Tem desconto?')
    await c.says('desconto no pix?')
    const { contact } = await c.thread()
    const forContact = await (
      await rt.api('/api/v1/rules/test', {
        method: 'POST',
        json: { rule_id: price.id, contact_id: contact.id, text: 'e desconto à vista?' },
      })
    ).json()
    expect(forContact).toMatchObject({ fires: false, blocked_by: 'conditions' })
    expect(forContact.conditions[0].detail).toBe('3 mentions of "desconto" in the last 30 days (needs > 3)')

    const draft = await (
      await rt.api('/api/v1/rules/test', {
        method: 'POST',
        json: {
          rule: {
            conditions: { all: [{ type: 'message', match: { intents: ['store_location'] } }] },
            actions: [{ type: 'send_quick_reply', quick_reply: 'store_location' }],
          },
          text: '你们门店地址在哪',
        },
      })
    ).json()
    expect(draft).toMatchObject({ fires: true, actions: [{ type: 'send_quick_reply' }] })
    expect((await rt.api('/api/v1/rules/test', { method: 'POST', json: { text: 'hi' } })).status).toBe(400)
  })

  it('restores the default pack as shipped and runs the sweep on request', async () => {
    const lost = (await rules()).find((r: { key: string }) => r.key === 'lost')
    // A rule read with GET goes back with PUT as it is, read-only fields included.
    const changed = { ...lost, enabled: false, conditions: { all: [{ type: 'inactive', days: 90 }] } }
    expect((await rt.api(`/api/v1/rules/${lost.id}`, { method: 'PUT', json: changed })).status).toBe(200)
    const restored = await (await rt.api('/api/v1/rules/defaults', { method: 'POST' })).json()
    const back = restored.rules.find((r: { key: string }) => r.key === 'lost')
    expect(back).toMatchObject({
      id: lost.id,
      enabled: true,
      conditions: { all: [{ type: 'inactive', days: 60 }] },
    })

    const sweep = await rt.api('/api/v1/rules/sweep', { method: 'POST' })
    expect(sweep.status).toBe(200)
    expect(await sweep.json()).toEqual({ contacts: expect.any(Number), firings: expect.any(Number) })
  })

  it('keeps rules per workspace', async () => {
    const created = await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja Dois' } })
    const otherKey = (await created.json()).api_key
    const other = await (await rt.api('/api/v1/rules', { key: otherKey })).json()
    expect(other.rules).toHaveLength(18)
    const mine = (await rules())[0]
    expect((await rt.api(`/api/v1/rules/${mine.id}`, { key: otherKey })).status).toBe(404)
    expect((await rt.api(`/api/v1/rules/${mine.id}`, { key: otherKey, method: 'DELETE' })).status).toBe(404)
  })
})
