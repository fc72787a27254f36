import type { Config } from '../../config'
import type { CrmConnection } from '../../db/schema'
import { CrmAuthError } from '../oauth/auth-error'
import type { CrmOAuth } from '../provider'
import { allowedAccountsServer, dataCentreOf } from './data-centres'
import { zohoStateOf } from './org-state'
import { type ZohoEdition, zohoClient, zohoSettings } from './settings'

/** The scopes the sync and the card need (records, notes, tasks, fields, tags, notifications, org, user). */
export const ZOHO_SCOPES = [
  'ZohoCRM.modules.ALL',
  'ZohoCRM.settings.fields.ALL',
  'ZohoCRM.settings.tags.ALL',
  'ZohoCRM.notifications.ALL',
  'ZohoCRM.org.READ',
  'ZohoCRM.users.READ',
]

const EDITIONS = new Set<ZohoEdition>(['free', 'standard', 'professional', 'enterprise', 'ultimate'])
const TIMEOUT_MS = 15_000

interface TokenAnswer {
  access_token?: string
  refresh_token?: string
  api_domain?: string
  expires_in?: number
  scope?: string
  error?: string
  error_description?: string
}

/**
 * Zoho's side of the generic OAuth flow (authorization code, `access_type=offline`). Installs
 * start at the configured accounts server; Zoho sends the installer back with the accounts server
 * of the org's data centre, where the code is traded — only when it is one we trust, since our
 * client secret goes there. The token answer's `api_domain` and the accounts server are kept per
 * org; refreshes and revocation go to that org's own accounts server.
 */
export function zohoOAuth(config: Config): CrmOAuth {
  const settings = zohoSettings(config)
  const accountsOf = (connection?: CrmConnection) =>
    (connection && zohoStateOf(connection).accountsUrl) || settings.accountsUrl

  return {
    authorizeUrl({ state, redirectUri }) {
      const { clientId } = zohoClient(config)
      const url = new URL(`${settings.accountsUrl}/oauth/v2/auth`)
      url.search = new URLSearchParams({
        scope: ZOHO_SCOPES.join(','),
        client_id: clientId,
        response_type: 'code',
        access_type: 'offline',
        prompt: 'consent',
        redirect_uri: redirectUri,
        state,
      }).toString()
      return url.toString()
    },
    async exchangeCode({ code, redirectUri, callback }) {
      const named = callback?.('accounts-server')
      const accountsUrl = named
        ? allowedAccountsServer(named, settings.accountsServers)
        : settings.accountsUrl
      if (!accountsUrl)
        throw new CrmAuthError(
          'grant_rejected',
          `The install came back naming an accounts server that is not a Zoho data centre this server trusts (${named?.slice(0, 80)}).`,
          400,
        )
      const answer = await tokenCall(accountsUrl, {
        grant_type: 'authorization_code',
        ...clientForm(config),
        redirect_uri: redirectUri,
        code,
      })
      if (!answer.access_token || !answer.refresh_token || !answer.api_domain)
        throw new CrmAuthError(
          'bad_response',
          'Zoho answered the code without an access token, refresh token or API domain.',
        )
      const apiDomain = answer.api_domain.replace(/\/+$/, '')
      const org = await whoIs(apiDomain, answer.access_token)
      return {
        accountId: org.id,
        accessToken: answer.access_token,
        refreshToken: answer.refresh_token,
        expiresInSeconds: answer.expires_in ?? 3600,
        scopes: scopesOf(answer.scope),
        providerState: {
          dataCentre: dataCentreOf(accountsUrl, callback?.('location')),
          accountsUrl,
          apiDomain,
          userId: org.userId,
          orgName: org.name,
          ...(org.edition ? { edition: org.edition } : {}),
        },
      }
    },
    async refresh(refreshToken, connection) {
      const answer = await tokenCall(accountsOf(connection), {
        grant_type: 'refresh_token',
        ...clientForm(config),
        refresh_token: refreshToken,
      })
      if (!answer.access_token) throw new CrmAuthError('bad_response', 'Zoho refreshed without a token.')
      return {
        accessToken: answer.access_token,
        refreshToken: null,
        expiresInSeconds: answer.expires_in ?? 3600,
        scopes: answer.scope ? scopesOf(answer.scope) : null,
      }
    },
    async revoke(refreshToken, connection) {
      const url = `${accountsOf(connection)}/oauth/v2/token/revoke?${new URLSearchParams({ token: refreshToken })}`
      let res: Response
      try {
        res = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(TIMEOUT_MS) })
      } catch (error) {
        throw new CrmAuthError('unavailable', `Zoho did not revoke the token: ${(error as Error).message}`)
      }
      const body = (await res.json().catch(() => ({}))) as { status?: string; error?: string }
      if (res.ok && body.status === 'success') return 'revoked'
      if (res.status >= 500)
        throw new CrmAuthError('unavailable', `Zoho answered ${res.status} to the revocation.`)
      return 'already_invalid'
    },
    requiredScopes: () => ZOHO_SCOPES,
    refreshMarginMs: () => 300_000,
    successUrl: () => undefined,
    credentialSettings: 'ZOHO_CLIENT_ID and ZOHO_CLIENT_SECRET',
    uninstallHint: 'Zoho (accounts.zoho.<dc> > Connected Apps, or the API console)',
  }
}

