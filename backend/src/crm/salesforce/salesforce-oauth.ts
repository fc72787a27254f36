import { OAuth2 } from 'jsforce'
import type { Config } from '../../config'
import type { CrmConnection } from '../../db/schema'
import { InvalidInputError } from '../../lib/errors'
import { CrmAuthError } from '../oauth/auth-error'
import type { CrmOAuth, InstallOptions } from '../provider'
import { parseIdentityUrl } from './identity'
import { orgStateOf } from './org-state'
import { salesforceClient, salesforceSettings } from './settings'

/** Salesforce answers no `expires_in`; sessions last 2 h by default, and a 401 refreshes earlier ones. */
const SESSION_SECONDS = 7200
const SCOPES = ['api', 'refresh_token']
const YES = /^(1|true|yes)$/i
const NO = /^(0|false|no)$/i

/**
 * Salesforce's side of the generic OAuth flow (web server flow of the packaged External Client
 * App) through jsforce's OAuth2 client: the login host is production or sandbox as the installer
 * chose (`?sandbox=true` on the install URL), and the org id comes from the identity URL.
 */
export function salesforceOAuth(config: Config): CrmOAuth {
  const settings = salesforceSettings(config)
  const client = (loginUrl: string, redirectUri?: string) =>
    new OAuth2({ loginUrl, ...salesforceClient(config), redirectUri })
  const loginUrlOf = (options: InstallOptions | undefined) =>
    options?.sandbox === 'true' ? settings.sandboxLoginUrl : settings.loginUrl
  const connectionLoginUrl = (connection?: CrmConnection) =>
    (connection && orgStateOf(connection).loginUrl) || settings.loginUrl

  return {
    installOptions(query) {
      const options: InstallOptions = {}
      const sandbox = query('sandbox')
      if (sandbox !== undefined) {
        if (!YES.test(sandbox) && !NO.test(sandbox))
          throw new InvalidInputError(`sandbox must be true or false, not "${sandbox.slice(0, 20)}".`, [
            { path: 'sandbox', message: 'must be true or false' },
          ])
        if (YES.test(sandbox)) options.sandbox = 'true'
      }
      const records = query('new_records')
      if (records !== undefined) {
        if (records !== 'Lead' && records !== 'Contact')
          throw new InvalidInputError(`new_records must be Lead or Contact, not "${records.slice(0, 20)}".`, [
            { path: 'new_records', message: 'must be Lead or Contact' },
          ])
        options.newRecords = records
      }
      return options
    },
    authorizeUrl({ state, redirectUri, options }) {
      return client(loginUrlOf(options), redirectUri).getAuthorizationUrl({
        scope: SCOPES.join(' '),
        state,
        prompt: 'login consent',
      })
    },
    async exchangeCode({ code, redirectUri, options }) {
      const loginUrl = loginUrlOf(options)
      const answer = await tokenCall(() => client(loginUrl, redirectUri).requestToken(code))
      const identity = parseIdentityUrl(answer.id)
      if (!identity || !answer.refresh_token || !answer.instance_url)
        throw new CrmAuthError(
          'bad_response',
          'Salesforce answered the code without an identity URL, refresh token or instance URL.',
        )
      return {
        accountId: identity.orgId,
        accessToken: answer.access_token,
        refreshToken: answer.refresh_token,
        expiresInSeconds: SESSION_SECONDS,
        scopes: scopesOf(answer.scope),
        providerState: {
          instanceUrl: answer.instance_url,
          loginUrl,
          sandbox: options?.sandbox === 'true',
          userId: identity.userId,
          ...(options?.newRecords ? { newRecords: options.newRecords } : {}),
        },
      }
    },
    async refresh(refreshToken, connection) {
      const answer = await tokenCall(() => client(connectionLoginUrl(connection)).refreshToken(refreshToken))
      if (!answer.access_token)
        throw new CrmAuthError('bad_response', 'Salesforce refreshed without a token.')
      return {
        accessToken: answer.access_token,
        refreshToken: answer.refresh_token ?? null,
        expiresInSeconds: SESSION_SECONDS,
        scopes: answer.scope ? scopesOf(answer.scope) : null,
      }
    },
    async revoke(refreshToken, connection) {
      try {
        await client(connectionLoginUrl(connection)).revokeToken(refreshToken)
        return 'revoked'
      } catch (error) {
        const name = (error as Error).name
        if (name === 'invalid_token' || name === 'unsupported_token_type' || /400/.test(name))
          return 'already_invalid'
        throw new CrmAuthError(
          'unavailable',
          `Salesforce did not revoke the token: ${(error as Error).message}`,
        )
      }
    },
    requiredScopes: () => SCOPES,
    refreshMarginMs: () => 300_000,
    successUrl: () => undefined,
    credentialSettings: 'SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET',
    uninstallHint: 'Salesforce (Setup > Connected Apps OAuth Usage, or the External Client App Manager)',
  }
}

function scopesOf(scope: unknown): string[] {
  return typeof scope === 'string' ? scope.split(/\s+/).filter(Boolean) : []
}

interface TokenAnswer {
  access_token: string
  refresh_token?: string
  instance_url?: string
  id?: string
  scope?: string
}

/** jsforce raises OAuth errors as an Error named after Salesforce's `error` code. */
async function tokenCall(call: () => Promise<unknown>): Promise<TokenAnswer> {
  try {
    return (await call()) as TokenAnswer
  } catch (error) {
    if (error instanceof CrmAuthError) throw error
    const name = error instanceof Error ? error.name : ''
    const message = error instanceof Error ? error.message : String(error)
    if (name === 'invalid_grant') throw new CrmAuthError('grant_rejected', `Salesforce: ${message}`, 400)
    if (name === 'invalid_client_id' || name === 'invalid_client')
      throw new CrmAuthError('client_rejected', `Salesforce refused the app credentials: ${message}`, 400)
    if (name === 'unsupported_grant_type' || name === 'invalid_request' || name === 'redirect_uri_mismatch')
      throw new CrmAuthError('grant_rejected', `Salesforce: ${message}`, 400)
    throw new CrmAuthError('unavailable', `Salesforce token endpoint: ${message}`)
  }
}
