/**
 * A tag key from what a rep typed: lower-case ASCII letters, digits, `_` and `-`, at most 64
 * characters. A label with none of those (e.g. Chinese) gets a stable key from its hash.
 */
export function tagKeyOf(label: string): string {
  const key = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64)
  return key || `tag_${hash(label.trim())}`
}

function hash(text: string): string {
  let h = 5381
  for (const char of text) h = ((h * 33) ^ (char.codePointAt(0) as number)) >>> 0
  return h.toString(36)
}
