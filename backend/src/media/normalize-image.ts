import sharp from 'sharp'

export interface ImageLimits {
  /** Longest side of the stored image. */
  maxSide: number
  /** The stored JPEG stays under this many bytes. */
  maxJpegBytes: number
  /** Longest side of the card thumbnail. */
  thumbSide: number
}

export interface NormalizedImage {
  jpeg: Uint8Array
  width: number
  height: number
  quality: number
  thumb: Uint8Array
  /** Animated input keeps its animation as WebP (same bounds, metadata stripped); null for stills. */
  animation: Uint8Array | null
  frames: number
}

const QUALITIES = [86, 80, 74, 68, 62, 56, 50, 44, 38]
const THUMB_QUALITY = 70
/** 100 megapixels: a decompression bomb is refused, a phone camera's largest photo is not. */
const MAX_INPUT_PIXELS = 100_000_000

/**
 * Turns any image WhatsApp carries (JPEG, PNG, WebP stickers, animated WebP) into what cards and
 * CRMs get: the EXIF orientation applied, every metadata block dropped (camera, GPS location, ICC
 * converted to sRGB), transparency flattened on white, longest side bounded, and JPEG quality
 * stepped down (then the size, if it must) until the file is under the limit. Throws on bytes that
 * are not an image.
 */
export async function normalizeImage(input: Uint8Array, limits: ImageLimits): Promise<NormalizedImage> {
  const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()
  const frames = meta.pages ?? 1
  // Decoded, oriented and scaled once; each quality step only encodes.
  const { data: pixels, info } = await still(input)
    .resize({ width: limits.maxSide, height: limits.maxSide, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const raw = { width: info.width, height: info.height, channels: info.channels }
  let width = info.width
  let height = info.height
  for (;;) {
    for (const quality of QUALITIES) {
      const jpeg = await sharp(pixels, { raw })
        .resize({ width, height, fit: 'fill' })
        .jpeg({ quality, progressive: true })
        .toBuffer()
      if (jpeg.byteLength < limits.maxJpegBytes) {
        const thumb = await sharp(pixels, { raw })
          .resize({
            width: limits.thumbSide,
            height: limits.thumbSide,
            fit: 'inside',
            withoutEnlargement: true,
          })
          .jpeg({ quality: THUMB_QUALITY })
          .toBuffer()
        const side = Math.max(width, height)
        const animation =
          frames > 1
            ? await sharp(input, { animated: true, limitInputPixels: MAX_INPUT_PIXELS })
                .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
                .webp({ quality: 75 })
                .toBuffer()
            : null
        return { jpeg, width, height, quality, thumb, animation, frames }
      }
    }
    // Even the lowest quality is too big at this size: a smaller picture beats an unreadable one.
    if (Math.max(width, height) <= 64) throw new Error('image cannot be made small enough')
    width = Math.max(1, Math.floor(width * 0.75))
    height = Math.max(1, Math.floor(height * 0.75))
  }
}

/** The first frame, upright, on white; sharp writes no metadata unless asked to. */
function still(input: Uint8Array) {
  return sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
    .autoOrient()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
}
