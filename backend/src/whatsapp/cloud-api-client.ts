/**
 * A thin client for the WhatsApp Cloud API's send endpoint over fetch. It only turns HTTP into
 * typed outcomes; what to do about each (retry, back off, stop) is in error-classes.ts.
 */

export interface CloudApiConfig {
  graphUrl: string
  apiVersion: string
  timeoutMs: number
}

export type SendOutcome =
  | { kind: 'accepted'; wamid: string; messageStatus: string | null }
  | { kind: 'error'; httpStatus: number; code: number; title: string; details: string | null }
  /** The request never left this server (no connection was made): Meta cannot have it. */
  | { kind: 'unreachable'; reason: UnreachableReason; detail: string }
  /** No answer: Meta may or may not have accepted the message. */
  | { kind: 'unknown'; reason: UnknownReason; detail: string }

export type UnreachableReason = 'connection_refused' | 'dns_failure' | 'network_unreachable' | 'tls_failure'
export type UnknownReason = 'timeout' | 'connection_lost' | 'network_error' | 'unreadable_answer'

interface MetaErrorBody {
  error?: { message?: string; code?: number; error_data?: { details?: string }; error_user_msg?: string }
}

export async function sendMessage(
  config: CloudApiConfig,
  phoneNumberId: string,
  accessToken: string,
  body: Record<string, unknown>,
): Promise<SendOutcome> {
  const url = `${config.graphUrl.replace(/\/$/, '')}/${config.apiVersion}/${encodeURIComponent(phoneNumberId)}/messages`
  let res: Response
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(config.timeoutMs),
    })
  } catch (error) {
    return classifyFetchFailure(error, config.timeoutMs)
  }
  let json: unknown = null
  try {
    json = await res.json()
  } catch {
    if (res.ok) return { kind: 'unknown', reason: 'unreadable_answer', detail: 'unreadable success answer' }
  }
  if (res.ok) {
    const id = (json as { messages?: { id?: string; message_status?: string }[] })?.messages?.[0]
    if (id?.id) return { kind: 'accepted', wamid: id.id, messageStatus: id.message_status ?? null }
    return { kind: 'unknown', reason: 'unreadable_answer', detail: 'success answer without a message id' }
  }
  const error = (json as MetaErrorBody | null)?.error
  return {
    kind: 'error',
    httpStatus: res.status,
    code: typeof error?.code === 'number' ? error.code : res.status >= 500 ? 131000 : 1,
    title: stripCode(error?.message ?? `HTTP ${res.status}`),
    details: error?.error_data?.details ?? error?.error_user_msg ?? null,
  }
}

/** Errors raised before a connection exists: the request cannot have reached Meta. */
const NOT_CONNECTED: Record<string, UnreachableReason> = {
  ECONNREFUSED: 'connection_refused',
  ENOTFOUND: 'dns_failure',
  EAI_AGAIN: 'dns_failure',
  EAI_FAIL: 'dns_failure',
  EAI_NONAME: 'dns_failure',
  ENETUNREACH: 'network_unreachable',
  EHOSTUNREACH: 'network_unreachable',
  ENETDOWN: 'network_unreachable',
  EHOSTDOWN: 'network_unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'network_unreachable',
  CERT_HAS_EXPIRED: 'tls_failure',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls_failure',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls_failure',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls_failure',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls_failure',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls_failure',
}

/**
 * fetch rejects with a bare "fetch failed"; the cause (undici's or the socket's) says whether a
 * connection was ever made. Only then may Meta have the message; the detail never holds the token.
 */
export function classifyFetchFailure(error: unknown, timeoutMs: number): SendOutcome {
  const err = error as Error & { cause?: { code?: string; message?: string } }
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return { kind: 'unknown', reason: 'timeout', detail: `no answer within ${timeoutMs} ms` }
  }
  const code = err.cause?.code ?? (err as { code?: string }).code
  const detail = err.cause?.message ?? err.message
  const notConnected = code ? NOT_CONNECTED[code] : undefined
  if (notConnected) return { kind: 'unreachable', reason: notConnected, detail }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') {
    return { kind: 'unknown', reason: 'connection_lost', detail }
  }
  return { kind: 'unknown', reason: 'network_error', detail }
}

/** Meta writes titles as "(#131056) (Business Account, Consumer Account) pair rate limit hit". */
function stripCode(message: string): string {
  return message.replace(/^\(#\d+\)\s*/, '')
}

/**
 * A Graph GET. A read changes nothing, so a connection that broke under it (typically a kept-alive
 * socket the server closed just as it was reused) is retried once on a fresh one; other failures
 * (timeouts, refused connections) are thrown as fetch threw them.
 */
export async function fetchRead(url: string, accessToken: string, timeoutMs: number): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, {
        headers: { authorization: `Bearer ${accessToken}` },
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      const failure = classifyFetchFailure(error, timeoutMs)
      if (attempt >= 2 || failure.kind !== 'unknown' || failure.reason === 'timeout') throw error
    }
  }
}

export interface RemoteTemplate {
  name: string
  language: string
  category: string
  status: string
  components: unknown[]
}

/** Every template of a WABA, following Meta's paging. */
export async function listTemplates(
  config: CloudApiConfig,
  wabaId: string,
  accessToken: string,
): Promise<RemoteTemplate[]> {
  const out: RemoteTemplate[] = []
  let url: string | null =
    `${config.graphUrl.replace(/\/$/, '')}/${config.apiVersion}/${encodeURIComponent(wabaId)}/message_templates?limit=100`
  while (url) {
    const res = await fetchRead(url, accessToken, config.timeoutMs)
    const json = (await res.json()) as {
      data?: RemoteTemplate[]
      paging?: { next?: string }
      error?: { message?: string }
    }
    if (!res.ok) throw new Error(`template list failed: ${json.error?.message ?? res.status}`)
    out.push(...(json.data ?? []))
    url = json.paging?.next ?? null
  }
  return out
}
