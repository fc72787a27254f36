import { type ApiFailure, type ApiResult, failure } from '../api/result'
import type { ConnectionInvokeRequest, PageLoadData, ZohoSdk } from './sdk-types'
import { SdkTimeoutError, withTimeout } from './with-timeout'

/** The record the widget is on, from `PageLoad`. */
export interface RecordContext {
  /** The module's API name: `Contacts` or `Leads` on the record pages the widget is placed on. */
  entity: string
  recordId: string
}

export interface UserContext {
  locale: string | null
  language: string | null
  timeZone: string | null
}

/** One backend call, as the widget thinks of it; the adapter turns it into a connection call. */
export interface BackendRequest {
  method: 'GET' | 'POST' | 'DELETE'
  path: string
  query?: Record<string, string | number | null | undefined>
  body?: Record<string, unknown>
}

export interface AdapterOptions {
  /** The backend's public https base URL, without a trailing slash (Zoho calls it, not the browser). */
  backendUrl: string
  /** The link name of the CRM connection that carries the org's key. */
  connectionName: string
  /** For `init`, `getRecord`, `getCurrentUser`, `Resize`. */
  sdkTimeoutMs?: number
  /** For `CONNECTION.invoke`: Zoho's servers call the backend, a slower round trip. */
  invokeTimeoutMs?: number
}

export interface ZohoAdapter {
  /**
   * Registers `PageLoad` (before `init`, as the SDK requires) and starts the SDK. `onRecord` runs
   * for every `PageLoad`, not only the first: Zoho keeps some widgets alive across records.
   */
  start(onRecord: (record: RecordContext) => void): Promise<void>
  /** The record's mobile or phone number, to link it on first view; null when it has none or Zoho did not answer. */
  recordPhone(record: RecordContext): Promise<string | null>
  /** The signed-in user's locale and time zone; nulls when Zoho did not answer. */
  currentUser(): Promise<UserContext>
  /** Calls the backend through the connection; never throws. */
  call(request: BackendRequest): Promise<ApiResult<unknown>>
  /** Asks Zoho to size the widget's frame to its content; false when it would not. */
  resize(height: number): Promise<boolean>
}

export const SDK_TIMEOUT_MS = 8_000
export const INVOKE_TIMEOUT_MS = 15_000

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const idText = (value: unknown): string | null =>
  (typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value))
    ? String(value).trim()
    : null

/** `{ Entity, EntityId }` → a record, or null for a page we cannot show (no id, a list view). `EntityId` may be a list. */
export function recordFromPageLoad(data: PageLoadData | null | undefined): RecordContext | null {
  if (!isRecord(data)) return null
  const entity = typeof data.Entity === 'string' ? data.Entity.trim() : ''
  const ids = Array.isArray(data.EntityId) ? data.EntityId : [data.EntityId]
  const recordId = ids.map(idText).find((id) => id !== null) ?? null
  if (!entity || !recordId) return null
  return { entity, recordId }
}

export function buildUrl(baseUrl: string, path: string, query: BackendRequest['query'] = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return `${baseUrl}${path}${search ? `?${search}` : ''}`
}

/** The connection request for one backend call: JSON body for POST, everything in the URL otherwise. */
export function invokeRequest(backendUrl: string, request: BackendRequest): ConnectionInvokeRequest {
  const hasBody = request.method === 'POST'
  return {
    url: buildUrl(backendUrl, request.path, request.query),
    method: request.method,
    param_type: hasBody ? 2 : 1,
    parameters: hasBody ? (request.body ?? {}) : {},
    headers: hasBody
      ? { Accept: 'application/json', 'Content-Type': 'application/json' }
      : { Accept: 'application/json' },
  }
}

const numericStatus = (details: Record<string, unknown>): number | null => {
  for (const key of ['status_code', 'statusCode', 'responseCode']) {
    const value = Number(details[key])
    if (Number.isInteger(value) && value >= 100 && value <= 599) return value
  }
  return null
}

