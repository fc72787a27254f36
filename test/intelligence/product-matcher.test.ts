import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ProductMatcher, productTokens } from '../../backend/src/intelligence/product-matcher'

const catalog = new ProductMatcher([
  { sku: 'APL-IP15PM', names: ['iPhone 15 Pro Max', 'iphone15promax', '苹果15 pro max'] },
  { sku: 'APL-IP15', names: ['iPhone 15'] },
  { sku: 'SAM-S24U', names: ['Galaxy S24 Ultra', 's24 ultra'] },
])

describe('product matching', () => {
  it.each([
    ['Quanto custa o iPhone15 Pro Max?', ['APL-IP15PM']],
    ['tem iphone 15 pro max 256gb?', ['APL-IP15PM']],
    ['IPHONE-15-PRO-MAX azul', ['APL-IP15PM']],
    ['e o iPhone 15 normal?', ['APL-IP15']],
    ['¿Tienen el Galaxy S24 Ultra o el iPhone 15?', ['SAM-S24U', 'APL-IP15']],
    ['APL-IP15PM disponible?', ['APL-IP15PM']],
    ['ｉＰｈｏｎｅ１５ Ｐｒｏ Ｍａｘ', ['APL-IP15PM']],
    ['oi, tudo bem?', []],
    ['iPhone 150', []],
  ])('%s → %j', (text, skus) => {
    expect(catalog.match(text).sort()).toEqual([...skus].sort())
  })

  it('splits letters from digits whatever the spacing, and never throws', () => {
    expect(productTokens('iPhone15Pro')).toEqual(['iphone', '15', 'pro'])
    fc.assert(
      fc.property(fc.string(), (text) => {
        const tokens = productTokens(text)
        expect(productTokens(tokens.join(' '))).toEqual(tokens)
        expect(() => catalog.match(text)).not.toThrow()
      }),
    )
  })
})
