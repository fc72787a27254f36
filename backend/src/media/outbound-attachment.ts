import type { SendContent } from '@scrm/shared'
import { and, eq } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { mediaObjects, type OutboundMedia, outboundMedia, type WhatsappChannel } from '../db/schema'
import { InvalidInputError } from '../lib/errors'
import { UPLOAD_VALID_MS } from './outbound-upload'
import { storedFilesOf } from './store-media'

type MediaContent = Exclude<SendContent, { type: 'text' | 'template' | 'quick_reply' }>

const refuse = (message: string) => new InvalidInputError(message, [{ path: 'content.upload_id', message }])

/**
 * A send that names an upload (`content.upload_id`) goes out with the id Meta gave that upload.
 * Meta's id belongs to one number and lasts 30 days, so the send must come from the number the
 * file was uploaded to, within that time; otherwise the request is refused with what to do.
 * Other content passes through unchanged.
 */
export async function resolveUpload(
  tx: Executor,
  workspaceId: string,
  channel: WhatsappChannel,
  content: SendContent,
  now: Date,
): Promise<{ content: SendContent; upload: OutboundMedia | null }> {
  if (!('upload_id' in content) || !content.upload_id) return { content, upload: null }
  const media = content as MediaContent
  const [upload] = await tx
    .select()
    .from(outboundMedia)
    .where(and(eq(outboundMedia.workspaceId, workspaceId), eq(outboundMedia.id, media.upload_id as string)))
  if (!upload)
    throw refuse('No upload with this id in this workspace: upload the file with POST /api/v1/media.')
  if (upload.kind !== media.type)
    throw refuse(`This upload is a ${upload.kind}; send it with content.type "${upload.kind}".`)
  if (upload.channelId !== channel.id)
    throw refuse(
      `This file was uploaded for another number than ${channel.displayPhoneNumber}: send it with that number's channel_id, or upload it again for this one.`,
    )
  if (now.getTime() - upload.metaUploadedAt.getTime() > UPLOAD_VALID_MS)
    throw refuse('WhatsApp keeps an uploaded file for 30 days and this one is older: upload it again.')
  const { upload_id: _named, ...rest } = media
  const filename =
    media.type === 'document' ? (media.filename ?? upload.filename ?? undefined) : media.filename
  return { content: { ...rest, id: upload.metaMediaId, filename } as SendContent, upload }
}

/** The sent message shows our copy of the upload in the thread, like a received photo. */
export async function attachUploadToMessage(
  tx: Executor,
  messageId: number,
  upload: OutboundMedia,
): Promise<void> {
  await tx.insert(mediaObjects).values({
    workspaceId: upload.workspaceId,
    channelId: upload.channelId,
    messageId,
    kind: upload.kind,
    metaMediaId: upload.metaMediaId,
    sourceMimeType: upload.sourceMimeType,
    state: 'stored',
    ...storedFilesOf(upload),
    storedAt: upload.createdAt,
  })
}
