import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeSentiment } from '../../backend/src/intelligence/sentiment'

const label = (text: string) => analyzeSentiment(text).label

describe('analyzeSentiment', () => {
  it.each([
    ['adorei, muito obrigada!', 'positive'],
    ['me encantó, gracias', 'positive'],
    ['great service, thank you', 'positive'],
    ['服务很好，非常满意', 'positive'],
    ['péssimo atendimento', 'negative'],
    ['la calidad es malísima', 'negative'],
    ['this is the worst store ever', 'negative'],
    ['质量太差了', 'negative'],
    ['quanto custa o tênis?', 'neutral'],
    ['¿dónde queda la tienda?', 'neutral'],
    ['where is my order?', 'neutral'],
    ['你们几点开门', 'neutral'],
  ])('%j is %s', (text, expected) => expect(label(text)).toBe(expected))

  it.each([
    ['não gostei', 'negative'],
    ['no me gusta', 'negative'],
    ['not good', 'negative'],
    ['不满意', 'negative'],
    ['不太好', 'negative'],
    ['não é ruim', 'positive'],
    ['不错', 'positive'],
    ['sem problema, obrigado', 'positive'],
  ])('negation: %j is %s', (text, expected) => expect(label(text)).toBe(expected))

  it('ends negation at punctuation ("e nada, palhaçada" is negative)', () => {
    expect(label('pedi reembolso e nada, palhaçada')).toBe('negative')
  })

  it('does not read greetings as opinions', () => {
    expect(label('bom dia')).toBe('neutral')
    expect(label('buenas tardes')).toBe('neutral')
    expect(label('good morning')).toBe('neutral')
    expect(label('feliz natal!')).toBe('positive')
  })

  it.each(['😊', '👍', '❤️', '🙏', '😍', '🥰'])('a message of only %s is positive', (emoji) => {
    expect(analyzeSentiment(emoji).score).toBeGreaterThan(0.6)
  })

  it.each(['😡', '😠', '👎', '😤', '💩'])('a message of only %s is negative', (emoji) => {
    expect(analyzeSentiment(emoji).score).toBeLessThan(0.4)
  })

  it('emoji tip a neutral sentence and sit outside negation', () => {
    expect(label('chegou hoje 😊')).toBe('positive')
    expect(label('chegou hoje 😡')).toBe('negative')
    expect(label('não chegou 😡')).toBe('negative')
  })

  it('intensifiers and "!!" strengthen, they do not flip', () => {
    const plain = analyzeSentiment('bom').score
    expect(analyzeSentiment('muito bom').score).toBeGreaterThan(plain)
    expect(analyzeSentiment('muito bom!!').score).toBeGreaterThan(analyzeSentiment('muito bom').score)
    expect(analyzeSentiment('very bad').score).toBeLessThan(analyzeSentiment('bad').score)
  })

  it('scores every string within 0..1 with a matching label (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (text) => {
        const { score, label } = analyzeSentiment(text)
        expect(score).toBeGreaterThanOrEqual(0)
        expect(score).toBeLessThanOrEqual(1)
        expect(['negative', 'neutral', 'positive']).toContain(label)
      }),
      { numRuns: 1000 },
    )
  })
})
