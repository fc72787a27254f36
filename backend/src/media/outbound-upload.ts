import { randomUUID } from 'node:crypto'
import type { Database } from '../db/client'
import { type OutboundMedia, outboundMedia } from '../db/schema'
import { decryptSecret } from '../lib/crypto'
import { DomainError, InvalidInputError, NotFoundError } from '../lib/errors'
import type { CloudApiConfig } from '../whatsapp/cloud-api-client'
import { uploadMedia } from '../whatsapp/media-upload-client'
import { findSendingChannel } from '../whatsapp/sending-channel'
import { MediaFetchError } from './cloud-media-client'
import type { ImageLimits } from './normalize-image'
import type { MediaStorage } from './storage'
import { storeMediaFiles } from './store-media'

/**
 * What WhatsApp sends, by MIME type (reference §5.1). Images go out as our normalised JPEG, so
 * their source may be larger than Meta's 5 MB; every other kind goes out byte for byte and must
 * fit Meta's own limit.
 */
const KINDS: Record<string, 'image' | 'sticker' | 'audio' | 'video' | 'document'> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'sticker',
  'video/mp4': 'video',
  'video/3gpp': 'video',
  'audio/aac': 'audio',
  'audio/amr': 'audio',
  'audio/mpeg': 'audio',
  'audio/mp4': 'audio',
  'audio/ogg': 'audio',
  'text/plain': 'document',
  'application/pdf': 'document',
  'application/msword': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/vnd.ms-excel': 'document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'document',
  'application/vnd.ms-powerpoint': 'document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'document',
}
const STICKER_MAX_BYTES = 500_000
/** Meta keeps an uploaded id for 30 days; a day less leaves room for a send queued near the end. */
export const UPLOAD_VALID_MS = 29 * 86_400_000

export interface OutboundUploadDeps {
  db: Database
  storage: MediaStorage
  encryptionKey: Buffer
  cloudApi: CloudApiConfig
  imageLimits: Omit<ImageLimits, 'thumbSide'>
  /** Largest file accepted at all (MEDIA_MAX_BYTES). */
  maxBytes: number
}

export interface OutboundUploadInput {
  workspaceId: string
  channelId?: string
  bytes: Uint8Array
  mimeType: string
  filename: string | null
  uploadedBy: string
}

/** Meta refused the file or could not be reached: nothing was kept, the upload can be tried again. */
export class MediaUploadFailed extends DomainError {
  constructor(message: string, reason: string, unavailable: boolean) {
    super(unavailable ? 'unavailable' : 'send_refused', message, undefined, reason)
    this.name = 'MediaUploadFailed'
  }
}

/**
 * A rep's (or the API's) file, made sendable: checked against WhatsApp's types and sizes, stored as
 * our copy (images normalised: orientation applied, metadata and location stripped, JPEG under
 * 5 MB, a thumbnail), uploaded to Meta for the chosen number, and recorded with Meta's id. The file
 * Meta receives is the one the thread shows.
 */
export async function uploadOutboundMedia(
  deps: OutboundUploadDeps,
  input: OutboundUploadInput,
): Promise<OutboundMedia> {
  const mimeType = input.mimeType.split(';')[0]?.trim().toLowerCase() ?? ''
  const kind = KINDS[mimeType]
  if (!kind)
    throw new InvalidInputError(
      `WhatsApp cannot send a file of type "${mimeType || 'unknown'}". It sends ${Object.keys(KINDS).join(', ')}.`,
      [{ path: 'file', message: 'unsupported type' }],
    )
  if (input.bytes.byteLength === 0)
    throw new InvalidInputError('The file is empty.', [{ path: 'file', message: 'empty' }])
  if (
    input.bytes.byteLength > deps.maxBytes ||
    (kind === 'sticker' && input.bytes.byteLength > STICKER_MAX_BYTES)
  )
    throw new DomainError(
      'payload_too_large',
      `A ${kind} of ${input.bytes.byteLength} bytes is over the ${kind === 'sticker' ? STICKER_MAX_BYTES : deps.maxBytes}-byte limit.`,
    )
  const channel = await channelFor(deps.db, input.workspaceId, input.channelId)
  if (!channel.accessTokenEnc)
    throw new MediaUploadFailed(
      `The number ${channel.displayPhoneNumber} has no access token: set one before sending files.`,
      'no_token',
      false,
    )
  const id = randomUUID()
  let stored: Awaited<ReturnType<typeof storeMediaFiles>>
  try {
    stored = await storeMediaFiles(
      deps.storage,
      { id, workspaceId: input.workspaceId, kind, mimeType },
      input.bytes,
      deps.imageLimits,
    )
  } catch (error) {
    if (!(error instanceof MediaFetchError)) throw error
    if (error.reason === 'too_large') throw new DomainError('payload_too_large', `${error.message}.`)
    throw new InvalidInputError(`The file cannot be sent: ${error.message}.`, [
      { path: 'file', message: error.reason },
    ])
  }
  // Images go out as the JPEG we keep (no location, under 5 MB); stickers, sounds, videos and
  // documents as they came.
  const { kept, ...files } = stored
  const outgoing = kind === 'image' ? kept : input.bytes
  const outgoingType = kind === 'image' ? 'image/jpeg' : mimeType
  const filename = input.filename ?? `${kind}.${kind === 'image' ? 'jpg' : 'bin'}`
  const outcome = await uploadMedia(
    deps.cloudApi,
    channel.phoneNumberId,
    decryptSecret(channel.accessTokenEnc, deps.encryptionKey),
    { bytes: outgoing, mimeType: outgoingType, filename },
  )
  if (outcome.kind !== 'uploaded') {
    for (const key of [files.fileKey, files.thumbKey, files.animationKey])
      if (key) await deps.storage.delete(key)
    throw outcome.kind === 'refused'
      ? new MediaUploadFailed(
          `WhatsApp refused the file (${outcome.code}): ${outcome.message}`,
          'meta_refused',
          false,
        )
      : new MediaUploadFailed(
          `WhatsApp could not be reached to upload the file: ${outcome.detail}`,
          'meta_unreachable',
          true,
        )
  }
  const [row] = await deps.db
    .insert(outboundMedia)
    .values({
      id,
      workspaceId: input.workspaceId,
      channelId: channel.id,
      kind,
      metaMediaId: outcome.id,
      metaUploadedAt: new Date(),
      filename: input.filename,
      sourceMimeType: mimeType,
      ...files,
      uploadedBy: input.uploadedBy,
    })
    .returning()
  if (!row) throw new Error('outbound media insert returned nothing')
  return row
}

/** The named number, else the workspace's only (or first registered) one. */
async function channelFor(db: Database, workspaceId: string, channelId?: string) {
  const channel = await findSendingChannel(db, workspaceId, channelId)
  if (!channel)
    throw new NotFoundError(
      channelId ? 'No such WhatsApp number in this workspace.' : 'This workspace has no WhatsApp number yet.',
    )
  return channel
}
