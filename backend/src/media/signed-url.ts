import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
import type { MediaVariant } from './storage'

export const MEDIA_VARIANTS = ['file', 'thumb', 'animation'] as const satisfies readonly MediaVariant[]

/**
 * Short-lived links to our copy of a file: `/media/<object>/<variant>?exp=<unix s>&sig=<HMAC>`.
 * The HMAC key is derived from ENCRYPTION_KEY, so there is no extra secret to configure; rotating
 * that key invalidates every link handed out, which is what a rotation should do.
 */
export class MediaLinkSigner {
  private readonly key: Buffer

  constructor(
    encryptionKey: Buffer,
    readonly ttlSeconds: number,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', encryptionKey, Buffer.alloc(0), 'scrm media links v1', 32))
  }

  /** The path and query of a link valid for `ttlSeconds` from `now`. */
  sign(objectId: string, variant: MediaVariant, now = Date.now()): string {
    const exp = Math.floor(now / 1000) + this.ttlSeconds
    return `/media/${objectId}/${variant}?exp=${exp}&sig=${this.mac(objectId, variant, exp)}`
  }

  /** True for a genuine, unexpired link. */
  verify(objectId: string, variant: string, exp: number, sig: string, now = Date.now()): boolean {
    if (!Number.isSafeInteger(exp) || exp * 1000 < now) return false
    const expected = Buffer.from(this.mac(objectId, variant, exp))
    const given = Buffer.from(sig)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }

  private mac(objectId: string, variant: string, exp: number): string {
    return createHmac('sha256', this.key).update(`${objectId}\n${variant}\n${exp}`).digest('base64url')
  }
}
