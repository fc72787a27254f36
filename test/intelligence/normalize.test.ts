import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeText, prepare, tokenize } from '../../backend/src/intelligence/normalize'

const COMBINING = /\p{M}/u

describe('normalizeText', () => {
  it.each([
    ['Não QUERO', 'nao quero'],
    ['Atenção: PREÇO', 'atencao: preco'],
    ['¿Cuánto cuesta el envío?', '¿cuanto cuesta el envio?'],
    ['precooo', 'preco'],
    ['kkkkkkk', 'k'],
    ['oiiii   tudo\tbem\n', 'oi tudo bem'],
    ['ＨＥＬＬＯ　１２３', 'hello 123'],
    ['多少钱？', '多少钱?'],
    ['  ', ''],
    ['carro llegó good 谢谢', 'carro llego good 谢谢'],
    ['❤️👍', '❤👍'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected)
  })

  it('keeps letter pairs that are spelling, collapses runs of three or more', () => {
    expect(normalizeText('goood')).toBe('god')
    expect(normalizeText('good')).toBe('good')
    expect(normalizeText('hahaha')).toBe('hahaha')
  })

  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.stringMatching(/^(?:[a-zà-ÿÀ-ß 　！？Ａ-ｚ０-９一-龥]|\u0301|\u0303|\u0327|\u0308){0,40}$/),
  )

  it('never throws, is idempotent and leaves no combining marks (property)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalizeText(text)
        expect(normalizeText(once)).toBe(once)
        expect(COMBINING.test(once)).toBe(false)
        expect(once).toBe(once.trim())
        expect(/\s{2,}/u.test(once)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })

  it('returns an empty string for non-strings instead of throwing', () => {
    expect(normalizeText(undefined as unknown as string)).toBe('')
    expect(normalizeText(42 as unknown as string)).toBe('')
  })
})

describe('tokenize', () => {
  it('expands WhatsApp shorthand to canonical words', () => {
    const words = (t: string) => tokenize(normalizeText(t)).map((x) => x.text)
    expect(words('vc tem q me ajudar pq n chegou')).toEqual([
      'voce',
      'tem',
      'que',
      'me',
      'ajudar',
      'porque',
      'nao',
      'chegou',
    ])
    expect(words('xq no llega? porfa')).toEqual(['porque', 'no', 'llega', 'por', 'favor'])
    expect(words("u there? pls, I'm waiting")).toEqual(['you', 'there', 'please', 'i', 'am', 'waiting'])
  })

  it('keeps Han runs apart from numbers and folds traditional to simplified', () => {
    expect(tokenize(normalizeText('訂單99201發貨沒')).map((t) => [t.kind, t.text])).toEqual([
      ['han', '订单'],
      ['word', '99201'],
      ['han', '发货没'],
    ])
  })

  it('marks clause boundaries and keeps emoji', () => {
    const tokens = prepare('e nada, palhaçada 😡').tokens
    expect(tokens.map((t) => t.boundary)).toEqual([false, false, true, false])
    expect(tokens[3]).toMatchObject({ kind: 'emoji', text: '😡' })
  })
})
