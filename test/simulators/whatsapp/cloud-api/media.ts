/**
 * Media store: upload checks (MIME allow-list and size per kind, reference §5.1, error 131053),
 * retrieval (`GET /{Media-ID}`) with a 5-minute signed download URL shaped like Meta's lookaside link,
 * and the download itself.
 */
import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto'

export interface MediaRule {
  kind: 'image' | 'video' | 'audio' | 'document' | 'sticker'
  maxBytes: number
}

const MB = 1024 * 1024
const DOCUMENT = { kind: 'document', maxBytes: 100 * MB } as const
const IMAGE = { kind: 'image', maxBytes: 5 * MB } as const
const VIDEO = { kind: 'video', maxBytes: 16 * MB } as const
const AUDIO = { kind: 'audio', maxBytes: 16 * MB } as const

/** MIME type → kind and limit. Stickers: 500 KB (animated limit; static ones are meant to be ≤ 100 KB). */
export const MEDIA_RULES: Record<string, MediaRule> = {
  'image/jpeg': IMAGE,
  'image/png': IMAGE,
  'video/mp4': VIDEO,
  'video/3gpp': VIDEO,
  'audio/aac': AUDIO,
  'audio/amr': AUDIO,
  'audio/mpeg': AUDIO,
  'audio/mp4': AUDIO,
  'audio/ogg': AUDIO,
  'text/plain': DOCUMENT,
  'application/pdf': DOCUMENT,
  'application/msword': DOCUMENT,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': DOCUMENT,
  'application/vnd.ms-excel': DOCUMENT,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': DOCUMENT,
  'application/vnd.ms-powerpoint': DOCUMENT,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': DOCUMENT,
  'image/webp': { kind: 'sticker', maxBytes: 500 * 1024 },
}

export const DOWNLOAD_PATH = '/whatsapp_business/attachments/'
const URL_TTL_MS = 5 * 60 * 1000
const MEDIA_TTL_MS = 30 * 24 * 3600 * 1000

export interface StoredMedia {
  id: string
  phoneNumberId: string | undefined
  mimeType: string
  bytes: Uint8Array
  sha256: string
  storedAt: number
}

export type UploadResult = { ok: true; id: string } | { ok: false; code: 131053 | 100; details: string }

/** `audio/ogg; codecs=opus` → `audio/ogg`. */
const baseMime = (mime: string): string => mime.split(';')[0].trim().toLowerCase()

export class MediaStore {
  private readonly items = new Map<string, StoredMedia>()
  private readonly urlKey = randomBytes(16)
  private readonly downloadFaults = new Map<string, { count: number; status: number }>()
  private readonly downloads = new Map<string, number>()

  /** The next `count` downloads of `id` answer `status` instead of the file. */
  failDownloads(id: string, count: number, status = 500): void {
    this.downloadFaults.set(id, { count, status })
  }

  /** Counts a download of `id`; the status to answer instead of the file, if one is due. */
  takeDownloadFault(id: string): number | undefined {
    this.downloads.set(id, (this.downloads.get(id) ?? 0) + 1)
    const fault = this.downloadFaults.get(id)
    if (!fault || fault.count <= 0) return undefined
    fault.count -= 1
    return fault.status
  }

  downloadCount(id: string): number {
    return this.downloads.get(id) ?? 0
  }

  upload(phoneNumberId: string | undefined, bytes: Uint8Array, mimeType: string): UploadResult {
    const rule = MEDIA_RULES[baseMime(mimeType)]
    if (!rule) {
      return {
        ok: false,
        code: 131053,
        details: `Param file must be a file with one of the following types: ${Object.keys(MEDIA_RULES).join(', ')}. Received file of type '${mimeType}'.`,
      }
    }
    if (bytes.byteLength === 0) return { ok: false, code: 131053, details: 'Uploaded file is empty.' }
    if (bytes.byteLength > rule.maxBytes) {
      return {
        ok: false,
        code: 131053,
        details: `File size ${bytes.byteLength} bytes exceeds the ${rule.maxBytes} byte limit for ${rule.kind} (${mimeType}).`,
      }
    }
    return { ok: true, id: this.put(phoneNumberId, bytes, mimeType) }
  }

  /** Stores without checks (media a customer sent). */
  put(phoneNumberId: string | undefined, bytes: Uint8Array, mimeType: string): string {
    const id = `${randomInt(1, 10)}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e6)).padStart(6, '0')}`
    const sha256 = createHash('sha256').update(bytes).digest('base64')
    this.items.set(id, { id, phoneNumberId, mimeType, bytes, sha256, storedAt: Date.now() })
    return id
  }

  get(id: string, now = Date.now()): StoredMedia | undefined {
    const m = this.items.get(id)
    return m && now - m.storedAt < MEDIA_TTL_MS ? m : undefined
  }

  has(id: string): boolean {
    return this.get(id) !== undefined
  }

  delete(id: string): boolean {
    return this.items.delete(id)
  }

  /** The download URL `GET /{Media-ID}` answers with, valid for 5 minutes. */
  downloadUrl(baseUrl: string, id: string, now = Date.now()): string {
    const ext = String(Math.floor((now + URL_TTL_MS) / 1000))
    const url = new URL(DOWNLOAD_PATH, baseUrl)
    url.searchParams.set('mid', id)
    url.searchParams.set('ext', ext)
    url.searchParams.set('hash', this.sign(id, ext))
    return url.toString()
  }

  /** The media a download URL points at, when the URL is genuine and not expired. */
  resolveDownload(query: URLSearchParams, now = Date.now()): StoredMedia | undefined {
    const id = query.get('mid') ?? ''
    const ext = query.get('ext') ?? ''
    if (query.get('hash') !== this.sign(id, ext) || Number(ext) * 1000 < now) return undefined
    return this.get(id, now)
  }

  private sign(id: string, ext: string): string {
    return createHmac('sha256', this.urlKey).update(`${id}.${ext}`).digest('base64url').slice(0, 24)
  }
}
