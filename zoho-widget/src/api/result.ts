/** Why a call did not give the widget what it asked for. */
export interface ApiFailure {
  /**
   * `connection`: Zoho did not run the call (the connection is missing, not authorised, or Zoho
   * refused it); `http`: the backend answered with an error; `timeout`: no answer in time.
   */
  kind: 'connection' | 'http' | 'network' | 'timeout' | 'invalid_response'
  /** HTTP status when Zoho passed it on, otherwise null. */
  status: number | null
  /** The backend envelope's `error.code` (e.g. `send_refused`, `not_found`), when there was one. */
  code: string | null
  /** For `send_refused`: the machine-readable reason (see SEND_REFUSALS in @scrm/shared). */
  reason: string | null
  /** A sentence for people; the backend's or Zoho's when they sent one. Shown as plain text. */
  message: string
  requestId: string | null
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure }

export const failure = (
  kind: ApiFailure['kind'],
  message: string,
  extra: Partial<Omit<ApiFailure, 'kind' | 'message'>> = {},
): ApiFailure => ({ kind, status: null, code: null, reason: null, message, requestId: null, ...extra })
