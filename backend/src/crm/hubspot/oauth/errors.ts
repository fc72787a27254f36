/** Why a HubSpot OAuth step failed, as callers act on it. */
export type HubspotAuthFailure =
  /** HUBSPOT_CLIENT_ID / HUBSPOT_CLIENT_SECRET are not set on this server. */
  | 'not_configured'
  /** HubSpot refused the app's client credentials: every connection is affected, none is at fault. */
  | 'client_rejected'
  /** HubSpot refused the grant: an authorization code that is wrong, expired or used; a revoked refresh token. */
  | 'grant_rejected'
  /** HubSpot did not answer, answered 5xx or 429: try again later. */
  | 'unavailable'
  /** A 2xx answer that is not the documented token answer. */
  | 'bad_response'
  | 'not_found'
  /** The connection was disconnected by an admin. */
  | 'disconnected'
  /** The connection holds no usable refresh token: the app must be installed again. */
  | 'reauth_required'

/** The one error type of the OAuth module; `retryable` tells a worker whether to back off or stop. */
export class HubspotAuthError extends Error {
  constructor(
    readonly reason: HubspotAuthFailure,
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message)
    this.name = 'HubspotAuthError'
  }

  get retryable(): boolean {
    return this.reason === 'unavailable'
  }
}
