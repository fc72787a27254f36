import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decryptSecret, encryptSecret } from '../../backend/src/lib/crypto'

describe('secret sealing', () => {
  const key = randomBytes(32)
  it('round-trips any text and never contains it in clear', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), (plain) => {
        const sealed = encryptSecret(plain, key)
        expect(decryptSecret(sealed, key)).toBe(plain)
        expect(sealed.includes(plain)).toBe(false)
      }),
    )
  })
  it('refuses a tampered ciphertext or another key', () => {
    const sealed = encryptSecret('EAAG-token', key)
    const parts = sealed.split('.')
    const body = Buffer.from(parts[3] as string, 'base64url')
    body[0] = (body[0] as number) ^ 1
    const tampered = [...parts.slice(0, 3), body.toString('base64url')].join('.')
    expect(() => decryptSecret(tampered, key)).toThrow()
    expect(() => decryptSecret(sealed, randomBytes(32))).toThrow()
  })
})
