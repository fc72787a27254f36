import { and, eq, isNull } from 'drizzle-orm'
import { createMiddleware } from 'hono/factory'
import type { Database } from '../db/client'
import { apiKeys } from '../db/schema'
import { hashApiKey } from '../lib/crypto'
import { ApiError } from '../lib/errors'
import type { AppEnv } from './app-env'

/** Bearer API keys, looked up by hash; the workspace comes from the key, never from the request. */
export function bearerAuth(db: Database) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization')
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
    if (!match?.[1]) throw new ApiError('unauthorized', 'Send an API key as "Authorization: Bearer <key>".')
    const [key] = await db
      .select({ id: apiKeys.id, workspaceId: apiKeys.workspaceId, scope: apiKeys.scope })
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, hashApiKey(match[1])), isNull(apiKeys.revokedAt)))
      .limit(1)
    if (!key) throw new ApiError('unauthorized', 'This API key is not valid or was revoked.')
    c.set('auth', { workspaceId: key.workspaceId, keyId: key.id, scope: key.scope })
    await next()
  })
}

export function requirePlatform(scope: 'admin' | 'platform'): void {
  if (scope !== 'platform') {
    throw new ApiError(
      'forbidden',
      'Only the platform administrator key can see data that belongs to no workspace.',
    )
  }
}
