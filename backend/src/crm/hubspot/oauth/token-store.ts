import { eq } from 'drizzle-orm'
import type { Transaction } from '../../../db/client'
import { type CrmConnection, crmConnections } from '../../../db/schema'
import { encryptSecret } from '../../../lib/crypto'
import { HubspotAuthError } from './errors'
import { lockConnectionTokens } from './locks'
import { openSealedToken } from './sealed-token'
import { type HubspotOAuthContext, hubspotOAuthSettings } from './settings'
import { refreshAccessToken } from './token-client'

/**
 * lastError texts this module writes start with this, so a successful refresh clears only its
 * own complaints and never one the sync wrote.
 */
export const AUTH_ERROR_PREFIX = 'HubSpot authorization:'

export interface GetAccessTokenOptions {
  /**
   * A token HubSpot just answered 401 to: refresh even if it looks fresh, unless another caller
   * already replaced it.
   */
  rejectedToken?: string
  now?: () => Date
}

/**
 * A usable access token for a HubSpot connection. Refreshes it when it expires within
 * HUBSPOT_TOKEN_REFRESH_MARGIN_SECONDS (HubSpot says a 401 is no reliable sign of expiry, so the
 * expiry is tracked here). One refresh at a time per connection across all processes: callers
 * that wait for the lock find the new token and use it instead of refreshing again.
 */
export async function getAccessToken(
  ctx: HubspotOAuthContext,
  connectionId: string,
  options: GetAccessTokenOptions = {},
): Promise<string> {
  const now = options.now ?? (() => new Date())
  const marginMs = ctx.config.HUBSPOT_TOKEN_REFRESH_MARGIN_SECONDS * 1000
  const [seen] = await ctx.db.select().from(crmConnections).where(eq(crmConnections.id, connectionId))
  const usable = assertUsable(seen, connectionId)
  const current = usable.accessTokenEnc
    ? openSealedToken(usable.accessTokenEnc, ctx.encryptionKey, usable.accountId)
    : null
  if (current && fresh(usable, now(), marginMs) && current !== options.rejectedToken) return current
  return refreshUnderLock(ctx, usable, now)
}

function fresh(row: CrmConnection, now: Date, marginMs: number): boolean {
  return row.tokenExpiresAt !== null && row.tokenExpiresAt.getTime() - now.getTime() > marginMs
}

type Usable = CrmConnection & { refreshTokenEnc: string }

function assertUsable(row: CrmConnection | undefined, connectionId: string): Usable {
  if (row?.provider !== 'hubspot')
    throw new HubspotAuthError('not_found', `No HubSpot connection ${connectionId}.`)
  if (row.state !== 'active')
    throw new HubspotAuthError('disconnected', `HubSpot portal ${row.accountId} was disconnected.`)
  if (!row.refreshTokenEnc)
    throw new HubspotAuthError(
      'reauth_required',
      row.lastError ?? `HubSpot portal ${row.accountId} has no OAuth tokens: install the app to connect it.`,
    )
  return row as Usable
}

async function refreshUnderLock(ctx: HubspotOAuthContext, seen: Usable, now: () => Date): Promise<string> {
  const settings = hubspotOAuthSettings(ctx.config)
  const log = ctx.logger.child({
    component: 'hubspot-oauth',
    connectionId: seen.id,
    portalId: seen.accountId,
  })
  // A refusal is written inside the transaction and thrown after it commits, so it is kept.
  const outcome = await ctx.db.transaction(
    async (tx): Promise<{ token: string } | { refusal: HubspotAuthError }> => {
      await lockConnectionTokens(tx, seen.id)
      const [row] = await tx.select().from(crmConnections).where(eq(crmConnections.id, seen.id))
      const locked = assertUsable(row, seen.id)
      const replaced =
        locked.accessTokenEnc !== null &&
        locked.accessTokenEnc !== seen.accessTokenEnc &&
        locked.tokenExpiresAt !== null &&
        locked.tokenExpiresAt > now()
      if (replaced)
        return {
          token: openSealedToken(locked.accessTokenEnc as string, ctx.encryptionKey, locked.accountId),
        }

      const refreshToken = openSealedToken(locked.refreshTokenEnc, ctx.encryptionKey, locked.accountId)
      let grant: Awaited<ReturnType<typeof refreshAccessToken>>
      try {
        grant = await refreshAccessToken(settings, refreshToken)
      } catch (error) {
        if (!(error instanceof HubspotAuthError)) throw error
        await recordRefusal(tx, locked, error, now())
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
          ...(locked.lastError?.startsWith(AUTH_ERROR_PREFIX) ? { lastError: null } : {}),
          updatedAt: at,
        })
        .where(eq(crmConnections.id, locked.id))
      log.debug('hubspot access token refreshed')
      return { token: grant.accessToken }
    },
  )
  if ('token' in outcome) return outcome.token
  const failed = outcome.refusal
  log.warn(
    { reason: failed.reason, status: failed.httpStatus, err: failed.message },
    'hubspot token refresh failed',
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
  row: CrmConnection,
  error: HubspotAuthError,
  at: Date,
): Promise<void> {
  if (error.reason === 'grant_rejected') {
    await tx
      .update(crmConnections)
      .set({
        accessTokenEnc: null,
        refreshTokenEnc: null,
        tokenExpiresAt: null,
        lastError: `${AUTH_ERROR_PREFIX} HubSpot refused the refresh token (app uninstalled or access revoked); install the app again to resume sync. ${error.message}`,
        updatedAt: at,
      })
      .where(eq(crmConnections.id, row.id))
  } else if (error.reason === 'client_rejected') {
    await tx
      .update(crmConnections)
      .set({
        lastError: `${AUTH_ERROR_PREFIX} ${error.message} Check HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET.`,
        updatedAt: at,
      })
      .where(eq(crmConnections.id, row.id))
  }
}
