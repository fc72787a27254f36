/** HubSpot OAuth: its authorize page and token endpoints, plugged into the generic `crm/oauth`. */

import { connectionAccessToken, type GetAccessTokenOptions } from '../../oauth'
import type { CrmContext } from '../../provider'
import { hubspotProvider } from '../provider'

export { hubspotOAuth } from './hubspot-oauth'
export { HUBSPOT_OPTIONAL_SCOPES, HUBSPOT_REQUIRED_SCOPES } from './scopes'
export { type HubspotOAuthSettings, hubspotOAuthSettings } from './settings'

/** lastError texts the token refresh writes for HubSpot connections start with this. */
export const AUTH_ERROR_PREFIX = 'HubSpot authorization:'

/** A usable access token for a HubSpot connection (the generic token store, with HubSpot's refresh). */
export function getAccessToken(
  ctx: CrmContext,
  connectionId: string,
  options: GetAccessTokenOptions = {},
): Promise<string> {
  return connectionAccessToken(ctx, hubspotProvider(ctx.config), connectionId, options)
}
