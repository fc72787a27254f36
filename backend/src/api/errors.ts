import type { ErrorCode, ErrorEnvelope } from '@scrm/shared'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZodError } from 'zod'
import { DomainError, type ErrorDetail } from '../lib/errors'
import type { Logger } from '../lib/logger'
import type { AppEnv } from './app-env'

/** The one place an error code becomes an HTTP status. */
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
  crm_unavailable: 502,
  internal: 500,
}

export function statusOf(code: ErrorCode): ContentfulStatusCode {
  return STATUS[code]
}

/** An error raised by the HTTP layer itself (auth, request shape); services raise `DomainError`s. */
export class ApiError extends DomainError {
  constructor(code: ErrorCode, message: string, details?: ErrorDetail[], reason?: string) {
    super(code, message, details, reason)
    this.name = 'ApiError'
  }

  get status(): ContentfulStatusCode {
    return STATUS[this.code]
  }
}

export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }))
}

export function validationError(error: ZodError, what: string): ApiError {
  const details = zodDetails(error)
  const first = details[0]
  const summary = first ? `${first.path}: ${first.message}` : 'invalid input'
  return new ApiError('validation_failed', `Invalid ${what}: ${summary}`, details)
}

export function renderError(c: Context<AppEnv>, error: DomainError) {
  const body: ErrorEnvelope = {
    error: {
      code: error.code,
      message: error.message,
      details: error.details,
      reason: error.reason,
      request_id: c.get('requestId'),
    },
  }
  return c.json(body, STATUS[error.code])
}

/** The app's one `onError`: typed errors as the envelope, anything else as a logged 500. */
export function errorHandler(logger: Logger) {
  return (error: Error, c: Context<AppEnv>) => {
    if (error instanceof DomainError) return renderError(c, error)
    if (error instanceof HTTPException && error.status < 500) {
      const code =
        error.status === 401 ? 'unauthorized' : error.status === 413 ? 'payload_too_large' : 'bad_request'
      return renderError(c, new ApiError(code, error.message || 'Request rejected'))
    }
    logger.error(
      { err: error.message, stack: error.stack, path: c.req.path, requestId: c.get('requestId') },
      'unhandled error',
    )
    return renderError(
      c,
      new ApiError('internal', 'Something went wrong on our side; the request id helps us find it.'),
    )
  }
}
