import { z } from 'zod'
import { CrmAuthError } from '../../oauth/auth-error'
import type { HubspotOAuthSettings } from './settings'

/**
 * HubSpot's OAuth token endpoints (2026-03), written over fetch on purpose: the SDK's
 * `client.oauth.tokensApi` still calls `/oauth/v1/token`, which HubSpot retires on 2027-02-16.
 * Every answer is parsed with zod; every failure becomes a `CrmAuthError` whose reason says
 * whether to retry, re-install, or fix the server's configuration.
 */

const TOKEN_PATH = '/oauth/2026-03/token'
const REVOKE_PATH = '/oauth/2026-03/token/revoke'
const REQUEST_TIMEOUT_MS = 10_000

const tokenAnswer = z.object({
  token_type: z.string().optional(),
  access_token: z.string().min(1),
  /** HubSpot sends it on both grants; a refresh answer without one keeps the old token. */
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().int().positive(),
  hub_id: z.number().int().positive().optional(),
  scopes: z.array(z.string()).optional(),
})

/** HubSpot's standard error body, plus the RFC 6749 fields some OAuth answers use. */
const errorAnswer = z
  .object({
    status: z.string().optional(),
    message: z.string().optional(),
    category: z.string().optional(),
    subCategory: z.string().optional(),
    correlationId: z.string().optional(),
    error: z.string().optional(),
    error_description: z.string().optional(),
  })
  .partial()

export interface TokenGrant {
  accessToken: string
  /** null when a refresh answer did not rotate the refresh token. */
  refreshToken: string | null
  expiresInSeconds: number
  hubId: number | null
  scopes: string[] | null
}

export interface InstallGrant extends TokenGrant {
  refreshToken: string
  hubId: number
  scopes: string[]
}

export async function exchangeAuthorizationCode(
  settings: HubspotOAuthSettings,
  input: { code: string; redirectUri: string },
): Promise<InstallGrant> {
  const grant = await requestTokens(settings, {
    grant_type: 'authorization_code',
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
    redirect_uri: input.redirectUri,
    code: input.code,
  })
  if (!grant.refreshToken || grant.hubId === null)
    throw new CrmAuthError(
      'bad_response',
      'HubSpot answered the code exchange without a refresh token or hub_id.',
      200,
    )
  return { ...grant, refreshToken: grant.refreshToken, hubId: grant.hubId, scopes: grant.scopes ?? [] }
}

export function refreshAccessToken(
  settings: HubspotOAuthSettings,
  refreshToken: string,
): Promise<TokenGrant> {
  return requestTokens(settings, {
    grant_type: 'refresh_token',
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
    refresh_token: refreshToken,
  })
}

/**
 * Revokes a refresh token. A token HubSpot no longer knows (already revoked, app uninstalled)
 * counts as revoked: the goal — it cannot be used — holds.
 */
export async function revokeRefreshToken(
  settings: HubspotOAuthSettings,
  refreshToken: string,
): Promise<'revoked' | 'already_invalid'> {
  const form = {
    token: refreshToken,
    token_type_hint: 'refresh_token',
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
  }
  const res = await post(settings, REVOKE_PATH, form)
  if (res.ok) return 'revoked'
  const failure = await failureOf(res, form)
  if (failure.reason === 'grant_rejected') return 'already_invalid'
  throw failure
}

async function requestTokens(
  settings: HubspotOAuthSettings,
  form: Record<string, string>,
): Promise<TokenGrant> {
  const res = await post(settings, TOKEN_PATH, form)
  if (!res.ok) throw await failureOf(res, form)
  const parsed = tokenAnswer.safeParse(await res.json().catch(() => null))
  if (!parsed.success)
    throw new CrmAuthError(
      'bad_response',
      'HubSpot answered the token request in an unknown shape.',
      res.status,
    )
  const a = parsed.data
  return {
    accessToken: a.access_token,
    refreshToken: a.refresh_token ?? null,
    expiresInSeconds: a.expires_in,
    hubId: a.hub_id ?? null,
    scopes: a.scopes ?? null,
  }
}

async function post(
  settings: HubspotOAuthSettings,
  path: string,
  form: Record<string, string>,
): Promise<Response> {
  try {
    return await fetch(`${settings.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
  } catch (error) {
    const what = (error as Error).name === 'TimeoutError' ? 'did not answer in time' : 'could not be reached'
    throw new CrmAuthError('unavailable', `HubSpot ${what} (${path}).`)
  }
}

const CLIENT_PROBLEM = /invalid_client|BAD_CLIENT|client[ _-]?(id|secret)|unknown client|client credentials/i

/** Turns a non-2xx answer into a typed failure; the secrets we sent never appear in its message. */
async function failureOf(res: Response, sent: Record<string, string>): Promise<CrmAuthError> {
  const text = await res.text().catch(() => '')
  let body: z.infer<typeof errorAnswer> = {}
  try {
    body = errorAnswer.parse(JSON.parse(text))
  } catch {
    body = {}
  }
  const said = [body.error, body.status, body.subCategory, body.message, body.error_description]
    .filter(Boolean)
    .join(': ')
  const detail = scrub(said || `HTTP ${res.status}`, sent)
  const ref = body.correlationId ? ` (correlation id ${body.correlationId})` : ''
  if (res.status === 429 || res.status >= 500)
    return new CrmAuthError('unavailable', `HubSpot answered ${res.status}: ${detail}${ref}`, res.status)
  if (CLIENT_PROBLEM.test(said))
    return new CrmAuthError(
      'client_rejected',
      `HubSpot refused the app's client credentials: ${detail}${ref}`,
      res.status,
    )
  return new CrmAuthError('grant_rejected', `HubSpot refused the grant: ${detail}${ref}`, res.status)
}

function scrub(text: string, sent: Record<string, string>): string {
  let out = text
  for (const [name, value] of Object.entries(sent)) {
    if (name === 'grant_type' || name === 'token_type_hint' || name === 'client_id' || value.length < 6)
      continue
    out = out.split(value).join('[redacted]')
  }
  return out
}
