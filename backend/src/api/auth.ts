import { and, eq, isNull } from 'drizzle-orm'
import { createMiddleware } from 'hono/factory'
import type { Config } from '../config'
import { checkHubspotSignatureV3 } from '../crm/hubspot/request-signature'
import type { Database } from '../db/client'
import { apiKeys, crmConnections } from '../db/schema'
import { hashApiKey } from '../lib/crypto'
import type { AppEnv, AuthContext } from './app-env'
import { ApiError } from './errors'

/**
 * Every /api/v1 route: a HubSpot card call (X-HubSpot-Signature-v3) or a bearer API key. The
 * workspace always comes from something verified — the key, or the signed portal id's connection —
 * never from an unsigned value.
 */
export function apiAuth(db: Database, config: Config) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const signature = c.req.header('x-hubspot-signature-v3')
    const auth = signature
      ? await hubspotCardAuth(db, config, c, signature)
      : await bearerKeyAuth(db, c.req.header('authorization'))
    c.set('auth', auth)
    await next()
  })
}

async function bearerKeyAuth(db: Database, header: string | undefined): Promise<AuthContext> {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  if (!match?.[1]) throw new ApiError('unauthorized', 'Send an API key as "Authorization: Bearer <key>".')
  const [key] = await db
    .select({ id: apiKeys.id, workspaceId: apiKeys.workspaceId, scope: apiKeys.scope })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(match[1])), isNull(apiKeys.revokedAt)))
    .limit(1)
  if (!key) throw new ApiError('unauthorized', 'This API key is not valid or was revoked.')
  return { workspaceId: key.workspaceId, keyId: key.id, scope: key.scope }
}

async function hubspotCardAuth(
  db: Database,
  config: Config,
  c: {
    req: {
      method: string
      url: string
      text(): Promise<string>
      header(name: string): string | undefined
      query(name: string): string | undefined
    }
  },
  signature: string,
): Promise<AuthContext> {
  if (!config.HUBSPOT_CLIENT_SECRET)
    throw new ApiError('not_configured', 'HUBSPOT_CLIENT_SECRET is not set on this server.')
  const body = c.req.method === 'GET' || c.req.method === 'DELETE' ? '' : await c.req.text()
  const check = checkHubspotSignatureV3({
    secret: config.HUBSPOT_CLIENT_SECRET,
    method: c.req.method,
    url: publicUrl(c.req.url, config.PUBLIC_URL),
    body,
    timestamp: c.req.header('x-hubspot-request-timestamp'),
    signature,
  })
  if (check === 'stale') throw new ApiError('unauthorized', 'The HubSpot signature is older than 5 minutes.')
  if (check === 'invalid')
    throw new ApiError('invalid_signature', 'X-HubSpot-Signature-v3 does not match this request.')
  // The portal id is part of the signed URL; only an installed, active portal maps to a workspace.
  const portalId = c.req.query('portal_id')
  if (!portalId) throw new ApiError('bad_request', 'Signed card requests must carry portal_id.')
  const [connection] = await db
    .select()
    .from(crmConnections)
    .where(
      and(
        eq(crmConnections.provider, 'hubspot'),
        eq(crmConnections.accountId, portalId),
        eq(crmConnections.state, 'active'),
      ),
    )
  if (!connection) throw new ApiError('forbidden', `HubSpot portal ${portalId} has not installed the app.`)
  return {
    workspaceId: connection.workspaceId,
    keyId: connection.id,
    scope: 'card',
    crm: { provider: 'hubspot', connectionId: connection.id },
  }
}

/** What HubSpot called: the public origin (behind a proxy) with our path and query. */
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
