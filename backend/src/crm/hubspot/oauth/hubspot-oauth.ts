import type { Config } from '../../../config'
import type { CrmOAuth } from '../../provider'
import { hubspotOAuthSettings } from './settings'
import { exchangeAuthorizationCode, refreshAccessToken, revokeRefreshToken } from './token-client'

/** HubSpot's side of the generic OAuth flow: its authorize page and its token endpoints. */
export function hubspotOAuth(config: Config): CrmOAuth {
  const settings = () => hubspotOAuthSettings(config)
  return {
    authorizeUrl({ state, redirectUri }) {
      const s = settings()
      const url = new URL(s.authorizeUrl)
      url.searchParams.set('client_id', s.clientId)
      url.searchParams.set('redirect_uri', redirectUri)
      url.searchParams.set('scope', s.scopes.join(' '))
      if (s.optionalScopes.length > 0) url.searchParams.set('optional_scope', s.optionalScopes.join(' '))
      url.searchParams.set('state', state)
      return url.toString()
    },
    async exchangeCode(input) {
      const grant = await exchangeAuthorizationCode(settings(), input)
      return {
        // The portal the installer picked: HubSpot names it in the token answer.
        accountId: String(grant.hubId),
        accessToken: grant.accessToken,
        refreshToken: grant.refreshToken,
        expiresInSeconds: grant.expiresInSeconds,
        scopes: grant.scopes,
      }
    },
    async refresh(refreshToken) {
      const grant = await refreshAccessToken(settings(), refreshToken)
      return {
        accessToken: grant.accessToken,
        refreshToken: grant.refreshToken,
        expiresInSeconds: grant.expiresInSeconds,
        scopes: grant.scopes,
      }
    },
    revoke: (refreshToken) => revokeRefreshToken(settings(), refreshToken),
    requiredScopes: () => settings().scopes,
    refreshMarginMs: () => config.HUBSPOT_TOKEN_REFRESH_MARGIN_SECONDS * 1000,
    successUrl: () => settings().successUrl,
    credentialSettings: 'HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET',
    uninstallHint: 'HubSpot (Settings > Integrations > Connected apps)',
  }
}
