import { errorEnvelopeSchema } from '@scrm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLASSIFY_TEXT_MAX, classificationSchema } from '../../backend/src/api/routes/classify'
import { ENGINES } from '../support/test-db'
import { startTestRuntime, type TestRuntime } from '../support/test-runtime'

// The route reads the calling workspace's learned layers (none here: the shared models answer);
// corrections.test.ts shows a workspace's corrections changing its answers and no one else's.
describe.each(ENGINES)('POST /api/v1/classify on %s', (engine) => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startTestRuntime(engine)
  }, 120_000)
  afterAll(async () => rt?.close())
  const post = (body: unknown) => rt.api('/api/v1/classify', { method: 'POST', json: body })

  it('answers intent, confidence, sentiment and language', async () => {
    const res = await post({ text: 'não gostei, o produto chegou quebrado 😡' })
    expect(res.status).toBe(200)
    const body = classificationSchema.parse(await res.json())
    expect(body.intent).toBe('complaint')
    expect(body.language).toBe('pt')
    expect(body.sentiment).toBeLessThan(0.4)
    expect(body.confidence).toBeGreaterThan(0)
    expect(body.confidence).toBeLessThanOrEqual(1)
    expect(body.intents[0]).toEqual({ value: 'complaint', confidence: body.confidence })
    expect(body.suggestion).toBe(body.confidence < 0.8)
  })

  it('lists a second request of another clause as a secondary intent', async () => {
    const body = classificationSchema.parse(
      await (await post({ text: 'how much is shipping to lisbon? and where is your shop?' })).json(),
    )
    expect(body.intents.map((i) => i.value)).toEqual(['price_discount', 'store_location'])
  })

  it("reads words that name the object prototype's members as plain words", async () => {
    for (const text of [
      'constructor',
      'toString valueOf',
      'very __proto__ hasOwnProperty',
      'so constructor 😊',
    ]) {
      const res = await post({ text })
      expect(res.status, text).toBe(200)
      const body = classificationSchema.parse(await res.json())
      expect(Number.isFinite(body.sentiment), text).toBe(true)
    }
  })

  it('classifies Chinese and reports unknown language for emoji alone', async () => {
    expect(await (await post({ text: '多少钱？' })).json()).toMatchObject({
      intent: 'price_discount',
      language: 'zh',
    })
    expect(await (await post({ text: '👍' })).json()).toMatchObject({ intent: 'other', language: 'unknown' })
  })

  it.each([
    ['empty text', { text: '' }],
    ['text over the limit', { text: 'a'.repeat(CLASSIFY_TEXT_MAX + 1) }],
    ['missing text', {}],
    ['a number', { text: 42 }],
    ['unknown fields', { text: 'oi', extra: true }],
  ])('rejects %s with the error envelope', async (_name, body) => {
    const res = await post(body)
    expect(res.status).toBe(400)
    expect(errorEnvelopeSchema.parse(await res.json()).error.code).toBe('validation_failed')
  })

  it('accepts text of exactly the maximum length', async () => {
    expect((await post({ text: 'a'.repeat(CLASSIFY_TEXT_MAX) })).status).toBe(200)
  })
})
