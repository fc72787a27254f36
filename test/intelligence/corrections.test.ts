import { threadViewSchema } from '@scrm/shared'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { ACCURACY_MIN_REVIEWS } from '../../backend/src/intelligence/intent-accuracy'
import { createLogger } from '../../backend/src/lib/logger'
import { customerWrites } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import {
  NUMBER_A,
  NUMBER_B,
  registerChannel,
  startTestRuntime,
  type TestRuntime,
} from '../support/test-runtime'

/**
 * Reps' corrections, end to end: the webhook → ingest path classifies, a rep corrects through the
 * API the cards call, the workspace's layer retrains, and the next messages read differently in
 * that workspace only. The accuracy alert pauses an intent's automations until an admin confirms.
 */
describe.each(ENGINES)('rep corrections and the per-workspace intent layer on %s', (engine) => {
  let rt: TestRuntime
  let keyB: string
  let n = 0

  /** A new customer of workspace A (admin key) or B writes `text`; answers the stored message. */
  async function write(
    workspace: 'A' | 'B',
    text: string,
  ): Promise<{
    id: number
    phone: string
    intent: { value: string; confidence: number; suggestion?: boolean }
  }> {
    n += 1
    const waId = `5511987${workspace === 'A' ? '1' : '2'}${String(n).padStart(5, '0')}`
    await customerWrites(rt, workspace === 'A' ? NUMBER_A : NUMBER_B, { waId, name: 'Cliente' }, text)
    const res = await rt.api(`/api/v1/thread?phone=%2B${waId}`, { key: workspace === 'A' ? undefined : keyB })
    const view = threadViewSchema.parse(await res.json())
    const m = view.messages.at(-1)
    if (!m?.intent) throw new Error(`no intent on ${text}`)
    return { id: Number(m.id), phone: `+${waId}`, intent: m.intent }
  }

  const correct = (id: number, value: string, key?: string, field = 'intent') =>
    rt.api(`/api/v1/messages/${id}/corrections`, {
      method: 'POST',
      key,
      json: { field, value, rep: 'ana@loja' },
    })

  const logged: { msg: string; intent?: string; accuracy?: number }[] = []

  beforeAll(async () => {
    rt = await startTestRuntime(
      engine,
      {},
      createLogger('warn', { write: (line: string) => void logged.push(JSON.parse(line)) }),
    )
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    const created = await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja B' } })
    keyB = (await created.json()).api_key
    expect((await registerChannel(rt, NUMBER_B, 'BR', keyB)).status).toBe(201)
  }, 120_000)
  afterAll(async () => rt?.close())

  it('stores a correction with who and when, shows it on the thread as a fact and lists it', async () => {
    const m = await write('A', 'o tênis branco tem no 39?')
    expect(m.intent.value).toBe('product_inquiry')
    const res = await correct(m.id, 'purchase_intent')
    expect(res.status).toBe(200)
    const { correction, paused } = await res.json()
    expect(paused).toBe(false)
    expect(correction).toMatchObject({
      message_id: m.id,
      field: 'intent',
      predicted: 'product_inquiry',
      value: 'purchase_intent',
      agreed: false,
      rep: 'ana@loja',
    })
    expect(correction.corrected_by).toMatch(/^platform:[0-9a-f-]{36}$/)
    expect(Date.now() - Date.parse(correction.corrected_at)).toBeLessThan(60_000)

    const view = threadViewSchema.parse(
      await (await rt.api(`/api/v1/thread?phone=${encodeURIComponent(m.phone)}`)).json(),
    )
    expect(view.messages.at(-1)?.intent).toEqual({
      value: 'purchase_intent',
      confidence: 1,
      suggestion: false,
    })

    // Correcting again keeps the model's original prediction; sentiment is its own correction.
    const again = await (await correct(m.id, 'product_inquiry')).json()
    expect(again.correction).toMatchObject({
      predicted: 'product_inquiry',
      value: 'product_inquiry',
      agreed: true,
    })
    expect((await correct(m.id, 'negative', undefined, 'sentiment')).status).toBe(200)
    const after = threadViewSchema.parse(
      await (await rt.api(`/api/v1/thread?phone=${encodeURIComponent(m.phone)}`)).json(),
    )
    expect(after.messages.at(-1)?.sentiment).toBeLessThan(0.4)

    const list = await (await rt.api('/api/v1/corrections?limit=10')).json()
    expect(list.corrections.map((c: { field: string; value: string }) => [c.field, c.value])).toEqual([
      ['sentiment', 'negative'],
      ['intent', 'product_inquiry'],
    ])
    // Workspace B sees none of A's corrections and cannot correct A's message.
    expect((await (await rt.api('/api/v1/corrections', { key: keyB })).json()).corrections).toEqual([])
    expect((await correct(m.id, 'other', keyB)).status).toBe(404)
  }, 120_000)

  it('rejects values that are not an intent or a sentiment, and our own messages', async () => {
    const m = await write('A', 'qual o horário de vocês no domingo?')
    const bad = await correct(m.id, 'refund_please')
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.code).toBe('validation_failed')
    expect((await correct(m.id, 'neutral')).status).toBe(400)
    expect((await correct(999_999_999, 'other')).status).toBe(404)
  }, 120_000)

  it("changes the workspace's own predictions within one retrain and never another workspace's", async () => {
    // In this bakery "encomenda" is a cake to order, not a parcel: the reps say it is a purchase.
    const taught = [
      'vocês aceitam encomenda de bolo de aniversário?',
      'aceitam encomenda de bolo?',
      'fazem bolo de aniversário por encomenda?',
    ]
    for (const text of taught) {
      const m = await write('A', text)
      expect(m.intent.value).not.toBe('purchase_intent')
      expect((await correct(m.id, 'purchase_intent')).status).toBe(200)
    }
    const before = await write('A', 'vocês fazem bolo de aniversário sob encomenda?')
    expect(before.intent.value).not.toBe('purchase_intent')

    const retrained = await rt.api('/api/v1/intelligence/retrain', { method: 'POST' })
    expect(retrained.status).toBe(200)
    expect((await retrained.json()).examples).toBe(taught.length + 1) // + the first test's message

    const inA = await write('A', 'vocês fazem bolo de aniversário sob encomenda?')
    expect(inA.intent.value).toBe('purchase_intent')
    const inB = await write('B', 'vocês fazem bolo de aniversário sob encomenda?')
    expect(inB.intent).toEqual(before.intent)

    // POST /classify and rule dry-runs answer what the workspace's own messages get.
    const text = 'vocês fazem bolo de aniversário sob encomenda?'
    const classify = async (key?: string) =>
      (await rt.api('/api/v1/classify', { method: 'POST', key, json: { text } })).json()
    expect((await classify()).intent).toBe('purchase_intent')
    expect((await classify(keyB)).intent).toBe(before.intent.value)
    const dryRun = async (key?: string) =>
      (
        await rt.api('/api/v1/rules/test', {
          method: 'POST',
          key,
          json: {
            text,
            rule: {
              conditions: {
                all: [{ type: 'message', match: { intents: ['purchase_intent'], min_confidence: 0.5 } }],
              },
              actions: [{ type: 'add_tag', tag: 'wants_cake', label: 'Wants a cake' }],
            },
          },
        })
      ).json()
    const dryA = await dryRun()
    expect(dryA).toMatchObject({ fires: true, message: { intent: 'purchase_intent' } })
    const dryB = await dryRun(keyB)
    expect(dryB).toMatchObject({ fires: false, message: { intent: before.intent.value } })

    // B retraining on its own (empty) corrections changes nothing in A, nor in B.
    const retrainedB = await rt.api('/api/v1/intelligence/retrain', { method: 'POST', key: keyB })
    expect((await retrainedB.json()).examples).toBe(0)
    expect((await write('A', 'vocês fazem bolo de aniversário sob encomenda?')).intent.value).toBe(
      'purchase_intent',
    )
    expect((await write('B', 'vocês fazem bolo de aniversário sob encomenda?')).intent).toEqual(before.intent)
    const rows = await queryRows<{ examples: number }>(
      rt.db.db,
      sql`select examples from workspace_intent_models order by examples`,
    )
    expect(rows.map((r) => r.examples)).toEqual([0, taught.length + 1])
  }, 180_000)

  it("learns sentiment from reps: the workspace's own readings change, never another workspace's", async () => {
    // In this shop "a Loggi de novo" is a complaint about the courier, which the lexicons read as neutral.
    const taught = ['a Loggi de novo', 'Loggi de novo hein', 'de novo a Loggi com meu pacote']
    const classify = async (text: string, key?: string) =>
      (await rt.api('/api/v1/classify', { method: 'POST', key, json: { text } })).json()
    const probe = 'olha a Loggi de novo'
    const before = await classify(probe)
    expect(before.sentiment).toBeGreaterThanOrEqual(0.4)
    const beforeB = await classify(probe, keyB)
    expect(beforeB.sentiment).toBe(before.sentiment)
    for (const text of taught) {
      const m = await write('A', text)
      expect((await correct(m.id, 'negative', undefined, 'sentiment')).status).toBe(200)
    }
    const retrained = await (await rt.api('/api/v1/intelligence/retrain', { method: 'POST' })).json()
    expect(retrained.sentiment_examples).toBe(taught.length + 1) // + the first test's sentiment correction
    expect(retrained.sentiment_features).toBeGreaterThan(0)

    // A reads it as negative, at ingest and on /classify; B as before.
    const inA = await write('A', probe)
    const stored = threadViewSchema.parse(
      await (await rt.api(`/api/v1/thread?phone=${encodeURIComponent(inA.phone)}`)).json(),
    )
    expect(stored.messages.at(-1)?.sentiment).toBeLessThan(0.4)
    expect((await classify(probe)).sentiment).toBeLessThan(0.4)
    expect(await classify(probe, keyB)).toEqual(beforeB)
    const inB = await write('B', probe)
    const storedB = threadViewSchema.parse(
      await (await rt.api(`/api/v1/thread?phone=${encodeURIComponent(inB.phone)}`, { key: keyB })).json(),
    )
    expect(storedB.messages.at(-1)?.sentiment).toBe(before.sentiment)
    // A message that shares no word with the corrections keeps the lexicons' reading in A too.
    const unrelated = 'adorei, muito obrigada'
    expect((await classify(unrelated)).sentiment).toBe((await classify(unrelated, keyB)).sentiment)
  }, 180_000)

  it('the shared scheduler retrains a workspace with new corrections, and only then', async () => {
    const m = await write('B', 'vocês aceitam encomenda de bolo de casamento?')
    expect((await correct(m.id, 'purchase_intent', keyB)).status).toBe(200)
    const examples = async () =>
      (
        await queryRows<{ workspace: string; examples: number; trained_at: string }>(
          rt.db.db,
          sql`select w.name as workspace, m.examples, m.trained_at::text from workspace_intent_models m
            join workspaces w on w.id = m.workspace_id order by w.name`,
        )
      ).map((r) => [r.workspace, r.examples, r.trained_at])
    const before = await examples()
    const later = new Date(Date.now() + 3 * 3_600_000)
    const { runs } = await rt.scheduler.runOnce(later)
    expect(runs.filter((r) => r.job === 'intent-retrain').every((r) => r.outcome === 'ok')).toBe(true)
    const after = await examples()
    // B's layer learned its one correction; A had nothing new, so its layer was left as it was.
    expect(after.find(([w]) => w === 'Loja B')?.[1]).toBe(1)
    expect(after.find(([w]) => w !== 'Loja B')).toEqual(before.find(([w]) => w !== 'Loja B'))
    expect((await write('B', 'vocês aceitam encomenda de bolo de casamento?')).intent.value).toBe(
      'purchase_intent',
    )
  }, 180_000)

  it('pauses an intent’s automations under 80 % accuracy until an admin confirms', async () => {
    const rule = {
      key: 'asked_store',
      name: 'Asked where the store is',
      position: 300,
      conditions: { all: [{ type: 'message', match: { intents: ['store_location'], min_confidence: 0.6 } }] },
      actions: [{ type: 'add_tag', tag: 'asked_store', label: 'Asked for the store' }],
    }
    expect((await rt.api('/api/v1/rules', { method: 'POST', json: rule })).status).toBe(201)
    const tagged = async (phone: string) =>
      (
        await queryRows<{ key: string }>(
          rt.db.db,
          sql`select t.key from contact_tags ct join tags t on t.id = ct.tag_id join contacts c on c.id = ct.contact_id
          where c.phone_e164 = ${phone}`,
        )
      ).map((r) => r.key)

    // Reps review ten store-location readings and disagree with three: 70 %.
    let paused = false
    for (let i = 0; i < ACCURACY_MIN_REVIEWS; i++) {
      const m = await write('A', `onde fica a loja de vocês? ${i}`)
      expect(m.intent.value).toBe('store_location')
      expect(await tagged(m.phone)).toContain('asked_store')
      paused = (await (await correct(m.id, i < 3 ? 'other' : 'store_location')).json()).paused
    }
    expect(paused).toBe(true)
    // The alert is raised once, in the log operators watch, as well as on the accuracy endpoint.
    const alerts = logged.filter((l) => l.msg.startsWith('intent accuracy under 80 %'))
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ intent: 'store_location', accuracy: 0.7 })
    const accuracy = await (await rt.api('/api/v1/intelligence/accuracy')).json()
    const store = accuracy.intents.find((r: { intent: string }) => r.intent === 'store_location')
    expect(store).toMatchObject({ reviewed: 10, agreed: 7, accuracy: 0.7, paused: true })
    expect(store.alert.accuracy).toBeCloseTo(0.7, 5)

    const whilePaused = await write('A', 'onde fica a loja de vocês?')
    expect(whilePaused.intent.value).toBe('store_location')
    expect(await tagged(whilePaused.phone)).not.toContain('asked_store')
    // The pause is A's alone.
    const b = (await (await rt.api('/api/v1/intelligence/accuracy', { key: keyB })).json()).intents
    expect(b.every((r: { paused: boolean }) => !r.paused)).toBe(true)

    // Another workspace cannot lift it; A's admin can, and the next message fires again.
    expect(
      (await rt.api('/api/v1/intelligence/alerts/store_location/confirm', { method: 'POST', key: keyB }))
        .status,
    ).toBe(404)
    expect(
      (await rt.api('/api/v1/intelligence/alerts/store_location/confirm', { method: 'POST' })).status,
    ).toBe(200)
    expect(
      (await rt.api('/api/v1/intelligence/alerts/store_location/confirm', { method: 'POST' })).status,
    ).toBe(404)
    const after = await write('A', 'onde fica a loja de vocês?')
    expect(await tagged(after.phone)).toContain('asked_store')
    const fresh = (await (await rt.api('/api/v1/intelligence/accuracy')).json()).intents.find(
      (r: { intent: string }) => r.intent === 'store_location',
    )
    expect(fresh).toMatchObject({ reviewed: 0, paused: false })
  }, 240_000)
})
