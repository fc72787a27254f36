import type { Config } from '../../../config'
import { CrmAuthError } from '../../oauth/auth-error'
import { HUBSPOT_OPTIONAL_SCOPES, HUBSPOT_REQUIRED_SCOPES, parseScopeList } from './scopes'

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
    throw new CrmAuthError(
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
