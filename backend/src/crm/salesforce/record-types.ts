/** Which object a Salesforce id belongs to, from its 3-character key prefix. */
export type PersonObject = 'Contact' | 'Lead'

export function personObjectOf(recordId: string): PersonObject | null {
  if (recordId.startsWith('003')) return 'Contact'
  if (recordId.startsWith('00Q')) return 'Lead'
  return null
}

/** A SOQL string literal (quotes and backslashes escaped), for ids and keys we put in IN lists. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}
