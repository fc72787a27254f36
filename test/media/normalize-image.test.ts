import fc from 'fast-check'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { normalizeImage } from '../../backend/src/media/normalize-image'
import {
  animatedSticker,
  noisyPhoto,
  type SampleImage,
  sidewaysPhoto,
  staticSticker,
  transparentPng,
} from '../simulators/whatsapp/sample-images'

const LIMITS = { maxSide: 2560, maxJpegBytes: 5_000_000, thumbSide: 320 }

/** The EXIF tag that points at the GPS block, in either byte order. */
const GPS_POINTER = [Buffer.from([0x88, 0x25]), Buffer.from([0x25, 0x88])]

async function pixel(jpeg: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true })
  const at = (y * info.width + x) * info.channels
  return [data[at] as number, data[at + 1] as number, data[at + 2] as number]
}

describe('image normalisation for cards and CRMs', () => {
  let sideways: SampleImage
  beforeAll(async () => {
    sideways = await sidewaysPhoto()
  })

  it('the sample photo really carries an orientation, a camera and a GPS position', async () => {
    const meta = await sharp(sideways.bytes).metadata()
    expect(meta.orientation).toBe(6)
    expect(GPS_POINTER.some((p) => meta.exif?.includes(p))).toBe(true)
    expect(meta.exif?.toString('latin1')).toContain('SampleCam')
  })

  it('applies the orientation and drops every metadata block, location included', async () => {
    const out = await normalizeImage(sideways.bytes, LIMITS)
    const meta = await sharp(out.jpeg).metadata()
    expect(meta.format).toBe('jpeg')
    expect([meta.width, meta.height]).toEqual([sideways.displayWidth, sideways.displayHeight])
    expect([out.width, out.height]).toEqual([400, 600])
    expect(meta.orientation ?? 1).toBe(1)
    expect(meta.exif).toBeUndefined()
    expect(meta.xmp).toBeUndefined()
    expect(meta.iptc).toBeUndefined()
    const raw = Buffer.from(out.jpeg)
    expect(raw.includes(Buffer.from('SampleCam'))).toBe(false)
    expect(raw.includes(Buffer.from('Exif\0\0'))).toBe(false)
    // Upright, the stored left (red) half is on top.
    const [r1, , b1] = await pixel(out.jpeg, 200, 50)
    const [r2, , b2] = await pixel(out.jpeg, 200, 550)
    expect(r1).toBeGreaterThan(150)
    expect(b1).toBeLessThan(80)
    expect(b2).toBeGreaterThan(150)
    expect(r2).toBeLessThan(80)
    const thumb = await sharp(out.thumb).metadata()
    expect(Math.max(thumb.width ?? 0, thumb.height ?? 0)).toBeLessThanOrEqual(320)
    expect(thumb.exif).toBeUndefined()
  })

  it('steps the JPEG quality down until the file is under the limit', async () => {
    const photo = await noisyPhoto(1600, 1200)
    expect(photo.bytes.byteLength).toBeGreaterThan(1_000_000)
    const out = await normalizeImage(photo.bytes, { ...LIMITS, maxJpegBytes: 600_000 })
    expect(out.jpeg.byteLength).toBeLessThan(600_000)
    expect(out.quality).toBeLessThan(86)
    expect([out.width, out.height]).toEqual([1600, 1200])
  }, 90_000)

  it('bounds the longest side, keeping the aspect ratio', async () => {
    const photo = await noisyPhoto(3000, 1000, 70)
    const out = await normalizeImage(photo.bytes, { ...LIMITS, maxSide: 1200 })
    expect([out.width, out.height]).toEqual([1200, 400])
  })

  it('flattens transparency onto white', async () => {
    const png = await transparentPng()
    const out = await normalizeImage(png.bytes, LIMITS)
    const [r, g, b] = await pixel(out.jpeg, 10, 10)
    expect(Math.min(r ?? 0, g ?? 0, b ?? 0)).toBeGreaterThan(240)
    const [, g2] = await pixel(out.jpeg, 400, 300)
    expect(g2).toBeGreaterThan(120)
  })

  it('keeps a sticker as a JPEG still, and an animated one also as its animation', async () => {
    const still = await normalizeImage((await staticSticker()).bytes, LIMITS)
    expect(still.animation).toBeNull()
    expect(still.frames).toBe(1)
    const animated = await animatedSticker()
    const out = await normalizeImage(animated.bytes, LIMITS)
    expect(out.frames).toBe(3)
    expect(out.animation).not.toBeNull()
    const meta = await sharp(out.animation as Uint8Array, { animated: true }).metadata()
    expect(meta.format).toBe('webp')
    expect(meta.pages).toBe(3)
    expect((await sharp(out.jpeg).metadata()).pages ?? 1).toBe(1)
    const [r, g] = await pixel(out.jpeg, 100, 100)
    expect(r).toBeGreaterThan(200)
    expect(g).toBeLessThan(60)
  })

  it('refuses bytes that are not an image', async () => {
    await expect(normalizeImage(new TextEncoder().encode('%PDF-1.4 not a picture'), LIMITS)).rejects.toThrow()
  })

  it('property: any photo comes out a JPEG under the byte limit with its longest side bounded', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 16, max: 900 }),
        fc.integer({ min: 16, max: 900 }),
        fc.integer({ min: 64, max: 700 }),
        fc.integer({ min: 60_000, max: 400_000 }),
        async (width, height, maxSide, maxJpegBytes) => {
          const photo = await noisyPhoto(width, height, 95)
          const out = await normalizeImage(photo.bytes, { maxSide, maxJpegBytes, thumbSide: 100 })
          const meta = await sharp(out.jpeg).metadata()
          expect(meta.format).toBe('jpeg')
          expect(out.jpeg.byteLength).toBeLessThan(maxJpegBytes)
          expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(Math.max(maxSide, 64))
          expect(meta.exif).toBeUndefined()
        },
      ),
      { numRuns: 15 },
    )
  }, 90_000)
})
