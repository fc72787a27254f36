import { eq } from 'drizzle-orm'
import type { Transaction } from '../../db/client'
import { type CrmConnection, crmConnections } from '../../db/schema'
import { encryptSecret } from '../../lib/crypto'
import type { CrmContext, CrmProvider } from '../provider'
import { CrmAuthError } from './auth-error'
import { lockConnectionTokens } from './locks'
import { openSealedToken } from './sealed-token'

/**
 * lastError texts this module writes start with this, so a successful refresh clears only its
 * own complaints and never one the sync wrote.
 */
export const authErrorPrefix = (provider: Pick<CrmProvider, 'label'>) => `${provider.label} authorization:`

export interface GetAccessTokenOptions {
  /**
   * A token the CRM just answered 401 to: refresh even if it looks fresh, unless another caller
   * already replaced it.
   */
  rejectedToken?: string
  now?: () => Date
}

/**
 * A usable access token for a CRM connection. Refreshes it when it expires within the provider's
 * refresh margin (a 401 is no reliable sign of expiry at every CRM, so the expiry is tracked
 * here). One refresh at a time per connection across all processes: callers
 * that wait for the lock find the new token and use it instead of refreshing again.
 */
export async function connectionAccessToken(
  ctx: CrmContext,
  provider: CrmProvider,
  connectionId: string,
  options: GetAccessTokenOptions = {},
): Promise<string> {
  const now = options.now ?? (() => new Date())
  const marginMs = provider.oauth.refreshMarginMs()
  const [seen] = await ctx.db.select().from(crmConnections).where(eq(crmConnections.id, connectionId))
  const usable = assertUsable(provider, seen, connectionId)
  const current = usable.accessTokenEnc
    ? openSealedToken(usable.accessTokenEnc, ctx.encryptionKey, provider.accountLabel(usable.accountId))
    : null
  if (current && fresh(usable, now(), marginMs) && current !== options.rejectedToken) return current
  return refreshUnderLock(ctx, provider, usable, now)
}

function fresh(row: CrmConnection, now: Date, marginMs: number): boolean {
  return row.tokenExpiresAt !== null && row.tokenExpiresAt.getTime() - now.getTime() > marginMs
}

type Usable = CrmConnection & { refreshTokenEnc: string }

function assertUsable(provider: CrmProvider, row: CrmConnection | undefined, connectionId: string): Usable {
  if (row?.provider !== provider.name)
    throw new CrmAuthError('not_found', `No ${provider.label} connection ${connectionId}.`)
  if (row.state !== 'active')
    throw new CrmAuthError('disconnected', `${provider.accountLabel(row.accountId)} was disconnected.`)
  if (!row.refreshTokenEnc)
    throw new CrmAuthError(
      'reauth_required',
      row.lastError ??
        `${provider.accountLabel(row.accountId)} has no OAuth tokens: install the app to connect it.`,
    )
  return row as Usable
}

async function refreshUnderLock(
  ctx: CrmContext,
  provider: CrmProvider,
  seen: Usable,
  now: () => Date,
): Promise<string> {
  const account = provider.accountLabel(seen.accountId)
  const prefix = authErrorPrefix(provider)
  const log = ctx.logger.child({
    component: 'crm-oauth',
    provider: provider.name,
    connectionId: seen.id,
    accountId: seen.accountId,
  })
  // A refusal is written inside the transaction and thrown after it commits, so it is kept.
  const outcome = await ctx.db.transaction(
    async (tx): Promise<{ token: string } | { refusal: CrmAuthError }> => {
      await lockConnectionTokens(tx, seen.id)
      const [row] = await tx.select().from(crmConnections).where(eq(crmConnections.id, seen.id))
      const locked = assertUsable(provider, row, seen.id)
      const replaced =
        locked.accessTokenEnc !== null &&
        locked.accessTokenEnc !== seen.accessTokenEnc &&
        locked.tokenExpiresAt !== null &&
        locked.tokenExpiresAt > now()
      if (replaced)
        return {
          token: openSealedToken(locked.accessTokenEnc as string, ctx.encryptionKey, account),
        }

      const refreshToken = openSealedToken(locked.refreshTokenEnc, ctx.encryptionKey, account)
      let grant: Awaited<ReturnType<CrmProvider['oauth']['refresh']>>
      try {
        grant = await provider.oauth.refresh(refreshToken, locked)
      } catch (error) {
        if (!(error instanceof CrmAuthError)) throw error
        await recordRefusal(tx, provider, locked, error, now())
        return { refusal: error }
      }
      const at = now()
      await tx
        .update(crmConnections)
        .set({
          accessTokenEnc: encryptSecret(grant.accessToken, ctx.encryptionKey),
          refreshTokenEnc: grant.refreshToken
            ? encryptSecret(grant.refreshToken, ctx.encryptionKey)
            : locked.refreshTokenEnc,
          tokenExpiresAt: new Date(at.getTime() + grant.expiresInSeconds * 1000),
          ...(grant.scopes ? { scopes: grant.scopes } : {}),
          ...(locked.lastError?.startsWith(prefix) ? { lastError: null } : {}),
          updatedAt: at,
        })
        .where(eq(crmConnections.id, locked.id))
      log.debug(`${provider.name} access token refreshed`)
      return { token: grant.accessToken }
    },
  )
  if ('token' in outcome) return outcome.token
  const failed = outcome.refusal
  log.warn(
    { reason: failed.reason, status: failed.httpStatus, err: failed.message },
    `${provider.name} token refresh failed`,
  )
  throw failed
}

/**
 * A revoked refresh token is useless, so both tokens are wiped and the connection waits for a
 * re-install (state stays active: it is the install that is broken, not the admin's choice). A
 * refusal of the app's own credentials leaves the tokens alone: fixing the configuration heals it.
 */
async function recordRefusal(
  tx: Transaction,
  provider: CrmProvider,
  row: CrmConnection,
  error: CrmAuthError,
  at: Date,
): Promise<void> {
  if (error.reason === 'grant_rejected') {
    await tx
      .update(crmConnections)
      .set({
        accessTokenEnc: null,
        refreshTokenEnc: null,
        tokenExpiresAt: null,
        lastError: `${authErrorPrefix(provider)} ${provider.label} refused the refresh token (app uninstalled or access revoked); install the app again to resume sync. ${error.message}`,
        updatedAt: at,
      })
      .where(eq(crmConnections.id, row.id))
  } else if (error.reason === 'client_rejected') {
    await tx
      .update(crmConnections)
      .set({
        lastError: `${authErrorPrefix(provider)} ${error.message} Check ${provider.oauth.credentialSettings}.`,
        updatedAt: at,
      })
      .where(eq(crmConnections.id, row.id))
  }
}
