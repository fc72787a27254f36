import { errorEnvelopeSchema } from '@scrm/shared'
import { describe, expect, it } from 'vitest'
import type { AppDeps } from '../../backend/src/api/app-env'
import {
  CLASSIFY_TEXT_MAX,
  classificationSchema,
  classifyRoutes,
} from '../../backend/src/api/routes/classify'

// The route needs nothing from the dependencies; app.ts mounts it behind bearer auth.
const app = classifyRoutes({} as AppDeps)
const post = (body: unknown) =>
  app.request('/api/v1/classify', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('POST /api/v1/classify', () => {
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
