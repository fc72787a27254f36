/** CRM OAuth, the same for every provider: install and callback, encrypted tokens with refresh, disconnect. */
export { CrmAuthError, type CrmAuthFailure } from './auth-error'
export { type DisconnectResult, disconnectConnection, type RevocationOutcome } from './disconnect'
export {
  type CrmInstallHooks,
  completeInstall,
  InstallError,
  type InstallFailure,
  type InstallResult,
  startInstall,
} from './install-service'
export { consumeInstallState, INSTALL_STATE_TTL_MS } from './install-state'
export { oauthRedirectUri } from './redirect-uri'
export { authErrorPrefix, connectionAccessToken, type GetAccessTokenOptions } from './token-store'
