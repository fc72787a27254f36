import { createHash } from 'node:crypto'
import { MediaFetchError } from './cloud-media-client'
import { type ImageLimits, normalizeImage } from './normalize-image'
import { type MediaStorage, mediaKey } from './storage'

/** What a stored media object records about its files. */
export interface StoredFiles {
  sourceBytes: number
  sourceSha256: string
  fileKey: string
  fileMimeType: string
  fileBytes: number
  width: number | null
  height: number | null
  thumbKey: string | null
  thumbBytes: number | null
  animationKey: string | null
}

/**
 * Per-kind ceilings of files kept as they are (WhatsApp's own, reference §5.1). Images have none
 * here: they are shrunk, and MEDIA_MAX_BYTES bounds the download itself.
 */
const KEPT_AS_IS_LIMITS: Record<string, number> = {
  audio: 16_000_000,
  video: 16_000_000,
  document: 100_000_000,
}

const THUMB_SIDE = 320

/** The stored-file columns of a row that holds them (media_objects, outbound_media), and nothing else. */
export function storedFilesOf(row: StoredFiles): StoredFiles {
  return {
    sourceBytes: row.sourceBytes,
    sourceSha256: row.sourceSha256,
    fileKey: row.fileKey,
    fileMimeType: row.fileMimeType,
    fileBytes: row.fileBytes,
    width: row.width,
    height: row.height,
    thumbKey: row.thumbKey,
    thumbBytes: row.thumbBytes,
    animationKey: row.animationKey,
  }
}

/**
 * Writes one verified download to the store: images and stickers as their normalised JPEG (plus a
 * thumbnail, plus the animation when there is one), everything else byte for byte. `kept` is what
 * was written as the file, so a caller that sends it on need not read it back.
 */
export async function storeMediaFiles(
  storage: MediaStorage,
  object: { id: string; workspaceId: string; kind: string; mimeType: string | null },
  bytes: Uint8Array,
  limits: Omit<ImageLimits, 'thumbSide'>,
): Promise<StoredFiles & { kept: Uint8Array }> {
  const limit = KEPT_AS_IS_LIMITS[object.kind]
  if (limit !== undefined && bytes.byteLength > limit)
    throw new MediaFetchError(
      'too_large',
      `${object.kind} of ${bytes.byteLength} bytes is over WhatsApp's ${limit}`,
      true,
    )
  const source = {
    sourceBytes: bytes.byteLength,
    sourceSha256: createHash('sha256').update(bytes).digest('hex'),
  }
  const key = (variant: 'file' | 'thumb' | 'animation') => mediaKey(object.workspaceId, object.id, variant)
  if (object.kind === 'image' || object.kind === 'sticker') {
    let image: Awaited<ReturnType<typeof normalizeImage>>
    try {
      image = await normalizeImage(bytes, { ...limits, thumbSide: THUMB_SIDE })
    } catch (error) {
      throw new MediaFetchError('unreadable_image', `not a readable image: ${(error as Error).message}`, true)
    }
    await storage.put(key('file'), image.jpeg, 'image/jpeg')
    await storage.put(key('thumb'), image.thumb, 'image/jpeg')
    if (image.animation) await storage.put(key('animation'), image.animation, 'image/webp')
    return {
      ...source,
      kept: image.jpeg,
      fileKey: key('file'),
      fileMimeType: 'image/jpeg',
      fileBytes: image.jpeg.byteLength,
      width: image.width,
      height: image.height,
      thumbKey: key('thumb'),
      thumbBytes: image.thumb.byteLength,
      animationKey: image.animation ? key('animation') : null,
    }
  }
  const mime = object.mimeType?.split(';')[0]?.trim() || 'application/octet-stream'
  await storage.put(key('file'), bytes, mime)
  return {
    ...source,
    kept: bytes,
    fileKey: key('file'),
    fileMimeType: mime,
    fileBytes: bytes.byteLength,
    width: null,
    height: null,
    thumbKey: null,
    thumbBytes: null,
    animationKey: null,
  }
}
