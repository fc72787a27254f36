import { normalizeText } from './normalize'

export interface CatalogEntry {
  sku: string
  names: string[]
}

/**
 * Splits a product name or a message into comparable tokens: case, accents and width folded
 * (normalizeText), then letters and digits separated, so "iPhone15 Pro Max", "iphone 15 pro max"
 * and "IPHONE-15-PRO-MAX" all read iphone · 15 · pro · max.
 */
export function productTokens(text: string): string[] {
  return normalizeText(text)
    .replace(/(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/g, ' ')
    .split(/[^a-z0-9\p{Script=Han}]+/u)
    .filter(Boolean)
}

interface Pattern {
  sku: string
  tokens: string[]
}

/**
 * Finds catalogue products in a message. Longer names win over names they contain ("iphone 15
 * pro max" before "iphone 15"), and a stretch of text counts for one product only.
 * Hand-written: product aliases are short token sequences, so a longest-match scan is all it takes.
 */
export class ProductMatcher {
  private readonly patterns: Pattern[]

  constructor(catalog: CatalogEntry[]) {
    this.patterns = catalog
      .flatMap((p) => [p.sku, ...p.names].map((name) => ({ sku: p.sku, tokens: productTokens(name) })))
      .filter((p) => p.tokens.length > 0)
      .sort((a, b) => b.tokens.length - a.tokens.length)
  }

  match(text: string | null): string[] {
    if (!text || this.patterns.length === 0) return []
    const tokens = productTokens(text)
    const used = new Array<boolean>(tokens.length).fill(false)
    const found = new Set<string>()
    for (const pattern of this.patterns) {
      for (let i = 0; i + pattern.tokens.length <= tokens.length; i++) {
        if (pattern.tokens.every((t, k) => tokens[i + k] === t && !used[i + k])) {
          found.add(pattern.sku)
          for (let k = 0; k < pattern.tokens.length; k++) used[i + k] = true
        }
      }
    }
    return [...found]
  }
}
