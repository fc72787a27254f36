import type { PreparedText } from './normalize'

/** Numbers are one feature: "pedido 4587" and "pedido 10293" should look alike to the model. */
const DIGITS = /^\d+$/

/**
 * The sparse binary features the intent model sees:
 * - `w:` word unigrams and `b:` word bigrams (after the shorthand table);
 * - `c:` character 3- and 4-grams of each word padded with `_`, which absorb typos, missing
 *   accents and inflection ("entregue"/"entregaram", "descuento"/"descuentos");
 * - `h:` Han character unigrams and bigrams (Chinese has no spaces; bigrams approximate words
 *   without a segmenter). `Intl.Segmenter` words were tried as extra features: 17 µs instead of
 *   0.6 µs per message and no measurable gain (cross-validation 0.747 vs 0.752, dev ±1 message);
 * - `e:` emoji.
 */
export function intentFeatures(p: PreparedText): string[] {
  const out = new Set<string>()
  let prev = '^'
  for (const t of p.tokens) {
    if (t.kind === 'emoji') {
      out.add(`e:${t.text}`)
      continue
    }
    if (t.kind === 'han') {
      const chars = Array.from(t.text)
      for (let i = 0; i < chars.length; i++) {
        out.add(`h:${chars[i]}`)
        if (i + 1 < chars.length) out.add(`h:${chars[i]}${chars[i + 1]}`)
      }
      prev = '^'
      continue
    }
    const w = DIGITS.test(t.text) ? '0' : t.text
    out.add(`w:${w}`)
    out.add(`b:${prev} ${w}`)
    prev = w
    if (w.length >= 3) {
      const padded = `_${w}_`
      for (let n = 3; n <= 4; n++)
        for (let i = 0; i + n <= padded.length; i++) out.add(`c:${padded.slice(i, i + n)}`)
    }
  }
  if (prev !== '^') out.add(`b:${prev} $`)
  return [...out]
}

/** Features for telling Portuguese, Spanish and English apart: words and character 1–3-grams. */
export function languageFeatures(p: PreparedText): string[] {
  const out = new Set<string>()
  for (const t of p.tokens) {
    if (t.kind !== 'word' || DIGITS.test(t.text)) continue
    out.add(`w:${t.text}`)
    const padded = `_${t.text}_`
    for (let n = 2; n <= 3; n++)
      for (let i = 0; i + n <= padded.length; i++) out.add(`c:${padded.slice(i, i + n)}`)
  }
  return [...out]
}

/** Scoring weight of a character n-gram relative to a word (chosen on cross-validation and dev). */
export const CHAR_NGRAM_WEIGHT = 0.25

export function featureWeight(feature: string, charWeight = CHAR_NGRAM_WEIGHT): number {
  return feature.charCodeAt(0) === 99 /* 'c' */ ? charWeight : 1
}
