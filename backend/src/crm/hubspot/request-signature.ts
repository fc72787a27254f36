import { createHmac, timingSafeEqual } from 'node:crypto'

/** HubSpot rejects signed requests older than this, and so do we. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000

const ESCAPES: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
}

/** HubSpot signs the URL with these characters decoded (its request-validation rules). */
export function normalizeSignedUrl(url: string): string {
  return url.replace(
    /%3A|%2F|%3F|%40|%21|%24|%27|%28|%29|%2A|%2C|%3B/gi,
    (m) => ESCAPES[m.toUpperCase()] ?? m,
  )
}

/** base64(HMAC-SHA256(client secret, method + url + body + timestamp)): X-HubSpot-Signature-v3. */
export function hubspotSignatureV3(
  secret: string,
  method: string,
  url: string,
  body: string,
  timestamp: string,
): string {
  return createHmac('sha256', secret)
    .update(`${method.toUpperCase()}${normalizeSignedUrl(url)}${body}${timestamp}`, 'utf8')
    .digest('base64')
}

export type SignatureCheck = 'valid' | 'stale' | 'invalid'

/**
 * Checks a v3 signature in constant time (the SDK's helper compares with ===) and refuses
 * requests older than five minutes, so a captured request cannot be replayed later.
 */
export function checkHubspotSignatureV3(input: {
  secret: string
  method: string
  url: string
  body: string
  timestamp: string | undefined
  signature: string | undefined
  now?: number
}): SignatureCheck {
  const ts = Number(input.timestamp)
  if (!input.signature || !input.timestamp || !Number.isFinite(ts)) return 'invalid'
  const age = (input.now ?? Date.now()) - ts
  if (age > MAX_SIGNATURE_AGE_MS || age < -MAX_SIGNATURE_AGE_MS) return 'stale'
  const expected = Buffer.from(
    hubspotSignatureV3(input.secret, input.method, input.url, input.body, input.timestamp),
  )
  const given = Buffer.from(input.signature)
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'valid' : 'invalid'
}
