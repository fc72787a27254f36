/**
 * Real image files of the kinds customers send, made with sharp at test time (no binary fixtures
 * in the repo): camera photos with an EXIF orientation and a GPS position, large noisy photos that
 * do not compress, PNG screenshots with transparency, static and animated WebP stickers.
 */
import sharp from 'sharp'

export interface SampleImage {
  bytes: Uint8Array
  mimeType: string
  /** What a viewer should see once the orientation is applied. */
  displayWidth: number
  displayHeight: number
}

/** The place the photos claim they were taken (São Paulo), for checks that it is gone. */
export const SAMPLE_GPS = { latitude: '23/1 33/1 1/1', longitude: '46/1 38/1 1/1' }

/**
 * A camera photo stored sideways with EXIF orientation 6 (turn 90° clockwise to view), a camera
 * make and a GPS position. Its stored left half is red and right half blue, so upright the top
 * half is red.
 */
export async function sidewaysPhoto(width = 600, height = 400): Promise<SampleImage> {
  const half = Math.floor(width / 2)
  const left = await sharp({ create: { width: half, height, channels: 3, background: '#d01010' } })
    .png()
    .toBuffer()
  const bytes = await sharp({ create: { width, height, channels: 3, background: '#1010d0' } })
    .composite([{ input: left, left: 0, top: 0 }])
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'SampleCam', Model: 'Phone 12', Software: 'camera 1.0' },
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: SAMPLE_GPS.latitude,
        GPSLongitudeRef: 'W',
        GPSLongitude: SAMPLE_GPS.longitude,
      },
    })
    .jpeg({ quality: 90 })
    .toBuffer()
  return { bytes, mimeType: 'image/jpeg', displayWidth: height, displayHeight: width }
}

/** A photo of noise (no JPEG can make it small), `width`×`height`, with GPS in its EXIF. */
export async function noisyPhoto(width: number, height: number, quality = 92): Promise<SampleImage> {
  const bytes = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 50 },
    },
  })
    .withExif({ IFD3: { GPSLatitudeRef: 'S', GPSLatitude: SAMPLE_GPS.latitude } })
    .jpeg({ quality })
    .toBuffer()
  return { bytes, mimeType: 'image/jpeg', displayWidth: width, displayHeight: height }
}

/** A screenshot-like PNG with a transparent corner. */
export async function transparentPng(width = 800, height = 500): Promise<SampleImage> {
  const bytes = await sharp({
    create: { width, height, channels: 4, background: { r: 30, g: 160, b: 60, alpha: 1 } },
  })
    .composite([
      {
        input: {
          create: { width: 100, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
        },
        left: 0,
        top: 0,
        blend: 'source',
      },
    ])
    .png()
    .toBuffer()
  return { bytes, mimeType: 'image/png', displayWidth: width, displayHeight: height }
}

/** A 512×512 WebP sticker with transparency (WhatsApp's sticker size). */
export async function staticSticker(): Promise<SampleImage> {
  const bytes = await sharp({
    create: { width: 512, height: 512, channels: 4, background: { r: 250, g: 200, b: 0, alpha: 0.8 } },
  })
    .webp({ quality: 80 })
    .toBuffer()
  return { bytes, mimeType: 'image/webp', displayWidth: 512, displayHeight: 512 }
}

/** A three-frame animated WebP sticker (red, green, blue). */
export async function animatedSticker(side = 512): Promise<SampleImage & { frames: number }> {
  const frames = await Promise.all(
    ['#ff0000', '#00ff00', '#0000ff'].map((background) =>
      sharp({ create: { width: side, height: side, channels: 4, background } })
        .png()
        .toBuffer(),
    ),
  )
  const bytes = await sharp(frames, { join: { animated: true } })
    .webp({ loop: 0, delay: [150, 150, 150] })
    .toBuffer()
  return { bytes, mimeType: 'image/webp', displayWidth: side, displayHeight: side, frames: 3 }
}
