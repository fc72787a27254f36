import { createHmac, randomBytes } from 'node:crypto'

/** A new signing secret, shown once to the admin who subscribes. */
export const newSigningSecret = () => `whsec_${randomBytes(24).toString('base64url')}`

/**
 * `X-Scrm-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. The timestamp is
 * signed with the body, so a receiver that rejects old timestamps (5 minutes is usual) cannot be
 * replayed a captured delivery.
 */
export function signDelivery(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000)
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')
  return `t=${t},v1=${v1}`
}
