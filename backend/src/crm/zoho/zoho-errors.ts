import { CrmAuthError } from '../oauth/auth-error'
import type { CrmError } from '../port'
import { CreditStop } from './credit-budget'
import { ZohoApiError } from './zoho-http'

/** Per-record refusals a person must look at (review items); the same write cannot succeed. */
const RECORD_PERMANENT = new Set([
  'DUPLICATE_DATA',
  'INVALID_DATA',
  'MANDATORY_NOT_FOUND',
  'RECORD_IN_BLUEPRINT',
  'DEPENDENT_FIELD_MISSING',
  'NO_PERMISSION',
])

/** A locked record (approval, another process) may be free later. */
const RECORD_TRANSIENT = new Set(['RECORD_LOCKED'])

/** Whole-request refusals meaning the org is not set up for us: someone must act. */
const CONFIGURATION = new Set([
  'OAUTH_SCOPE_MISMATCH',
  'NO_PERMISSION',
  'INVALID_MODULE',
  'INVALID_URL_PATTERN',
  'FEATURE_NOT_SUPPORTED',
  'LIMIT_EXCEEDED',
  'AUTHENTICATION_FAILURE',
  'INVALID_TOKEN',
])

/** One `data[]` element's error → what the engine does with that record. */
export function classifyRecordError(e: {
  code: string
  message: string
  details?: Record<string, unknown>
}): CrmError {
  const field = typeof e.details?.api_name === 'string' ? ` (${e.details.api_name})` : ''
  const message = `${e.message}${field}`
  if (RECORD_TRANSIENT.has(e.code)) return { kind: 'transient', code: e.code, message }
  if (RECORD_PERMANENT.has(e.code)) return { kind: 'permanent', code: e.code, message }
  return { kind: 'permanent', code: e.code || 'UNKNOWN', message }
}

const NETWORK =
  /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|socket hang up|network|fetch failed|aborted|timeout/i

/** A thrown error (HTTP answer, network, credits, auth) → what the engine does with the batch. */
export function classifyZohoError(error: unknown): CrmError {
  if (error instanceof CreditStop)
    return {
      kind: 'rate_limited',
      code: 'credit_share_reached',
      message: error.message,
      retryAfterMs: error.retryAfterMs,
    }
  if (error instanceof CrmAuthError)
    return error.retryable
      ? { kind: 'transient', code: error.reason, message: error.message }
      : { kind: 'auth', code: error.reason, message: error.message }
  if (error instanceof ZohoApiError) {
    if (error.status === 429)
      return { kind: 'rate_limited', code: error.code, message: error.message, retryAfterMs: 60_000 }
    if (error.status >= 500) return { kind: 'transient', code: error.code, message: error.message }
    if (CONFIGURATION.has(error.code))
      return { kind: 'auth', code: error.code, message: `Zoho refused the request: ${error.message}` }
    return { kind: 'permanent', code: error.code, message: error.message }
  }
  const message = error instanceof Error ? error.message : String(error)
  if (
    NETWORK.test(message) ||
    NETWORK.test(String((error as { cause?: { code?: string } })?.cause?.code ?? ''))
  )
    return { kind: 'transient', code: 'network', message }
  return { kind: 'transient', code: 'unknown', message }
}
