import type { Config } from '../../../config'
import type { Database } from '../../../db/client'
import type { Logger } from '../../../lib/logger'
import { HubspotAuthError } from './errors'
import { HUBSPOT_OPTIONAL_SCOPES, HUBSPOT_REQUIRED_SCOPES, parseScopeList } from './scopes'

/** What the OAuth functions need; `AppDeps` satisfies it, so callers pass their deps as they are. */
export interface HubspotOAuthContext {
  db: Database
  config: Config
  encryptionKey: Buffer
  logger: Logger
}

/** Work that follows an install, wired by the runtime (e.g. "ensure property group and properties"). */
export interface HubspotInstallHooks {
  /**
   * Runs after the tokens are stored, on every install and re-install. A failure does not undo
   * the install: it is recorded on the connection's lastError and shown on the install page.
   */
  onInstalled?: (connectionId: string) => Promise<void>
}

export interface HubspotOAuthSettings {
  clientId: string
  clientSecret: string
  apiUrl: string
  authorizeUrl: string
  scopes: string[]
  optionalScopes: string[]
  refreshMarginMs: number
  successUrl: string | undefined
}

export function hubspotOAuthSettings(config: Config): HubspotOAuthSettings {
  if (!config.HUBSPOT_CLIENT_ID || !config.HUBSPOT_CLIENT_SECRET)
    throw new HubspotAuthError(
      'not_configured',
      'HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET must be set to install or use the HubSpot app.',
    )
  return {
    clientId: config.HUBSPOT_CLIENT_ID,
    clientSecret: config.HUBSPOT_CLIENT_SECRET,
    apiUrl: config.HUBSPOT_API_URL.replace(/\/$/, ''),
    authorizeUrl: config.HUBSPOT_AUTHORIZE_URL,
    scopes: parseScopeList(config.HUBSPOT_SCOPES, HUBSPOT_REQUIRED_SCOPES),
    optionalScopes: parseScopeList(config.HUBSPOT_OPTIONAL_SCOPES, HUBSPOT_OPTIONAL_SCOPES),
    refreshMarginMs: config.HUBSPOT_TOKEN_REFRESH_MARGIN_SECONDS * 1000,
    successUrl: config.HUBSPOT_INSTALL_SUCCESS_URL,
  }
}

/**
 * The callback URL HubSpot sends installers back to. It must be one of the app's `redirectUrls`
 * and identical in the authorize URL and the code exchange, so it is built from PUBLIC_URL (the
 * origin HubSpot sees behind a proxy); without it, from the request's own origin (local use).
 */
export function hubspotRedirectUri(config: Config, requestUrl: string): string {
  const origin = config.PUBLIC_URL ?? new URL(requestUrl).origin
  return `${origin.replace(/\/$/, '')}/oauth/hubspot/callback`
}
