/**
 * Reading a phone number (and a WABA's numbers) through the Graph API with a caller's token: what
 * proof of ownership at registration asks Meta. Only turns HTTP into typed outcomes; what an
 * outcome means for a registration is decided in channels/ownership-proof.ts.
 */
import { type CloudApiConfig, classifyFetchFailure, fetchRead } from './cloud-api-client'

export interface PhoneNumberInfo {
  id: string
  displayPhoneNumber: string
  verifiedName: string | null
  qualityRating: string | null
}

export type GraphReadOutcome<T> =
  | { kind: 'ok'; value: T }
  /** Meta refused the token itself (190 invalid or expired, 102 session, 104 missing). */
  | { kind: 'token_refused'; code: number }
  /**
   * The token is fine but cannot read the object: Graph answers one error (100 / subcode 33, or a
   * 200-range permission code, or 803) whether the object does not exist or is someone else's.
   */
  | { kind: 'not_readable'; code: number }
  /** No usable answer (network, timeout, 5xx, rate limit, garbage): nothing was learned. */
  | { kind: 'unavailable'; detail: string }

const FIELDS = 'id,display_phone_number,verified_name,quality_rating'
const TOKEN_CODES = new Set([190, 102, 104])

interface GraphError {
  error?: { code?: number; message?: string; is_transient?: boolean }
}

function base(config: CloudApiConfig): string {
  return `${config.graphUrl.replace(/\/$/, '')}/${config.apiVersion}`
}

async function graphGet(config: CloudApiConfig, url: string, accessToken: string) {
  let res: Response
  try {
    res = await fetchRead(url, accessToken, config.timeoutMs)
  } catch (error) {
    const failure = classifyFetchFailure(error, config.timeoutMs)
    return {
      kind: 'unavailable' as const,
      detail: `${failure.kind}: ${'reason' in failure ? failure.reason : ''}`,
    }
  }
  let json: unknown
  try {
    json = await res.json()
  } catch {
    return { kind: 'unavailable' as const, detail: `unreadable answer (HTTP ${res.status})` }
  }
  if (res.ok) return { kind: 'json' as const, json }
  const error = (json as GraphError | null)?.error
  const code = typeof error?.code === 'number' ? error.code : 0
  if (res.status >= 500 || res.status === 429 || error?.is_transient || code === 4 || code === 80007) {
    return { kind: 'unavailable' as const, detail: `HTTP ${res.status}, code ${code}` }
  }
  if (TOKEN_CODES.has(code) || res.status === 401) return { kind: 'token_refused' as const, code }
  return { kind: 'not_readable' as const, code }
}

/** `GET /{phone-number-id}?fields=…`: the number as the token's owner sees it. */
export async function readPhoneNumber(
  config: CloudApiConfig,
  phoneNumberId: string,
  accessToken: string,
): Promise<GraphReadOutcome<PhoneNumberInfo>> {
  const url = `${base(config)}/${encodeURIComponent(phoneNumberId)}?fields=${FIELDS}`
  const answer = await graphGet(config, url, accessToken)
  if (answer.kind !== 'json') return answer
  const body = answer.json as Partial<
    Record<'id' | 'display_phone_number' | 'verified_name' | 'quality_rating', unknown>
  >
  if (body.id !== phoneNumberId || typeof body.display_phone_number !== 'string') {
    return { kind: 'unavailable', detail: 'answer without the number' }
  }
  return {
    kind: 'ok',
    value: {
      id: body.id,
      displayPhoneNumber: body.display_phone_number,
      verifiedName: typeof body.verified_name === 'string' ? body.verified_name : null,
      qualityRating: typeof body.quality_rating === 'string' ? body.quality_rating : null,
    },
  }
}

/** `GET /{waba-id}/phone_numbers`, following Meta's paging: whether the WABA holds the number. */
export async function wabaHasNumber(
  config: CloudApiConfig,
  wabaId: string,
  phoneNumberId: string,
  accessToken: string,
): Promise<GraphReadOutcome<boolean>> {
  let url: string | null = `${base(config)}/${encodeURIComponent(wabaId)}/phone_numbers?fields=id&limit=100`
  // A WABA holds a handful of numbers; the cap only stops a paging loop that never ends.
  for (let page = 0; url && page < 50; page++) {
    const answer = await graphGet(config, url, accessToken)
    if (answer.kind !== 'json') return answer
    const body = answer.json as { data?: { id?: unknown }[]; paging?: { next?: unknown } }
    if (!Array.isArray(body.data)) return { kind: 'unavailable', detail: 'answer without data' }
    if (body.data.some((n) => n.id === phoneNumberId)) return { kind: 'ok', value: true }
    url = typeof body.paging?.next === 'string' ? body.paging.next : null
  }
  return { kind: 'ok', value: false }
}
