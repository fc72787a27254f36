/**
 * How HubSpot signs what it sends to an app: v3 = base64(HMAC-SHA256(client secret,
 * METHOD + url + body + timestamp)) with a few percent-escapes of the URL decoded (HubSpot's
 * request-validation rules), v1 = hex(SHA-256(client secret + body)) for CRM object webhooks.
 * Written here rather than imported from the backend so the two sides are checked independently.
 */
import { createHash, createHmac } from 'node:crypto'

const DECODED: Record<string, string> = {
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

export function signedUrl(url: string): string {
  return url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => DECODED[m.toUpperCase()])
}

export function signatureV3(
  clientSecret: string,
  method: string,
  url: string,
  body: string,
  timestamp: string,
): string {
  return createHmac('sha256', clientSecret)
    .update(`${method.toUpperCase()}${signedUrl(url)}${body}${timestamp}`, 'utf8')
    .digest('base64')
}

export function signatureV1(clientSecret: string, body: string): string {
  return createHash('sha256').update(`${clientSecret}${body}`, 'utf8').digest('hex')
}
