import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sweepRules } from '../../../backend/src/automation/rules/sweep'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../../support/test-runtime'
import { type Customer, customers, DAY, HOUR, MINUTE, SECOND, wholeSecond } from './rules-support'

/**
 * What changes with time alone: the sweep (schedule rules, metrics) run with a given clock, and the
 * churn rule on a new message. Each test uses its own contacts; a sweep with a later clock leaves
 * earlier contacts looked at "in the future", so they stay out of later sweeps.
 */
describe.each(ENGINES)('rules sweep and churn risk on %s', (engine) => {
  let rt: TestRuntime
  let customer: (name?: string) => Customer
  const T = wholeSecond(Date.now() - MINUTE)
  const at = (offset: number) => new Date(T.getTime() + offset)
  const sweepAt = (offset: number) => sweepRules(rt.db.db, { now: at(offset) })

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    customer = customers(rt, '7200')
  })
  afterAll(async () => rt?.close())

  /** `n` conversations, every 2 days back from 8 days ago: the 4 weeks before the last 7 days. */
  async function busyMonth(c: Customer, n: number, last = 'Oi, tudo bem?') {
    for (let i = n - 1; i >= 0; i--)
      await c.says(i === 0 ? last : 'Oi, tudo bem?', at(-8 * DAY - i * 2 * DAY))
  }

  it('metrics: activity score, inquiry frequency, messages in 30 days and median response time', async () => {
    const c = customer()
    await c.says('Oi, tudo bem?', new Date(Date.now() - 10 * MINUTE))
    const sent = await rt.api('/api/v1/messages', {
      method: 'POST',
      json: { phone: c.phone, content: { type: 'text', text: 'Olá! Em que posso ajudar?' }, sender: 'agent' },
    })
    expect(sent.status).toBe(202)
    await c.says('Queria saber do meu pedido')
    const { contact } = await c.thread()
    // One conversation (two messages 10 min apart), today: 60 × e^0 + 40 × 1/8.
    expect(contact).toMatchObject({ activity_score: 65, messages_30d: 3 })
    expect(contact.inquiry_frequency).toBeCloseTo(0.23, 2)
    expect(contact.median_response_seconds).toBeGreaterThanOrEqual(599)
    expect(contact.median_response_seconds).toBeLessThan(660)
    expect(contact.metrics_at).not.toBeNull()
  })

  it('lost after more than 60 days without a message: not at 60 d − 1 s, at 60 d + 1 s; back when they write', async () => {
    const c = customer()
    await c.says('Oi, tudo bem?', at(0))
    await sweepAt(60 * DAY - SECOND)
    expect((await c.thread()).contact.segment.value).toBe('potential')
    expect(await c.tagKeys()).not.toContain('lost')

    const swept = await sweepAt(60 * DAY + SECOND)
    expect(swept.contacts).toBeGreaterThanOrEqual(1)
    const view = await c.thread()
    expect(view.contact.segment).toMatchObject({ value: 'lost', why: { rule_key: 'lost' } })
    expect(view.contact.priority).toMatchObject({
      value: 'low',
      reason: 'no message from them for 60 days (needs more than 60)',
    })
    expect(view.tags.map((t: { key: string }) => t.key)).toContain('lost')
    await sweepAt(61 * DAY)
    expect(await c.firings('lost')).toHaveLength(1)

    await c.says('Oi, voltei! Ainda têm aquele tênis?', at(MINUTE))
    const back = await c.thread()
    expect(back.tags.map((t: { key: string }) => t.key)).not.toContain('lost')
    expect(back.contact.priority.value).toBe('normal')
    expect(back.contact.segment.value).toBe('potential')
  })

  it('potential: a weekly follow-up task for 1–2 conversations in 30 days, not for 3', async () => {
    const two = customer()
    await two.says('Oi, tudo bem?', at(-2 * DAY))
    await two.says('Vocês abrem sábado?', at(-HOUR))
    const three = customer()
    for (const offset of [-3 * DAY, -2 * DAY, -HOUR]) await three.says('Oi, tudo bem?', at(offset))
    expect((await two.thread()).contact.segment.value).toBe('potential')
    expect(await two.tasks()).toEqual([])

    // A day after they were last looked at (ingest refreshed them): due again.
    await sweepAt(DAY + 10 * MINUTE)
    const [task] = await two.tasks()
    expect(task).toMatchObject({
      title: 'Weekly follow-up',
      reason: {
        ruleKey: 'potential_follow_up',
        note: 'segment is "potential" (needs eq "potential"); 2 conversations in the last 30 days (needs 1–2)',
      },
    })
    expect(await three.tasks()).toEqual([])

    await sweepAt(3 * DAY)
    expect(await two.tasks()).toHaveLength(1)
    await sweepAt(8 * DAY + 20 * MINUTE)
    expect(await two.tasks()).toHaveLength(2)
  })

  it('churn risk on a new message: ~3 conversations a week falling to 1 with a negative message; 15 % code once', async () => {
    const c = customer()
    await busyMonth(c, 12)
    await c.says('Péssimo atendimento, estou muito decepcionado', at(-3 * HOUR))
    const view = await c.thread()
    expect(view.tags.map((t: { key: string }) => t.key)).toContain('churn_risk')
    expect(view.contact.segment.value).toBe('at_risk')
    expect(view.contact.churn_risk).toMatchObject({
      at_risk: true,
      at: at(-3 * HOUR).toISOString(),
      why: { rule_key: 'churn_risk' },
    })
    expect(view.contact.churn_risk.reason).toMatch(
      /^3 conversations a week over the 4 weeks before, 1 in the last 7 days \(needs ≥ 2.5 then ≤ 1\); their message matches sentiment 0\.\d+ < 0.3$/,
    )
    const winback = {
      type: 'send_discount_code',
      pool: 'discount_15',
      quick_reply: 'winback_offer',
      outside_window_template: {
        template: 'winback_offer',
        parameters: ['{{first_name}}', '{{discount_code}}'],
      },
    }
    expect((await c.jobs()).map((j) => j.action)).toEqual([winback])

    await c.says('Obrigado, resolveram tudo! Adorei 😍', at(0))
    const recovered = await c.thread()
    expect(recovered.contact.churn_risk).toBeNull()
    expect(recovered.tags.map((t: { key: string }) => t.key)).not.toContain('churn_risk')
    expect(recovered.contact.segment.value).toBe('potential')
  })

  it('no churn risk below the baseline rate (9 conversations in 4 weeks) or without a negative message', async () => {
    const slow = customer()
    await busyMonth(slow, 9)
    await slow.says('Péssimo atendimento, estou muito decepcionado', at(0))
    expect((await slow.thread()).contact.churn_risk).toBeNull()

    const calm = customer()
    await busyMonth(calm, 12)
    await calm.says('Oi, tudo bem?', at(0))
    expect((await calm.thread()).contact.churn_risk).toBeNull()
  })

  it('churn risk by the sweep: a busy customer whose last message was negative goes quiet', async () => {
    const c = customer()
    await busyMonth(c, 12, 'Horrível, o produto veio quebrado')
    expect((await c.thread()).contact.churn_risk).toBeNull()
    await sweepAt(DAY + 10 * MINUTE)
    const view = await c.thread()
    expect(view.contact.churn_risk).toMatchObject({ at_risk: true, at: at(DAY + 10 * MINUTE).toISOString() })
    expect(view.contact.churn_risk.reason).toMatch(/, 0 in the last 7 days/)
    expect((await c.jobs()).map((j) => j.action.pool)).toEqual(['discount_15'])
  })
})
