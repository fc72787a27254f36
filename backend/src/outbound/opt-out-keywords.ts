/** Compares a customer's message with opt-out keywords regardless of case, accents and width. */
export function normalizeKeyword(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim()
}

/** True when the whole message is one of the keywords ("STOP", "Baixa!", "退订"). */
export function isOptOut(text: string | null, keywords: string[]): boolean {
  if (!text) return false
  const said = normalizeKeyword(text)
  return said.length > 0 && keywords.some((k) => normalizeKeyword(k) === said)
}
