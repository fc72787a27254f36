import { and, eq } from 'drizzle-orm'
import { type CrmConnection, crmConnections } from '../../db/schema'
import type { CrmContext } from '../provider'
import type { CrmRegistry } from '../registry'
import { lockConnectionTokens } from './locks'
import { openSealedToken } from './sealed-token'

/** What happened to the refresh token at the CRM. */
export type RevocationOutcome = 'revoked' | 'already_invalid' | 'failed' | 'no_token'

export interface DisconnectResult {
  connection: CrmConnection
  revocation: RevocationOutcome
}

/**
 * Disconnects a CRM connection of a workspace: state `disconnected` (the sync only takes active
 * connections, so it stops), tokens wiped. The CRM's refresh token is revoked after the commit,
 * best effort: the CRM being down must not keep an admin from disconnecting, so a failed
 * revocation is recorded on lastError instead. Repeating it changes nothing. Returns null when
 * the workspace has no such connection.
 */
export async function disconnectConnection(
  ctx: CrmContext & { crm: CrmRegistry },
  workspaceId: string,
  connectionId: string,
  now = new Date(),
): Promise<DisconnectResult | null> {
  const taken = await ctx.db.transaction(async (tx) => {
    await lockConnectionTokens(tx, connectionId)
    const [row] = await tx
      .select()
      .from(crmConnections)
      .where(and(eq(crmConnections.id, connectionId), eq(crmConnections.workspaceId, workspaceId)))
    if (!row) return null
    // Opened before the wipe; one that cannot be opened is still wiped, and its revocation fails below.
    let refreshToken: string | Error | null = null
    if (row.refreshTokenEnc) {
      try {
        refreshToken = openSealedToken(row.refreshTokenEnc, ctx.encryptionKey, row.accountId)
      } catch (error) {
        refreshToken = error as Error
      }
    }
    const [updated] = await tx
      .update(crmConnections)
      .set({
        state: 'disconnected',
        accessTokenEnc: null,
        refreshTokenEnc: null,
        tokenExpiresAt: null,
        disconnectedAt: row.state === 'disconnected' ? row.disconnectedAt : now,
        lastError: row.state === 'disconnected' ? row.lastError : null,
        updatedAt: now,
      })
      .where(eq(crmConnections.id, row.id))
      .returning()
    return updated ? { connection: updated, refreshToken } : null
  })
  if (!taken) return null
  const provider = ctx.crm.has(taken.connection.provider) ? ctx.crm.get(taken.connection.provider) : null
  const log = ctx.logger.child({
    component: 'crm-oauth',
    provider: taken.connection.provider,
    connectionId,
    accountId: taken.connection.accountId,
  })
  if (!taken.refreshToken || !provider) {
    log.info('crm connection disconnected')
    return { connection: taken.connection, revocation: 'no_token' }
  }
  try {
    if (taken.refreshToken instanceof Error) throw taken.refreshToken
    const revocation = await provider.oauth.revoke(taken.refreshToken, taken.connection)
    log.info({ revocation }, `${provider.name} connection disconnected`)
    return { connection: taken.connection, revocation }
  } catch (error) {
    const why = (error as Error).message
    log.warn({ err: why }, `${provider.name} connection disconnected; revoking its refresh token failed`)
    const [recorded] = await ctx.db
      .update(crmConnections)
      .set({
        lastError: `Disconnected, but the refresh token could not be revoked at ${provider.label} (${why}). It stays valid there until the app is uninstalled in ${provider.oauth.uninstallHint}.`,
        updatedAt: new Date(),
      })
      .where(and(eq(crmConnections.id, connectionId), eq(crmConnections.state, 'disconnected')))
      .returning()
    return { connection: recorded ?? taken.connection, revocation: 'failed' }
  }
}
