import type { ErrorEnvelope } from '@scrm/shared'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ZodError } from 'zod'
import { ApiError, type ErrorDetail } from '../lib/errors'
import type { Logger } from '../lib/logger'
import type { AppEnv } from './app-env'

export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }))
}

export function validationError(error: ZodError, what: string): ApiError {
  const details = zodDetails(error)
  const first = details[0]
  const summary = first ? `${first.path}: ${first.message}` : 'invalid input'
  return new ApiError('validation_failed', `Invalid ${what}: ${summary}`, details)
}

export function renderError(c: Context<AppEnv>, error: ApiError) {
  const body: ErrorEnvelope = {
    error: {
      code: error.code,
      message: error.message,
      details: error.details,
      reason: error.reason,
      request_id: c.get('requestId'),
    },
  }
  return c.json(body, error.status)
}

/** The app's one `onError`: typed errors as the envelope, anything else as a logged 500. */
export function errorHandler(logger: Logger) {
  return (error: Error, c: Context<AppEnv>) => {
    if (error instanceof ApiError) return renderError(c, error)
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