/** Zoho's token endpoint answers most refusals with 200 and `{ error }`. */
async function tokenCall(accountsUrl: string, form: Record<string, string>): Promise<TokenAnswer> {
  let res: Response
  try {
    res = await fetch(`${accountsUrl}/oauth/v2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (error) {
    throw new CrmAuthError('unavailable', `Zoho accounts server unreachable: ${(error as Error).message}`)
  }
  if (res.status >= 500) throw new CrmAuthError('unavailable', `Zoho accounts server answered ${res.status}.`)
  const body = (await res.json().catch(() => null)) as TokenAnswer | null
  if (!body)
    throw new CrmAuthError('bad_response', `Zoho accounts server answered ${res.status} without JSON.`)
  if (body.error === 'invalid_client')
    throw new CrmAuthError('client_rejected', 'Zoho refused the app credentials (invalid_client).', 400)
  if (body.error === 'Access Denied')
    throw new CrmAuthError(
      'unavailable',
      `Zoho refused a new access token for now: ${body.error_description ?? 'too many requests'}`,
    )
  if (body.error) throw new CrmAuthError('grant_rejected', `Zoho: ${body.error}`, 400)
  return body
}

/** The org behind a fresh token, and the user who approved the app (our writes carry their id). */
async function whoIs(
  apiDomain: string,
  accessToken: string,
): Promise<{ id: string; name?: string; edition?: ZohoEdition; userId?: string }> {
  const get = async (path: string) => {
    try {
      const res = await fetch(`${apiDomain}/crm/v8${path}`, {
        headers: { authorization: `Zoho-oauthtoken ${accessToken}` },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      return res.ok ? ((await res.json()) as Record<string, unknown>) : null
    } catch {
      return null
    }
  }
  const org = ((await get('/org'))?.org as Record<string, unknown>[] | undefined)?.[0]
  if (!org || (typeof org.id !== 'string' && typeof org.id !== 'number'))
    throw new CrmAuthError('bad_response', 'Zoho did not name the org of the new token (GET /crm/v8/org).')
  const user = ((await get('/users?type=CurrentUser'))?.users as Record<string, unknown>[] | undefined)?.[0]
  const paid = (org.license_details as { paid_type?: string } | undefined)?.paid_type?.toLowerCase()
  return {
    id: String(org.id),
    name: typeof org.company_name === 'string' ? org.company_name : undefined,
    edition: paid && EDITIONS.has(paid as ZohoEdition) ? (paid as ZohoEdition) : undefined,
    userId: user?.id !== undefined ? String(user.id) : undefined,
  }
}

function clientForm(config: Config): { client_id: string; client_secret: string } {
  const { clientId, clientSecret } = zohoClient(config)
  return { client_id: clientId, client_secret: clientSecret }
}

function scopesOf(scope: unknown): string[] {
  return typeof scope === 'string' ? scope.split(/[\s,]+/).filter(Boolean) : []
}
