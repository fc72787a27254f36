import { join } from 'node:path'
import type { Config } from '../config'
import type { Database, DriverName } from '../db/client'
import type { Logger } from '../lib/logger'
import { LocalDiskStorage } from './local-disk-storage'
import { MediaWorker } from './media-worker'
import type { ImageLimits } from './normalize-image'
import type { OutboundUploadDeps } from './outbound-upload'
import { S3Storage } from './s3-storage'
import { MediaLinkSigner } from './signed-url'
import type { MediaStorage } from './storage'

/** What routes need of media: the store and the link signer. */
export interface MediaServices {
  storage: MediaStorage
  signer: MediaLinkSigner
}

/** The store MEDIA_STORAGE names: a folder under DATA_DIR unless a bucket is configured. */
export function openMediaStorage(config: Config): MediaStorage {
  if (config.MEDIA_STORAGE === 's3')
    return new S3Storage({
      bucket: config.MEDIA_S3_BUCKET as string,
      region: config.MEDIA_S3_REGION,
      endpoint: config.MEDIA_S3_ENDPOINT,
      forcePathStyle: config.MEDIA_S3_FORCE_PATH_STYLE,
      accessKeyId: config.MEDIA_S3_ACCESS_KEY_ID,
      secretAccessKey: config.MEDIA_S3_SECRET_ACCESS_KEY,
      prefix: config.MEDIA_S3_PREFIX,
    })
  return new LocalDiskStorage(join(config.DATA_DIR, 'media'))
}

export function createMediaServices(config: Config, encryptionKey: Buffer): MediaServices {
  return {
    storage: openMediaStorage(config),
    signer: new MediaLinkSigner(encryptionKey, config.MEDIA_URL_TTL_SECONDS),
  }
}

/** The picture bounds received photos and reps' uploads share. */
function imageLimitsOf(config: Config): Omit<ImageLimits, 'thumbSide'> {
  return { maxSide: config.MEDIA_IMAGE_MAX_SIDE, maxJpegBytes: config.MEDIA_JPEG_MAX_BYTES }
}

/** What POST /api/v1/media needs to keep a rep's file and upload it to Meta. */
export function outboundUploadDeps(
  db: Database,
  config: Config,
  media: MediaServices,
  encryptionKey: Buffer,
): OutboundUploadDeps {
  return {
    db,
    storage: media.storage,
    encryptionKey,
    cloudApi: {
      graphUrl: config.WHATSAPP_GRAPH_URL,
      apiVersion: config.WHATSAPP_API_VERSION,
      timeoutMs: config.MEDIA_REQUEST_TIMEOUT_MS,
    },
    imageLimits: imageLimitsOf(config),
    maxBytes: config.MEDIA_MAX_BYTES,
  }
}

export function createMediaWorker(
  db: Database,
  driver: DriverName,
  config: Config,
  media: MediaServices,
  encryptionKey: Buffer,
  logger: Logger,
): MediaWorker {
  return new MediaWorker(db, {
    db,
    storage: media.storage,
    encryptionKey,
    api: {
      graphUrl: config.WHATSAPP_GRAPH_URL,
      apiVersion: config.WHATSAPP_API_VERSION,
      timeoutMs: config.MEDIA_REQUEST_TIMEOUT_MS,
      maxBytes: config.MEDIA_MAX_BYTES,
    },
    imageLimits: imageLimitsOf(config),
    maxAttempts: config.MEDIA_MAX_ATTEMPTS,
    retryBaseMs: config.MEDIA_RETRY_BASE_MS,
    logger: logger.child({ component: 'media' }),
    pollMs: config.MEDIA_POLL_MS,
    batchSize: 8,
    concurrency: driver === 'pglite' ? 1 : 2,
    leaseMs: config.LEASE_MS,
    heartbeatMs: config.LEASE_HEARTBEAT_MS,
  })
}
