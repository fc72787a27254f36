import { createHash } from 'node:crypto'

/**
 * Meta's media retrieval: `GET /{media-id}` answers a download URL that lives about five minutes,
 * then the URL itself is fetched with the same bearer token. Both steps happen back to back in one
 * attempt; the URL is never stored.
 */

export interface MediaApiConfig {
  graphUrl: string
  apiVersion: string
  timeoutMs: number
  maxBytes: number
}

export interface MediaInfo {
  url: string
  mimeType: string | null
  sha256: string | null
  fileSize: number | null
}

/** Why an attempt failed; `permanent` ones are not retried. */
export class MediaFetchError extends Error {
  constructor(
    readonly reason: MediaFailureReason,
    message: string,
    readonly permanent: boolean,
  ) {
    super(message)
    this.name = 'MediaFetchError'
  }
}

export type MediaFailureReason =
  | 'media_expired'
  | 'access_token_rejected'
  | 'no_access_token'
  | 'meta_unavailable'
  | 'download_failed'
  | 'checksum_mismatch'
  | 'too_large'
  | 'unreadable_image'
  | 'worker_stopped'

export async function retrieveMediaInfo(
  config: MediaApiConfig,
  mediaId: string,
  phoneNumberId: string,
  token: string,
): Promise<MediaInfo> {
  const base = config.graphUrl.replace(/\/$/, '')
  const url = `${base}/${config.apiVersion}/${encodeURIComponent(mediaId)}?phone_number_id=${encodeURIComponent(phoneNumberId)}`
  const res = await request(url, token, config.timeoutMs)
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null
  if (!res.ok) throw classifyGraphError(res.status, body)
  if (!body || typeof body.url !== 'string')
    throw new MediaFetchError('meta_unavailable', 'media lookup answered without a download URL', false)
  return {
    url: body.url,
    mimeType: typeof body.mime_type === 'string' ? body.mime_type : null,
    sha256: typeof body.sha256 === 'string' ? body.sha256 : null,
    fileSize: typeof body.file_size === 'number' ? body.file_size : Number(body.file_size) || null,
  }
}

/** Downloads the file, refusing it past `maxBytes` without reading the rest. */
export async function downloadMedia(
  config: MediaApiConfig,
  info: MediaInfo,
  token: string,
): Promise<Uint8Array> {
  if (info.fileSize !== null && info.fileSize > config.maxBytes)
    throw new MediaFetchError(
      'too_large',
      `file of ${info.fileSize} bytes is over the ${config.maxBytes} byte limit`,
      true,
    )
  const res = await request(info.url, token, config.timeoutMs)
  if (!res.ok) {
    await res.body?.cancel().catch(() => {})
    // An expired or refused link is fixed by asking Meta for a fresh one on the next attempt.
    throw new MediaFetchError('download_failed', `media download answered HTTP ${res.status}`, false)
  }
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = res.body?.getReader()
  if (!reader) return new Uint8Array()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > config.maxBytes) {
      await reader.cancel().catch(() => {})
      throw new MediaFetchError('too_large', `file is over the ${config.maxBytes} byte limit`, true)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

/** Meta has written the checksum as hex and as base64; either spelling of the same digest matches. */
export function sha256Matches(bytes: Uint8Array, announced: string | null): boolean {
  if (!announced) return true
  const digest = createHash('sha256').update(bytes).digest()
  const clean = announced.trim()
  if (/^[0-9a-fA-F]{64}$/.test(clean)) return clean.toLowerCase() === digest.toString('hex')
  return (
    clean.replace(/=+$/, '') === digest.toString('base64').replace(/=+$/, '') ||
    clean.replace(/=+$/, '') === digest.toString('base64url')
  )
}

async function request(url: string, token: string, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (error) {
    // The cause says what happened; the URL and the token stay out of the message.
    const err = error as Error & { cause?: { code?: string } }
    const what =
      err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err.cause?.code ?? err.name)
    throw new MediaFetchError('meta_unavailable', `Meta could not be reached: ${what}`, false)
  }
}

function classifyGraphError(status: number, body: Record<string, unknown> | null): MediaFetchError {
  const error = (body?.error ?? {}) as { code?: number; message?: string }
  const message = `media lookup answered HTTP ${status}${error.code ? ` (code ${error.code})` : ''}`
  if (status === 401 || error.code === 190)
    return new MediaFetchError('access_token_rejected', message, false)
  // Graph answers an unknown or expired media id with 400/404, code 100: it will not come back.
  if ((status === 400 || status === 404) && (error.code === 100 || error.code === undefined))
    return new MediaFetchError('media_expired', message, true)
  return new MediaFetchError('meta_unavailable', message, false)
}
