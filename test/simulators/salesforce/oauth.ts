/**
 * The org side of OAuth: one-time authorization codes, access tokens (with expiry) and refresh
 * tokens, per org and its approving admin. Sandboxes only trade at the sandbox login host.
 */
import { randomBytes } from 'node:crypto'

interface Grant {
  orgId: string
  userId: string
  redirectUri: string
  expiresAt: number
}

interface Session {
  orgId: string
  userId: string
  expiresAt: number
}

const CODE_TTL_MS = 15 * 60_000

const token = (orgId: string) => `${orgId.slice(0, 15)}!${randomBytes(24).toString('base64url')}`

export class OAuthState {
  readonly codes = new Map<string, Grant>()
  readonly sessions = new Map<string, Session>()
  /** refresh token → owner */
  readonly refreshTokens = new Map<string, { orgId: string; userId: string }>()
  readonly revoked: string[] = []

  constructor(private readonly ttlSeconds: () => number) {}

  authorize(orgId: string, userId: string, redirectUri: string): string {
    const code = `aPrx${randomBytes(18).toString('base64url')}`
    this.codes.set(code, { orgId, userId, redirectUri, expiresAt: Date.now() + CODE_TTL_MS })
    return code
  }

  /** Takes a code once; null when unknown, expired, used or sent with another redirect URI. */
  takeCode(code: string, redirectUri: string): Grant | null {
    const grant = this.codes.get(code)
    this.codes.delete(code)
    if (!grant || grant.expiresAt < Date.now() || grant.redirectUri !== redirectUri) return null
    return grant
  }

  issue(orgId: string, userId: string): { accessToken: string; refreshToken: string } {
    const refreshToken = `5Aep${randomBytes(32).toString('base64url')}`
    this.refreshTokens.set(refreshToken, { orgId, userId })
    return { accessToken: this.session(orgId, userId), refreshToken }
  }

  session(orgId: string, userId: string): string {
    const accessToken = token(orgId)
    this.sessions.set(accessToken, { orgId, userId, expiresAt: Date.now() + this.ttlSeconds() * 1000 })
    return accessToken
  }

  /** The session of a `Bearer` header, or null (missing, unknown, expired). */
  authenticate(header: string | undefined): Session | null {
    const m = header ? /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header) : null
    const session = m?.[1] ? this.sessions.get(m[1]) : undefined
    if (!session || session.expiresAt <= Date.now()) return null
    return session
  }

  expireOrg(orgId: string): void {
    for (const [t, s] of this.sessions) if (s.orgId === orgId) this.sessions.delete(t)
  }

  revoke(tokenValue: string): boolean {
    if (this.refreshTokens.delete(tokenValue)) {
      this.revoked.push(tokenValue)
      return true
    }
    return this.sessions.delete(tokenValue)
  }
}
