import { eq } from 'drizzle-orm'
import type { Database } from '../db/client'
import { mediaObjects } from '../db/schema'
import { ForbiddenError, NotFoundError } from '../lib/errors'
import type { MediaServices } from './media-services'
import type { MediaVariant } from './storage'

/** Types a browser may show inline; anything else is a download, so a customer's file never renders as a page. */
const INLINE_TYPES = /^(image\/(jpeg|webp)|audio\/[a-z0-9.+-]+|video\/(mp4|3gpp))$/

export interface MediaFile {
  bytes: Uint8Array
  contentType: string
  inline: boolean
  /** The link's own expiry, which bounds how long a cache may keep the file. */
  expiresAt: number
}

/** The file a signed link points at: the link checked first, then the object and its variant. */
export async function readSignedMedia(
  db: Database,
  media: MediaServices,
  link: { id: string; variant: MediaVariant; exp: number; sig: string },
  now = Date.now(),
): Promise<MediaFile> {
  if (!media.signer.verify(link.id, link.variant, link.exp, link.sig, now))
    throw new ForbiddenError(
      'This media link is invalid or has expired; open the thread again for a fresh one.',
    )
  const [row] = await db.select().from(mediaObjects).where(eq(mediaObjects.id, link.id))
  const key =
    row?.state === 'stored'
      ? { file: row.fileKey, thumb: row.thumbKey, animation: row.animationKey }[link.variant]
      : null
  if (!row || !key) throw new NotFoundError('No such media file.')
  const bytes = await media.storage.get(key)
  if (!bytes) throw new NotFoundError('No such media file.')
  const contentType =
    link.variant === 'file'
      ? (row.fileMimeType ?? 'application/octet-stream')
      : link.variant === 'thumb'
        ? 'image/jpeg'
        : 'image/webp'
  return { bytes, contentType, inline: INLINE_TYPES.test(contentType), expiresAt: link.exp * 1000 }
}
