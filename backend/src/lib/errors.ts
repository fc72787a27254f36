import type { ErrorCode } from '@scrm/shared'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  invalid_envelope: 400,
  unauthorized: 401,
  invalid_signature: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  send_refused: 422,
  payload_too_large: 413,
  not_configured: 503,
  unavailable: 503,
  internal: 500,
}

export interface ErrorDetail {
  path: string
  message: string
}

/** The one error type routes throw; `onError` renders it as the shared envelope. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly reason?: string,
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = STATUS[code]
  }
}

export function statusOf(code: ErrorCode): ContentfulStatusCode {
  return STATUS[code]
}