const errorEnvelope = (body: unknown): Record<string, unknown> | null => {
  if (!isRecord(body) || !isRecord(body.error)) return null
  return typeof body.error.code === 'string' && typeof body.error.message === 'string' ? body.error : null
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

/**
 * Reads `CONNECTION.invoke`'s answer. Zoho wraps what the backend returned: `{ code: "SUCCESS",
 * details: { statusMessage: <body> } }`, the body parsed when it was JSON (a string otherwise). A
 * call Zoho did not make (connection missing or not authorised) has another `code`. Zoho does not
 * reliably pass the HTTP status on, so a backend error is recognised by its envelope.
 */
export function unwrapInvokeReply(reply: unknown): ApiResult<unknown> {
  if (!isRecord(reply))
    return {
      ok: false,
      error: failure('invalid_response', 'Zoho answered the connection call with nothing readable.'),
    }
  const succeeded = reply.code === 'SUCCESS' || reply.status === 'success'
  if (!succeeded) {
    const message =
      text(reply.message) ?? text(reply.code) ?? 'Zoho could not call the backend through the connection.'
    return { ok: false, error: failure('connection', message, { code: text(reply.code) }) }
  }
  const details = isRecord(reply.details) ? reply.details : {}
  let body: unknown = details.statusMessage
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body)
    } catch {
      // Not JSON (a proxy's error page, an empty answer): nothing the widget can read.
      return {
        ok: false,
        error: failure('invalid_response', 'The backend answered in an unexpected shape.', {
          status: numericStatus(details),
        }),
      }
    }
  }
  const status = numericStatus(details)
  const envelope = errorEnvelope(body)
  if (envelope) {
    return {
      ok: false,
      error: failure('http', envelope.message as string, {
        status,
        code: envelope.code as string,
        reason: text(envelope.reason),
        requestId: text(envelope.request_id),
      }),
    }
  }
  if (status !== null && status >= 400) {
    return { ok: false, error: failure('http', `HTTP ${status}`, { status }) }
  }
  return { ok: true, data: body }
}

const describe = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause))

const firstRecord = (answer: unknown): Record<string, unknown> | null => {
  if (!isRecord(answer) || !Array.isArray(answer.data)) return null
  return isRecord(answer.data[0]) ? answer.data[0] : null
}

/** The adapter around the page's `ZOHO` global: typed calls, each with a timeout. */
export function createZohoAdapter(zoho: ZohoSdk, options: AdapterOptions): ZohoAdapter {
  const sdkMs = options.sdkTimeoutMs ?? SDK_TIMEOUT_MS
  const invokeMs = options.invokeTimeoutMs ?? INVOKE_TIMEOUT_MS
  return {
    async start(onRecord) {
      zoho.embeddedApp.on('PageLoad', (data) => {
        const record = recordFromPageLoad(data)
        if (record) onRecord(record)
      })
      await withTimeout('embeddedApp.init', Promise.resolve(zoho.embeddedApp.init()), sdkMs)
    },

    async recordPhone(record) {
      try {
        const answer = await withTimeout(
          'CRM.API.getRecord',
          Promise.resolve(zoho.CRM.API.getRecord({ Entity: record.entity, RecordID: record.recordId })),
          sdkMs,
        )
        const row = firstRecord(answer)
        const phone = [row?.Mobile, row?.Phone]
          .map((v) => (typeof v === 'string' ? v.trim() : ''))
          .find(Boolean)
        return phone || null
      } catch {
        // Without the phone the backend still finds a record it has linked before.
        return null
      }
    },

    async currentUser() {
      const none = { locale: null, language: null, timeZone: null }
      if (!zoho.CRM.CONFIG) return none
      try {
        const answer = await withTimeout(
          'CRM.CONFIG.getCurrentUser',
          Promise.resolve(zoho.CRM.CONFIG.getCurrentUser()),
          sdkMs,
        )
        const user = isRecord(answer) && Array.isArray(answer.users) ? answer.users[0] : null
        if (!isRecord(user)) return none
        return { locale: text(user.locale), language: text(user.language), timeZone: text(user.time_zone) }
      } catch {
        return none
      }
    },

    async call(request) {
      let reply: unknown
      try {
        reply = await withTimeout(
          'CRM.CONNECTION.invoke',
          Promise.resolve(
            zoho.CRM.CONNECTION.invoke(options.connectionName, invokeRequest(options.backendUrl, request)),
          ),
          invokeMs,
        )
      } catch (cause) {
        const kind: ApiFailure['kind'] = cause instanceof SdkTimeoutError ? 'timeout' : 'network'
        return { ok: false, error: failure(kind, describe(cause)) }
      }
      return unwrapInvokeReply(reply)
    },

    async resize(height) {
      if (!zoho.CRM.UI) return false
      try {
        const answer = await withTimeout(
          'CRM.UI.Resize',
          Promise.resolve(zoho.CRM.UI.Resize({ height: Math.ceil(height) })),
          sdkMs,
        )
        return answer !== false
      } catch {
        return false
      }
    },
  }
}
