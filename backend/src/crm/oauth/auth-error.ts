import type { ErrorCode } from '@scrm/shared'
import { DomainError } from '../../lib/errors'

/** Why a CRM OAuth step failed, as callers act on it. */
export type CrmAuthFailure =
  /** The app's client id / secret are not set on this server. */
  | 'not_configured'
  /** The CRM refused the app's client credentials: every connection is affected, none is at fault. */
  | 'client_rejected'
  /** The CRM refused the grant: an authorization code that is wrong, expired or used; a revoked refresh token. */
  | 'grant_rejected'
  /** The CRM did not answer, answered 5xx or 429: try again later. */
  | 'unavailable'
  /** A 2xx answer that is not the documented token answer. */
  | 'bad_response'
  | 'not_found'
  /** The connection was disconnected by an admin. */
  | 'disconnected'
  /** The connection holds no usable refresh token: the app must be installed again. */
  | 'reauth_required'

const CODES: Record<CrmAuthFailure, ErrorCode> = {
  not_configured: 'not_configured',
  client_rejected: 'not_configured',
  grant_rejected: 'bad_request',
  unavailable: 'unavailable',
  bad_response: 'unavailable',
  not_found: 'not_found',
  disconnected: 'conflict',
  reauth_required: 'conflict',
}

/** The one error type of the OAuth module; `retryable` tells a worker whether to back off or stop. */
export class CrmAuthError extends DomainError {
  constructor(
    override readonly reason: CrmAuthFailure,
    message: string,
    readonly httpStatus?: number,
  ) {
    super(CODES[reason], message, undefined, reason)
    this.name = 'CrmAuthError'
  }

  get retryable(): boolean {
    return this.reason === 'unavailable'
  }
}
