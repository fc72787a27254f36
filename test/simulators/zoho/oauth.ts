/**
 * The accounts side: one-time codes, refresh tokens (bound to the org's data centre) and access
 * tokens with Zoho's per-refresh-token mint limit (10 per 10 minutes, then refused).
 */
import { randomBytes } from 'node:crypto'
import type { DataCentre } from './types'

interface Grant {
  orgId: string
  redirectUri: string
  expiresAt: number
}
interface Session {
  orgId: string
  dc: DataCentre
  expiresAt: number
}

const CODE_TTL_MS = 2 * 60_000
const MINT_WINDOW_MS = 10 * 60_000

export class OAuthState {
  readonly codes = new Map<string, Grant>()
  readonly sessions = new Map<string, Session>()
  readonly refreshTokens = new Map<string, { orgId: string; dc: DataCentre; minted: number[] }>()
  readonly revoked: string[] = []

  constructor(
    private readonly ttlSeconds: () => number,
    private readonly mintLimit: () => number,
  ) {}

  authorize(orgId: string, redirectUri: string): string {
    const code = `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`
    this.codes.set(code, { orgId, redirectUri, expiresAt: Date.now() + CODE_TTL_MS })
    return code
  }

  takeCode(code: string, redirectUri: string): Grant | null {
    const grant = this.codes.get(code)
    this.codes.delete(code)
    if (!grant || grant.expiresAt < Date.now() || grant.redirectUri !== redirectUri) return null
    return grant
  }

  issue(orgId: string, dc: DataCentre): { accessToken: string; refreshToken: string } {
    const refreshToken = `1000.${randomBytes(24).toString('hex')}.${randomBytes(8).toString('hex')}`
    this.refreshTokens.set(refreshToken, { orgId, dc, minted: [] })
    return { accessToken: this.mint(refreshToken) as string, refreshToken }
  }

  /** A new access token for a refresh token; null once the 10-minute mint limit is reached. */
  mint(refreshToken: string): string | null {
    const owner = this.refreshTokens.get(refreshToken)
    if (!owner) return null
    const now = Date.now()
    owner.minted = owner.minted.filter((t) => now - t < MINT_WINDOW_MS)
    if (owner.minted.length >= this.mintLimit()) return null
    owner.minted.push(now)
    const accessToken = `1000.${randomBytes(24).toString('hex')}.${randomBytes(8).toString('hex')}`
    this.sessions.set(accessToken, {
      orgId: owner.orgId,
      dc: owner.dc,
      expiresAt: now + this.ttlSeconds() * 1000,
    })
    return accessToken
  }

  /** The session of a `Zoho-oauthtoken` header at this data centre, or null. */
  authenticate(header: string | undefined, dc: DataCentre): Session | null {
    const m = header ? /^Zoho-oauthtoken\s+(\S+)$/i.exec(header) : null
    const session = m?.[1] ? this.sessions.get(m[1]) : undefined
    if (!session || session.expiresAt <= Date.now() || session.dc !== dc) return null
    return session
  }

  expireOrg(orgId: string): void {
    for (const [t, s] of this.sessions) if (s.orgId === orgId) this.sessions.delete(t)
  }

  revoke(token: string): boolean {
    const owner = this.refreshTokens.get(token)
    if (!owner) return false
    this.refreshTokens.delete(token)
    this.revoked.push(token)
    return true
  }
}
