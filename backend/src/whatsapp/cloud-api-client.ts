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
  /** No answer: Meta may or may not have accepted the message. */
  | { kind: 'unknown'; reason: string }

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
    return {
      kind: 'unknown',
      reason: (error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).message,
    }
  }
  let json: unknown = null
  try {
    json = await res.json()
  } catch {
    if (res.ok) return { kind: 'unknown', reason: 'unreadable success answer' }
  }
  if (res.ok) {
    const id = (json as { messages?: { id?: string; message_status?: string }[] })?.messages?.[0]
    if (id?.id) return { kind: 'accepted', wamid: id.id, messageStatus: id.message_status ?? null }
    return { kind: 'unknown', reason: 'success answer without a message id' }
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

/** Meta writes titles as "(#131056) (Business Account, Consumer Account) pair rate limit hit". */
function stripCode(message: string): string {
  return message.replace(/^\(#\d+\)\s*/, '')
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
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(config.timeoutMs),
    })
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
