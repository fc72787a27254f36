/**
 * HubSpot's OAuth server for one app: authorization codes (single use, 10 min), access tokens
 * (30 min by default) and refresh tokens (valid until revoked), with the answers of the
 * date-versioned token, introspect and revoke endpoints and their `BAD_…` error codes.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { expiredAuthentication, invalidAuthentication, oauthError, type SimAnswer } from './errors'

const CODE_TTL_MS = 10 * 60 * 1000

interface CodeGrant {
  portalId: number
  scopes: string[]
  redirectUri?: string
  expiresAt: number
  used: boolean
}

interface RefreshGrant {
  portalId: number
  scopes: string[]
  userId: number
  revoked: boolean
}

interface AccessGrant {
  portalId: number
  scopes: string[]
  expiresAt: number
  refreshToken: string
}

export interface OAuthConfig {
  clientId: string
  clientSecret: string
  appId: number
  accessTokenTtlSeconds: number
  defaultScopes: readonly string[]
}

export type Authenticated = { portalId: number; scopes: string[] }

export class OAuthServer {
  private readonly codes = new Map<string, CodeGrant>()
  private readonly refreshGrants = new Map<string, RefreshGrant>()
  private readonly accessGrants = new Map<string, AccessGrant>()
  private readonly revoked: string[] = []

  constructor(private readonly config: OAuthConfig) {}

  /** Whether `clientId` is this app's (the authorize page refuses any other). */
  isClient(clientId: string | undefined): boolean {
    return clientId === this.config.clientId
  }

  authorize(portalId: number, opts: { scopes?: string[]; redirectUri?: string } = {}): string {
    const code = randomUUID()
    this.codes.set(code, {
      portalId,
      scopes: [...(opts.scopes ?? this.config.defaultScopes)],
      redirectUri: opts.redirectUri,
      expiresAt: Date.now() + CODE_TTL_MS,
      used: false,
    })
    return code
  }

  issue(portalId: number, scopes?: string[]): { accessToken: string; refreshToken: string } {
    const refreshToken = this.newRefresh(portalId, [...(scopes ?? this.config.defaultScopes)])
    return { accessToken: this.newAccess(refreshToken), refreshToken }
  }

  revokedTokens(): string[] {
    return [...this.revoked]
  }

  /** The portal and scopes of a bearer token, or HubSpot's 401. */
  authenticate(authorization: string | undefined, now = Date.now()): Authenticated | SimAnswer {
    const token = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1]
    const grant = token ? this.accessGrants.get(token) : undefined
    if (!grant || this.refreshGrants.get(grant.refreshToken)?.revoked) return invalidAuthentication()
    if (grant.expiresAt <= now) return expiredAuthentication(now - grant.expiresAt)
    return { portalId: grant.portalId, scopes: grant.scopes }
  }

  /** Portal of a bearer token even when expired (for the request log). */
  portalOf(authorization: string | undefined): number | null {
    const token = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1]
    return (token && this.accessGrants.get(token)?.portalId) || null
  }

  /** POST /oauth/{version}/token */
  token(form: Record<string, string>): SimAnswer {
    const client = this.checkClient(form)
    if (client) return client
    if (form.grant_type === 'authorization_code') return this.exchangeCode(form)
    if (form.grant_type === 'refresh_token') return this.refresh(form)
    return oauthError('BAD_GRANT_TYPE', `unsupported grant_type: ${form.grant_type ?? '(missing)'}`)
  }

  /** POST /oauth/{version}/token/introspect */
  introspect(form: Record<string, string>): SimAnswer {
    const client = this.checkClient(form)
    if (client) return client
    const token = form.token ?? ''
    const now = Date.now()
    const access = this.accessGrants.get(token)
    if (access && form.token_type_hint !== 'refresh_token') {
      const refresh = this.refreshGrants.get(access.refreshToken)
      const active = access.expiresAt > now && !refresh?.revoked
      if (!active) return { status: 200, body: { active: false } }
      return {
        status: 200,
        body: {
          active: true,
          token,
          token_type: 'bearer',
          token_use: 'access_token',
          client_id: this.config.clientId,
          app_id: this.config.appId,
          hub_id: access.portalId,
          hub_domain: `portal-${access.portalId}.hubspot.test`,
          user_id: refresh?.userId ?? 0,
          user: `sim-user-${refresh?.userId ?? 0}@example.test`,
          scopes: access.scopes,
          is_private_distribution: false,
          expires_in: Math.floor((access.expiresAt - now) / 1000),
        },
      }
    }
    const refresh = this.refreshGrants.get(token)
    if (!refresh || refresh.revoked) return { status: 200, body: { active: false } }
    return {
      status: 200,
      body: {
        active: true,
        token,
        token_type: 'bearer',
        token_use: 'refresh_token',
        client_id: this.config.clientId,
        app_id: this.config.appId,
        hub_id: refresh.portalId,
        hub_domain: `portal-${refresh.portalId}.hubspot.test`,
        user_id: refresh.userId,
        user: `sim-user-${refresh.userId}@example.test`,
        scopes: refresh.scopes,
      },
    }
  }

  /** POST /oauth/{version}/token/revoke: the refresh token and every access token from it stop working. */
  revoke(form: Record<string, string>): SimAnswer {
    const client = this.checkClient(form)
    if (client) return client
    const token = form.token ?? ''
    const refreshToken = this.refreshGrants.has(token) ? token : this.accessGrants.get(token)?.refreshToken
    const grant = refreshToken ? this.refreshGrants.get(refreshToken) : undefined
    if (!refreshToken || !grant) return oauthError('BAD_REFRESH_TOKEN', 'missing or invalid refresh token')
    if (!grant.revoked) {
      grant.revoked = true
      this.revoked.push(refreshToken)
    }
    return { status: 204, body: null }
  }

  private exchangeCode(form: Record<string, string>): SimAnswer {
    const grant = form.code ? this.codes.get(form.code) : undefined
    if (!grant || grant.used) return oauthError('BAD_AUTH_CODE', 'missing or unknown auth code')
    if (grant.expiresAt <= Date.now()) return oauthError('EXPIRED_AUTH_CODE', 'auth code is expired')
    if (grant.redirectUri !== undefined && form.redirect_uri !== grant.redirectUri) {
      return oauthError('BAD_REDIRECT_URI', 'redirect_uri does not match initial redirect_uri')
    }
    grant.used = true
    const refreshToken = this.newRefresh(grant.portalId, grant.scopes)
    return this.tokenAnswer(this.newAccess(refreshToken), refreshToken)
  }

  private refresh(form: Record<string, string>): SimAnswer {
    const refreshToken = form.refresh_token ?? ''
    const grant = this.refreshGrants.get(refreshToken)
    if (!grant || grant.revoked) return oauthError('BAD_REFRESH_TOKEN', 'missing or invalid refresh token')
    // HubSpot answers with the same refresh token; earlier access tokens live until they expire.
    return this.tokenAnswer(this.newAccess(refreshToken), refreshToken)
  }

  private tokenAnswer(accessToken: string, refreshToken: string): SimAnswer {
    const grant = this.refreshGrants.get(refreshToken) as RefreshGrant
    return {
      status: 200,
      body: {
        token_type: 'bearer',
        token_use: 'access_token',
        access_token: accessToken,
        refresh_token: refreshToken,
        expires_in: this.config.accessTokenTtlSeconds,
        hub_id: grant.portalId,
        user_id: grant.userId,
        scopes: grant.scopes,
      },
    }
  }

  private checkClient(form: Record<string, string>): SimAnswer | undefined {
    if (form.client_id !== this.config.clientId) {
      return oauthError('BAD_CLIENT_ID', 'missing or unknown client id')
    }
    if (form.client_secret !== this.config.clientSecret) {
      return oauthError('BAD_CLIENT_SECRET', 'missing or invalid client secret')
    }
    return undefined
  }

  private newRefresh(portalId: number, scopes: string[]): string {
    // Shaped like HubSpot's (`na1-xxxx-…`); opaque to the app either way.
    const token = `na1-${randomUUID()}`
    this.refreshGrants.set(token, { portalId, scopes, userId: 7_000_000 + portalId, revoked: false })
    return token
  }

  private newAccess(refreshToken: string): string {
    const grant = this.refreshGrants.get(refreshToken) as RefreshGrant
    const token = `C${randomBytes(96).toString('base64url')}`
    this.accessGrants.set(token, {
      portalId: grant.portalId,
      scopes: grant.scopes,
      expiresAt: Date.now() + this.config.accessTokenTtlSeconds * 1000,
      refreshToken,
    })
    return token
  }
}

/** The scopes a call needs are satisfied by any one of `anyOf`. */
export function hasAnyScope(granted: string[], anyOf: string[]): boolean {
  return anyOf.some((s) => granted.includes(s))
}
