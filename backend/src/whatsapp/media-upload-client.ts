import { type CloudApiConfig, classifyFetchFailure } from './cloud-api-client'

export type UploadOutcome =
  | { kind: 'uploaded'; id: string }
  /** Meta answered with an error (131053 for a type or size it refuses, 190 for a bad token …). */
  | { kind: 'refused'; httpStatus: number; code: number; message: string }
  /** No usable answer: nothing to send with; the upload can simply be tried again. */
  | { kind: 'failed'; detail: string }

/**
 * `POST /{phone-number-id}/media` (multipart: `file`, `type`, `messaging_product=whatsapp`) → `{ id }`.
 * The id works only for that number, for 30 days. Uploading again just makes a new id, so a
 * failure without an answer is reported rather than retried here.
 */
export async function uploadMedia(
  config: CloudApiConfig,
  phoneNumberId: string,
  accessToken: string,
  file: { bytes: Uint8Array; mimeType: string; filename: string },
): Promise<UploadOutcome> {
  const form = new FormData()
  form.set('messaging_product', 'whatsapp')
  form.set('type', file.mimeType)
  form.set('file', new Blob([file.bytes], { type: file.mimeType }), file.filename)
  const url = `${config.graphUrl.replace(/\/$/, '')}/${config.apiVersion}/${encodeURIComponent(phoneNumberId)}/media`
  let res: Response
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}` },
      body: form,
      signal: AbortSignal.timeout(config.timeoutMs),
    })
  } catch (error) {
    const failure = classifyFetchFailure(error, config.timeoutMs)
    return { kind: 'failed', detail: 'detail' in failure ? failure.detail : 'no answer' }
  }
  const json = (await res.json().catch(() => null)) as {
    id?: unknown
    error?: { message?: string; code?: number; error_data?: { details?: string } }
  } | null
  if (res.ok && typeof json?.id === 'string') return { kind: 'uploaded', id: json.id }
  if (res.ok) return { kind: 'failed', detail: 'success answer without a media id' }
  return {
    kind: 'refused',
    httpStatus: res.status,
    code: typeof json?.error?.code === 'number' ? json.error.code : res.status,
    message: json?.error?.error_data?.details ?? json?.error?.message ?? `HTTP ${res.status}`,
  }
}
