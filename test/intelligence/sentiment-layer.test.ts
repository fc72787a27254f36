import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { intentFeatures } from '../../backend/src/intelligence/features'
import { prepare } from '../../backend/src/intelligence/normalize'
import { sentimentOf, valenceOf } from '../../backend/src/intelligence/sentiment'
import { SentimentLayer } from '../../backend/src/intelligence/sentiment-layer'
import { SENTIMENT_LABELS, type SentimentLabel } from '../../backend/src/intelligence/types'

const example = (text: string, label: SentimentLabel) => {
  const p = prepare(text)
  return { features: intentFeatures(p), base: valenceOf(p), label }
}

describe('SentimentLayer', () => {
  it('reads every corrected message as the rep said after one training (property)', () => {
    const words = [
      'loggi',
      'de',
      'novo',
      'chegou',
      'adorei',
      'péssimo',
      'ok',
      'caixa',
      '😡',
      '🙏',
      'obrigado',
    ]
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
            fc.constantFrom(...SENTIMENT_LABELS),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (rows) => {
          // One label per text: two reps disagreeing about the same words cannot both be met.
          const byText = new Map(rows.map(([t, l]) => [prepare(t).ruleText, [t, l] as const]))
          const examples = [...byText.values()].map(([t, l]) => example(t, l))
          const layer = SentimentLayer.train(examples)
          for (const [t, l] of byText.values()) expect(sentimentOf(prepare(t), layer).label, t).toBe(l)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('leaves a message that shares no word feature with the corrections alone', () => {
    const layer = SentimentLayer.train([example('a Loggi de novo', 'negative')])
    for (const text of ['adorei o atendimento', 'qual o horário?', '👍'])
      expect(sentimentOf(prepare(text), layer)).toEqual(sentimentOf(prepare(text)))
    expect(sentimentOf(prepare('olha a Loggi de novo'), layer).label).toBe('negative')
  })

  it('round-trips through its stored form', () => {
    const layer = SentimentLayer.train([
      example('a Loggi de novo', 'negative'),
      example('chegou ok', 'positive'),
    ])
    const copy = SentimentLayer.fromJSON(JSON.parse(JSON.stringify(layer.toJSON())))
    for (const text of ['a Loggi de novo', 'chegou ok', 'olha a Loggi'])
      expect(sentimentOf(prepare(text), copy)).toEqual(sentimentOf(prepare(text), layer))
    expect(SentimentLayer.fromJSON({ 'w:x': Number.NaN }).size).toBe(0)
  })
})
