/**
 * Salesforce record ids: a 3-character key prefix per sObject type, 12 more characters, and the
 * 3-character case-safe suffix Salesforce appends to make the 18-character form.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

export const KEY_PREFIX: Readonly<Record<string, string>> = {
  Organization: '00D',
  User: '005',
  Contact: '003',
  Lead: '00Q',
  Task: '00T',
  WA_Message__c: 'a01',
}

/** The 18-character id of a 15-character one (each suffix letter encodes 5 characters' case). */
export function to18(id15: string): string {
  let suffix = ''
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0
    for (let i = 0; i < 5; i++) {
      const ch = id15.charAt(chunk * 5 + i)
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i
    }
    suffix += ALPHABET.charAt(bits)
  }
  return id15 + suffix
}

export class IdSequence {
  #next = 1

  next(prefix: string, pod = '5g'): string {
    let n = this.#next++
    let body = ''
    for (let i = 0; i < 10; i++) {
      body = BASE62.charAt(n % 62) + body
      n = Math.floor(n / 62)
    }
    return to18(`${prefix}${pod}${body}`)
  }
}
