import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkRegex,
  checkTerm,
  normaliseTerm,
  TextMatcher,
  textOfUnstored,
} from '../../../backend/src/automation/rules/text-match'

const count = (terms: string[], text: string, regex?: string) =>
  new TextMatcher(terms, regex).count(textOfUnstored(text)).n

describe('term matching', () => {
  it.each([
    [['desconto'], 'Tem DESCONTO?', 1],
    [['desconto'], 'tem descontos?', 0],
    [['desconto*'], 'tem descontos? e desconto no pix', 2],
    [['descuento'], '¿Hay DESCUENTO?', 1],
    [['muito caro'], 'Tá MUITO   caro!!', 1],
    [['muito caro'], 'mt caro', 1],
    [['discount'], 'ＤＩＳＣＯＵＮＴ please', 1],
    [['preço'], 'qual o preco', 1],
    [['preco'], 'qual o preço', 1],
    [['折扣'], '有折扣吗？有没有折扣', 2],
    [['价格'], '價格多少', 1],
    [['太贵'], '太贵了吧', 1],
    [['caro'], 'carro novo', 0],
    [['caro', 'muito caro'], 'muito caro', 1],
  ])('%j in %j → %i', (terms, text, n) => {
    expect(count(terms, text)).toBe(n)
  })

  const word = fc.stringMatching(/^[a-z]{3,10}$/)
  const variant = (w: string) =>
    fc
      .array(fc.constantFrom('upper', 'lower', 'wide', 'accent'), {
        minLength: w.length,
        maxLength: w.length,
      })
      .map((ways) =>
        [...w]
          .map((ch, i) =>
            ways[i] === 'upper'
              ? ch.toUpperCase()
              : ways[i] === 'wide'
                ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0)
                : ways[i] === 'accent' && 'aeiou'.includes(ch)
                  ? `${ch}\u0301`
                  : ch,
          )
          .join(''),
      )

  it('a term matches its upper-case, full-width and accented spellings, once per occurrence (property)', () => {
    fc.assert(
      fc.property(
        word.chain((w) => fc.tuple(fc.constant(w), fc.array(variant(w), { minLength: 1, maxLength: 5 }))),
        ([term, spellings]) => {
          // Tokens that normalise to the same thing as the term are what it must match.
          const expected = spellings.length
          expect(count([term], spellings.join(' , '))).toBe(expected)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('never throws on any text (property)', () => {
    const matcher = new TextMatcher(['desconto*', '折扣', 'muito caro'], '(a+)+$')
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const { n } = matcher.count(textOfUnstored(text))
        expect(n).toBeGreaterThanOrEqual(0)
      }),
    )
  })
})

describe('term and regex validation', () => {
  it('takes * only at the end of a word', () => {
    expect(checkTerm('desconto*')).toBeNull()
    expect(checkTerm('muito car*')).toBeNull()
    expect(checkTerm('des*conto')).toMatch(/only end a word/)
    expect(checkTerm('!!!')).toMatch(/no letters/)
    expect(normaliseTerm('  Muito   CARO ')).toBe('muito caro')
  })

  it('rejects patterns RE2 cannot compile and accented patterns that could never match', () => {
    expect(checkRegex('desconto|cupom')).toBeNull()
    expect(checkRegex('(a+')).toMatch(/not a valid RE2 pattern/)
    // Backreferences need backtracking; RE2 refuses them.
    expect(checkRegex('(a)\\1')).toMatch(/not a valid RE2 pattern/)
    expect(checkRegex('preço')).toMatch(/without accents/)
  })

  it('runs a catastrophic-backtracking pattern in linear time on a long input', () => {
    const matcher = new TextMatcher([], '(\\d+)+$')
    const evil = `${'1'.repeat(3000)}!`
    // V8's own engine would need ~2^3000 steps here; RE2 walks the input once.
    const started = performance.now()
    expect(matcher.count(textOfUnstored(evil)).n).toBe(0)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('counts regex matches on the normalised text', () => {
    expect(count([], 'Cupom: ABC10 e cupom XYZ', 'cupom:? [a-z0-9]+')).toBe(2)
  })
})
