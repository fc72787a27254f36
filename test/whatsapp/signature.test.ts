import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { signMetaPayload, verifyMetaSignature } from '../../backend/src/whatsapp/signature'

const bytes = fc.uint8Array({ maxLength: 2048 })
/**
 * App secrets as Meta issues them (hex). HMAC pads short keys with zero bytes, so "k" and "k\0"
 * are the same key by design; printable secrets keep "a different secret" meaningful.
 */
const secret = fc.string({
  unit: fc.constantFrom(...'0123456789abcdefABCDEF-_'),
  minLength: 1,
  maxLength: 64,
})

describe('verifyMetaSignature', () => {
  it('accepts the signature signMetaPayload makes for any bytes, as bytes or as a string', () => {
    fc.assert(
      fc.property(bytes, secret, (body, key) => {
        expect(verifyMetaSignature(body, signMetaPayload(body, key), key)).toBe(true)
        const text = Buffer.from(body).toString('latin1')
        expect(verifyMetaSignature(Buffer.from(text, 'utf8'), signMetaPayload(text, key), key)).toBe(true)
      }),
    )
  })

  it('tolerates an upper-case prefix or hex and surrounding spaces, as header values allow', () => {
    fc.assert(
      fc.property(bytes, secret, (body, key) => {
        const header = signMetaPayload(body, key)
        expect(verifyMetaSignature(body, ` ${header.toUpperCase()} `, key)).toBe(true)
      }),
    )
  })

  it('refuses the body with any single byte changed', () => {
    fc.assert(
      fc.property(
        bytes.filter((b) => b.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        secret,
        (body, at, flip, key) => {
          const header = signMetaPayload(body, key)
          const tampered = Uint8Array.from(body)
          const i = at % tampered.length
          tampered[i] = (tampered[i] as number) ^ flip
          expect(verifyMetaSignature(tampered, header, key)).toBe(false)
        },
      ),
    )
  })

  it('refuses a body with a byte added or removed', () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 0, max: 255 }), secret, (body, extra, key) => {
        const header = signMetaPayload(body, key)
        expect(verifyMetaSignature(Uint8Array.from([...body, extra]), header, key)).toBe(false)
        if (body.length > 0) expect(verifyMetaSignature(body.subarray(1), header, key)).toBe(false)
      }),
    )
  })

  it('refuses a signature made with another secret', () => {
    fc.assert(
      fc.property(
        bytes,
        fc.tuple(secret, secret).filter(([a, b]) => a !== b),
        (body, [key, other]) => {
          expect(verifyMetaSignature(body, signMetaPayload(body, other), key)).toBe(false)
        },
      ),
    )
  })

  it('refuses a missing or empty header', () => {
    fc.assert(
      fc.property(bytes, secret, (body, key) => {
        expect(verifyMetaSignature(body, undefined, key)).toBe(false)
        expect(verifyMetaSignature(body, '', key)).toBe(false)
      }),
    )
  })

  it('refuses malformed headers: other algorithm, no prefix, short, long, non-hex, inner space', () => {
    fc.assert(
      fc.property(bytes, secret, fc.nat(), (body, key, n) => {
        const header = signMetaPayload(body, key)
        const hex = header.slice('sha256='.length)
        const cut = 1 + (n % (hex.length - 1))
        const malformed = [
          `sha1=${hex}`,
          `sha256:${hex}`,
          `sha256 =${hex}`,
          hex,
          `sha256=${hex.slice(0, -1)}`,
          `sha256=${hex}0`,
          `sha256=${hex}${hex}`,
          `sha256=${hex.slice(0, cut)} ${hex.slice(cut)}`,
          `sha256=${hex.slice(0, cut)}g${hex.slice(cut + 1)}`,
          `sha256=${hex},sha256=${hex}`,
          `${header}\u0000`,
        ]
        for (const bad of malformed) expect(verifyMetaSignature(body, bad, key), bad).toBe(false)
      }),
    )
  })

  it('accepts an arbitrary header only when it is the signature, up to case and outer spaces', () => {
    fc.assert(
      fc.property(bytes, secret, fc.string({ unit: 'binary' }), (body, key, header) => {
        const expected = header.trim().toLowerCase() === signMetaPayload(body, key)
        expect(verifyMetaSignature(body, header, key)).toBe(expected)
      }),
    )
  })
})
