import { randomBytes } from 'node:crypto'
import { and, eq, isNull, lt, sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { apiKeys, consoleSessions } from '../db/schema'
import { hashApiKey } from '../lib/crypto'
import { DomainError } from '../lib/errors'

/** Who a console session acts as: the same workspace and scope as the key it was exchanged for. */
export interface ConsoleIdentity {
  sessionId: string
  workspaceId: string
  keyId: string
  scope: 'admin' | 'platform'
  expiresAt: Date
}

/**
 * Exchanges an admin (or platform) API key for a console session. Returns the token the cookie
 * carries; only its hash is stored. Expired sessions are pruned here, the one write path.
 */
export async function openConsoleSession(
  db: Database,
  apiKey: string,
  hours: number,
): Promise<{ token: string; identity: ConsoleIdentity }> {
  const [key] = await db
    .select({ id: apiKeys.id, workspaceId: apiKeys.workspaceId, scope: apiKeys.scope })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(apiKey)), isNull(apiKeys.revokedAt)))
    .limit(1)
  if (!key) throw new DomainError('unauthorized', 'This API key is not valid or was revoked.')
  await db.delete(consoleSessions).where(lt(consoleSessions.expiresAt, sql`clock_timestamp()`))
  const token = randomBytes(32).toString('base64url')
  const [row] = await db
    .insert(consoleSessions)
    .values({
      tokenHash: hashApiKey(token),
      workspaceId: key.workspaceId,
      apiKeyId: key.id,
      expiresAt: sql`clock_timestamp() + make_interval(secs => ${hours * 3600})`,
    })
    .returning()
  if (!row) throw new DomainError('internal', 'The console session could not be stored.')
  return {
    token,
    identity: {
      sessionId: row.id,
      workspaceId: key.workspaceId,
      keyId: key.id,
      scope: key.scope,
      expiresAt: row.expiresAt,
    },
  }
}

/** The session a cookie token names; refused when unknown, expired, or its key was revoked. */
export async function consoleSessionOf(db: Database, token: string): Promise<ConsoleIdentity> {
  const [row] = await db
    .select({
      sessionId: consoleSessions.id,
      workspaceId: consoleSessions.workspaceId,
      keyId: consoleSessions.apiKeyId,
      scope: apiKeys.scope,
      expiresAt: consoleSessions.expiresAt,
      revokedAt: apiKeys.revokedAt,
      expired: sql<boolean>`${consoleSessions.expiresAt} <= clock_timestamp()`,
    })
    .from(consoleSessions)
    .innerJoin(apiKeys, eq(apiKeys.id, consoleSessions.apiKeyId))
    .where(eq(consoleSessions.tokenHash, hashApiKey(token)))
    .limit(1)
  if (!row)
    throw new DomainError('unauthorized', 'You are not signed in to the console.', undefined, 'no_session')
  if (row.expired)
    throw new DomainError(
      'unauthorized',
      'Your console session has expired: sign in again.',
      undefined,
      'session_expired',
    )
  if (row.revokedAt)
    throw new DomainError(
      'unauthorized',
      'The API key this session was opened with has been revoked.',
      undefined,
      'key_revoked',
    )
  return {
    sessionId: row.sessionId,
    workspaceId: row.workspaceId,
    keyId: row.keyId,
    scope: row.scope,
    expiresAt: row.expiresAt,
  }
}

/** Signs out: the token stops working at once, whatever its expiry. */
export async function closeConsoleSession(db: Database, token: string): Promise<void> {
  await db.delete(consoleSessions).where(eq(consoleSessions.tokenHash, hashApiKey(token)))
}
