/** HubSpot OAuth: install and callback, encrypted token storage with refresh, disconnect. */
export { type DisconnectResult, disconnectConnection, type RevocationOutcome } from './disconnect'
export { HubspotAuthError, type HubspotAuthFailure } from './errors'
export {
  completeHubspotInstall,
  InstallError,
  type InstallFailure,
  type InstallResult,
  startHubspotInstall,
} from './install-service'
export { INSTALL_STATE_TTL_MS } from './install-state'
export { HUBSPOT_OPTIONAL_SCOPES, HUBSPOT_REQUIRED_SCOPES } from './scopes'
export {
  type HubspotInstallHooks,
  type HubspotOAuthContext,
  type HubspotOAuthSettings,
  hubspotOAuthSettings,
  hubspotRedirectUri,
} from './settings'
export { AUTH_ERROR_PREFIX, type GetAccessTokenOptions, getAccessToken } from './token-store'
