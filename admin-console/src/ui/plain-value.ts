/** A stored value (CRM field, JSON detail) as plain text to put in a text node: never markup. */
export function plainValue(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}
