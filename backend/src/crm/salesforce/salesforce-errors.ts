import { CrmAuthError } from '../oauth/auth-error'
import type { CrmError } from '../port'
import { ApiBudgetStop } from './api-budget'
import type { SalesforceApiError } from './salesforce-api'

/** The package is missing an object or field the write names: the admin must install or upgrade it. */
export class PackageIncompleteError extends Error {
  constructor(readonly missing: string[]) {
    super(
      `The WhatsApp package is missing in this org: ${missing.join(', ')}. Install or upgrade the package, then re-save the field mapping.`,
    )
    this.name = 'PackageIncompleteError'
  }
}

/** Per-record refusals a person must look at (review queue); retrying the same write cannot help. */
const RECORD_PERMANENT = new Set([
  'DUPLICATE_VALUE',
  'DUPLICATES_DETECTED',
  'DUPLICATE_EXTERNAL_ID',
  'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  'FIELD_INTEGRITY_EXCEPTION',
  'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
  'INVALID_EMAIL_ADDRESS',
  'INVALID_TYPE_ON_FIELD_IN_RECORD',
  'REQUIRED_FIELD_MISSING',
  'STRING_TOO_LONG',
  'CANNOT_UPDATE_CONVERTED_LEAD',
  'ENTITY_IS_DELETED',
  'INSUFFICIENT_ACCESS_OR_READONLY',
  'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
  'MISSING_ARGUMENT',
])

/** Per-record refusals that pass (locks held by another transaction, an all-or-none roll-back). */
const RECORD_TRANSIENT = new Set([
  'UNABLE_TO_LOCK_ROW',
  'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  'REQUEST_RUNNING_TOO_LONG',
])

/** Whole-request refusals that mean the org is not set up for our writes (fields, objects, permissions). */
const CONFIGURATION = new Set([
  'INVALID_FIELD',
  'INVALID_FIELD_FOR_INSERT_UPDATE',
  'INVALID_TYPE',
  'NOT_FOUND',
  'INSUFFICIENT_ACCESS',
  'API_DISABLED_FOR_ORG',
  'API_CURRENTLY_DISABLED',
])

export function classifyRecordError(e: { statusCode: string; message: string; fields?: string[] }): CrmError {
  const message = e.fields?.length ? `${e.message} (${e.fields.join(', ')})` : e.message
  if (RECORD_TRANSIENT.has(e.statusCode)) return { kind: 'transient', code: e.statusCode, message }
  if (RECORD_PERMANENT.has(e.statusCode)) return { kind: 'permanent', code: e.statusCode, message }
  return { kind: 'permanent', code: e.statusCode, message }
}

const NETWORK =
  /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|socket hang up|network|fetch failed/i

/** A thrown error (jsforce, network, budget, auth) → what the sync engine does with the batch. */
export function classifySalesforceError(error: unknown): CrmError {
  if (error instanceof ApiBudgetStop)
    return {
      kind: 'rate_limited',
      code: error.code,
      message: error.message,
      retryAfterMs: error.retryAfterMs,
    }
  if (error instanceof PackageIncompleteError)
    return { kind: 'auth', code: 'package_incomplete', message: error.message }
  if (error instanceof CrmAuthError)
    return error.retryable
      ? { kind: 'transient', code: error.reason, message: error.message }
      : { kind: 'auth', code: error.reason, message: error.message }
  const e = error as SalesforceApiError
  const code = e?.errorCode ?? e?.name ?? 'UNKNOWN'
  const message = e?.message ?? String(error)
  if (code === 'REQUEST_LIMIT_EXCEEDED') return { kind: 'rate_limited', code, message, retryAfterMs: 60_000 }
  if (code === 'INVALID_SESSION_ID' || /Unable to refresh session/.test(message))
    return { kind: 'auth', code: 'INVALID_SESSION_ID', message }
  if (CONFIGURATION.has(code))
    return { kind: 'auth', code, message: `Salesforce refused the request: ${message}` }
  if (/^ERROR_HTTP_5\d\d$/.test(code) || code === 'SERVER_UNAVAILABLE' || code === 'UNKNOWN_EXCEPTION')
    return { kind: 'transient', code, message }
  if (RECORD_TRANSIENT.has(code)) return { kind: 'transient', code, message }
  if (NETWORK.test(message) || NETWORK.test(String((e as { code?: string })?.code ?? '')))
    return { kind: 'transient', code: 'network', message }
  if (e?.errorCode) return { kind: 'permanent', code, message }
  return { kind: 'transient', code, message }
}
