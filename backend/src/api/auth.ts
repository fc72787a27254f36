import { and, eq, isNull, sql } from 'drizzle-orm'
import { createMiddleware } from 'hono/factory'
import type { Config } from '../config'
import { consoleSessionOf } from '../console/sessions'
import type { CrmCardAuth, CrmProvider, SignedRequest } from '../crm/provider'
import type { CrmRegistry } from '../crm/registry'
import type { Database } from '../db/client'
import { apiKeys, crmConnections } from '../db/schema'
import { hashApiKey } from '../lib/crypto'
import type { AppEnv, AuthContext } from './app-env'
import { assertSameOrigin, consoleToken } from './console-cookie'
import { ApiError } from './errors'

/**
 * Every /api/v1 route: a card call signed by a CRM (the registry knows which provider recognises
 * the request's headers), a bearer API key, or the admin console's session cookie (which acts as
 * the key it was exchanged for; its changes must carry our Origin). The workspace always comes
 * from something verified — the key, the session, or the verified account's connection — never
 * from an unsigned value.
 */
export function apiAuth(db: Database, config: Config, crm: CrmRegistry) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const provider = crm.cardProviderFor((name) => c.req.header(name))
    const sessionToken = provider || c.req.header('authorization') ? undefined : consoleToken(c)
    if (sessionToken) assertSameOrigin(c, config)
    const auth = sessionToken
      ? await consoleSessionAuth(db, sessionToken)
      : provider
        ? await cardAuth(db, provider, {
            method: c.req.method,
            url: publicUrl(c.req.url, config.PUBLIC_URL),
            header: (name) => c.req.header(name),
            query: (name) => c.req.query(name),
            body: () => c.req.text(),
          })
        : await bearerKeyAuth(db, c.req.header('authorization'))
    c.set('auth', auth)
    await next()
  })
}

async function bearerKeyAuth(db: Database, header: string | undefined): Promise<AuthContext> {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  if (!match?.[1]) throw new ApiError('unauthorized', 'Send an API key as "Authorization: Bearer <key>".')
  const [key] = await db
    .select({
      id: apiKeys.id,
      workspaceId: apiKeys.workspaceId,
      scope: apiKeys.scope,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(match[1])), isNull(apiKeys.revokedAt)))
    .limit(1)
  if (!key) throw new ApiError('unauthorized', 'This API key is not valid or was revoked.')
  // "Last used" for GET /api/v1/api-keys, to the minute: one write per key per minute, not per request.
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(apiKeys).set({ lastUsedAt: sql`clock_timestamp()` }).where(eq(apiKeys.id, key.id))
  }
  return { workspaceId: key.workspaceId, keyId: key.id, scope: key.scope }
}

const LAST_USED_RESOLUTION_MS = 60_000

async function consoleSessionAuth(db: Database, token: string): Promise<AuthContext> {
  const session = await consoleSessionOf(db, token)
  return { workspaceId: session.workspaceId, keyId: session.keyId, scope: session.scope }
}

/** The provider verifies the call and names the account; only an installed, active account maps to a workspace. */
async function cardAuth(
  db: Database,
  provider: CrmProvider & { cardAuth: CrmCardAuth },
  request: SignedRequest,
): Promise<AuthContext> {
  const accountId = await provider.cardAuth.verify(request)
  const [connection] = await db
    .select()
    .from(crmConnections)
    .where(
      and(
        eq(crmConnections.provider, provider.name),
        eq(crmConnections.accountId, accountId),
        eq(crmConnections.state, 'active'),
      ),
    )
  if (!connection)
    throw new ApiError('forbidden', `${provider.accountLabel(accountId)} has not installed the app.`)
  return {
    workspaceId: connection.workspaceId,
    keyId: connection.id,
    scope: 'card',
    crm: { provider: provider.name, connectionId: connection.id },
  }
}

/** What the CRM called: the public origin (behind a proxy) with our path and query. */
export function publicUrl(requestUrl: string, publicOrigin: string | undefined): string {
  if (!publicOrigin) return requestUrl
  const u = new URL(requestUrl)
  return `${publicOrigin.replace(/\/$/, '')}${u.pathname}${u.search}`
}

export function requirePlatform(scope: AuthContext['scope']): void {
  if (scope !== 'platform') {
    throw new ApiError(
      'forbidden',
      'Only the platform administrator key can see data that belongs to no workspace.',
    )
  }
}

export function requireAdmin(scope: AuthContext['scope']): void {
  if (scope === 'card')
    throw new ApiError('forbidden', 'Cards cannot change workspace settings; use an admin API key.')
}

/**
 * Admin routes (all methods, or all but reads): a card acting for a rep may not use them.
 * `readOnlyPosts` names POST paths that only compute an answer (a preview) and so count as reads.
 */
export function adminOnly(options: { readsAllowed?: boolean; readOnlyPosts?: RegExp } = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const read =
      c.req.method === 'GET' || (c.req.method === 'POST' && Boolean(options.readOnlyPosts?.test(c.req.path)))
    if (!(options.readsAllowed && read)) requireAdmin(c.get('auth').scope)
    await next()
  })
}
