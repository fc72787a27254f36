import { createHmac, timingSafeEqual } from 'node:crypto'

const HEADER = /^sha256=([0-9a-f]{64})$/i

/**
 * Checks Meta's `X-Hub-Signature-256` over the exact bytes received. Never over re-serialised
 * JSON: Meta escapes "/" and non-ASCII, so a parse/stringify round trip changes the bytes.
 */
export function verifyMetaSignature(
  rawBody: Uint8Array,
  header: string | undefined,
  appSecret: string,
): boolean {
  const match = header ? HEADER.exec(header.trim()) : null
  if (!match?.[1]) return false
  const given = Buffer.from(match[1], 'hex')
  const expected = createHmac('sha256', appSecret).update(rawBody).digest()
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export function signMetaPayload(rawBody: string | Uint8Array, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`
}
