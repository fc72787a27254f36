import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MediaLinkSigner } from '../../backend/src/media/signed-url'

const KEY = Buffer.alloc(32, 7)

function parts(link: string) {
  const url = new URL(link, 'http://x')
  const [, , id, variant] = url.pathname.split('/')
  return {
    id: id as string,
    variant: variant as string,
    exp: Number(url.searchParams.get('exp')),
    sig: url.searchParams.get('sig') as string,
  }
}

describe('signed media links', () => {
  const signer = new MediaLinkSigner(KEY, 300)
  const now = Date.parse('2026-05-01T10:00:00Z')

  it('a link verifies until it expires, then never', () => {
    const p = parts(signer.sign('5b9c4a0e-8f57-4f5e-9d1b-0d7d2b0c2f11', 'file', now))
    expect(p.exp).toBe(now / 1000 + 300)
    expect(signer.verify(p.id, p.variant, p.exp, p.sig, now + 299_000)).toBe(true)
    expect(signer.verify(p.id, p.variant, p.exp, p.sig, now + 301_000)).toBe(false)
  })

  it('another key, another object, another variant or a later expiry does not verify', () => {
    const p = parts(signer.sign('5b9c4a0e-8f57-4f5e-9d1b-0d7d2b0c2f11', 'thumb', now))
    expect(new MediaLinkSigner(Buffer.alloc(32, 8), 300).verify(p.id, p.variant, p.exp, p.sig, now)).toBe(
      false,
    )
    expect(signer.verify('5b9c4a0e-8f57-4f5e-9d1b-0d7d2b0c2f12', p.variant, p.exp, p.sig, now)).toBe(false)
    expect(signer.verify(p.id, 'file', p.exp, p.sig, now)).toBe(false)
    expect(signer.verify(p.id, p.variant, p.exp + 3600, p.sig, now)).toBe(false)
  })

  it('property: a changed signature never verifies', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.constantFrom('file', 'thumb', 'animation' as const),
        fc.string({ maxLength: 64 }),
        (id, variant, forged) => {
          const p = parts(signer.sign(id, variant, now))
          fc.pre(forged !== p.sig)
          expect(signer.verify(id, variant, p.exp, forged, now)).toBe(false)
          expect(signer.verify(id, variant, p.exp, p.sig, now)).toBe(true)
        },
      ),
    )
  })
})
