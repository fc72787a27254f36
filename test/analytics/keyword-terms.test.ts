import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { trendOf } from '../../backend/src/analytics/keywords-report'
import { extractTerms } from '../../backend/src/intelligence/keywords/extract-terms'
import { LANGUAGES } from '../../backend/src/intelligence/types'

const languages = [...LANGUAGES, 'unknown'] as const

describe('keywords of a customer message', () => {
  it('keeps the content words and the phrases a complaint is made of, in each language', () => {
    expect(extractTerms('This is TOO expensive, the delivery was late!', 'en')).toEqual({
      words: ['expensive', 'delivery', 'late'],
      phrases: ['too expensive', 'delivery was late'],
    })
    const pt = extractTerms('O frete está muito caro e o pedido não chegou', 'pt')
    expect(pt.words).toEqual(expect.arrayContaining(['frete', 'caro', 'pedido', 'chegou']))
    expect(pt.words).not.toContain('muito')
    expect(pt.phrases).toEqual(expect.arrayContaining(['muito caro', 'não chegou']))
    expect(extractTerms('¿Tienen la talla M? Es muy caro', 'es').phrases).toContain('muy caro')
  })

  it('segments Chinese with the dictionary and joins its phrases without spaces', () => {
    const zh = extractTerms('运费太贵了，我想退货', 'zh')
    expect(zh.words).toContain('运费')
    expect(zh.phrases.some((p) => p.startsWith('太贵'))).toBe(true)
    expect(zh.phrases.every((p) => !p.includes(' '))).toBe(true)
    expect(zh.words).not.toContain('太')
  })

  it('never keeps numbers, phone numbers, order ids, links, e-mail addresses or handles', () => {
    const t = extractTerms(
      'Pedido 12345 ou A12B, liga +55 11 91234-5678, bia.souza@mail.com, https://loja.example/p?id=9 @bia_s',
      'pt',
    )
    const all = [...t.words, ...t.phrases].join(' ')
    expect(all).not.toMatch(/\d|@|mail|loja\.example|bia/)
    expect(t.words).toContain('pedido')
  })

  it('counts a word once per message and leaves out stop words and one-letter Latin tokens', () => {
    const t = extractTerms('price price PRICE the a b c', 'en')
    expect(t).toEqual({ words: ['price'], phrases: [] })
  })

  it('holds for any text: lower-case, unique, no digits, bounded, every word found in the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 })),
        fc.constantFrom(...languages),
        (text, language) => {
          const { words, phrases } = extractTerms(text, language)
          const haystack = text.normalize('NFKC').toLocaleLowerCase(language === 'unknown' ? 'en' : language)
          for (const term of [...words, ...phrases]) {
            expect(term).not.toMatch(/\p{Nd}|\p{Cc}/u)
            expect(term).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
            expect(term.length).toBeLessThanOrEqual(64)
            expect(term.trim()).toBe(term)
            expect(term.length).toBeGreaterThan(0)
          }
          expect(new Set(words).size).toBe(words.length)
          expect(new Set(phrases).size).toBe(phrases.length)
          for (const w of words) expect(haystack.includes(w)).toBe(true)
        },
      ),
      { numRuns: 2_000 },
    )
  })
})

describe('keyword trend', () => {
  it('needs a quarter more and three more messages to rise, a fifth less and three fewer to fall', () => {
    expect(trendOf(5, 0)).toBe('new')
    expect(trendOf(15, 12)).toBe('rising')
    expect(trendOf(14, 12)).toBe('steady')
    expect(trendOf(2, 1)).toBe('steady')
    expect(trendOf(8, 10)).toBe('steady')
    expect(trendOf(12, 15)).toBe('falling')
    expect(trendOf(0, 2)).toBe('steady')
  })
})
