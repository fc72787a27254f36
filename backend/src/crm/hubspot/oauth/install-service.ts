import { and, eq } from 'drizzle-orm'
import { crmConnections } from '../../../db/schema'
import { encryptSecret } from '../../../lib/crypto'
import { createWorkspace } from '../../../workspaces/workspace-service'
import { consumeInstallState, createInstallState } from './install-state'
import { lockAccountInstall, lockConnectionTokens } from './locks'
import { missingScopes } from './scopes'
import {
  type HubspotInstallHooks,
  type HubspotOAuthContext,
  hubspotOAuthSettings,
  hubspotRedirectUri,
} from './settings'
import { exchangeAuthorizationCode, type InstallGrant } from './token-client'

export type InstallFailure =
  /** The state is unknown, expired or already used. */
  | 'invalid_state'
  /** The portal is connected to another workspace than the one that started the install. */
  | 'portal_in_other_workspace'

export class InstallError extends Error {
  constructor(
    readonly reason: InstallFailure,
    message: string,
  ) {
    super(message)
    this.name = 'InstallError'
  }
}

/**
 * The HubSpot authorize URL for a new install, with a fresh one-time state. `workspaceId` is set
 * when an admin of a workspace started it (the portal joins that workspace); null for an install
 * from HubSpot's marketplace (a new portal gets a workspace of its own).
 */
export async function startHubspotInstall(
  ctx: HubspotOAuthContext,
  input: { workspaceId: string | null; requestUrl: string },
): Promise<{ url: string; expiresAt: Date }> {
  const settings = hubspotOAuthSettings(ctx.config)
  const { state, expiresAt } = await createInstallState(ctx.db, input.workspaceId)
  const url = new URL(settings.authorizeUrl)
  url.searchParams.set('client_id', settings.clientId)
  url.searchParams.set('redirect_uri', hubspotRedirectUri(ctx.config, input.requestUrl))
  url.searchParams.set('scope', settings.scopes.join(' '))
  if (settings.optionalScopes.length > 0)
    url.searchParams.set('optional_scope', settings.optionalScopes.join(' '))
  url.searchParams.set('state', state)
  return { url: url.toString(), expiresAt }
}

export interface InstallResult {
  connectionId: string
  portalId: string
  workspaceId: string
  /** false: the portal was connected before (re-install, or linked by hand) and was updated. */
  newConnection: boolean
  /** Set when a marketplace install created a workspace: its admin API key, shown once. */
  newWorkspace: { id: string; name: string; apiKey: string } | null
  scopes: string[]
  /** Why the post-install work failed (also on the connection's lastError); null when it worked. */
  setupError: string | null
}

/**
 * Completes an install from HubSpot's callback: takes the state once, exchanges the code, and
 * stores the tokens encrypted on the portal's one connection — inserted the first time, updated
 * and reactivated on every later install, never duplicated (unique provider + portal id, and a
 * lock so two simultaneous callbacks for one portal queue up). Then runs the post-install hook.
 */
export async function completeHubspotInstall(
  ctx: HubspotOAuthContext,
  hooks: HubspotInstallHooks | undefined,
  input: { code: string; state: string; requestUrl: string },
): Promise<InstallResult> {
  const settings = hubspotOAuthSettings(ctx.config)
  const started = await consumeInstallState(ctx.db, input.state)
  if (!started)
    throw new InstallError(
      'invalid_state',
      'This install link has expired or was already used. Start the installation again.',
    )
  const grant = await exchangeAuthorizationCode(settings, {
    code: input.code,
    redirectUri: hubspotRedirectUri(ctx.config, input.requestUrl),
  })
  const stored = await storeGrant(ctx, grant, started.workspaceId, settings.scopes)
  const log = ctx.logger.child({
    component: 'hubspot-oauth',
    connectionId: stored.connectionId,
    portalId: stored.portalId,
  })
  log.info(
    {
      newConnection: stored.newConnection,
      newWorkspace: stored.newWorkspace !== null,
      scopes: stored.scopes,
    },
    'hubspot app installed',
  )
  const setupError = await runInstallHook(ctx, hooks, stored.connectionId)
  if (setupError) log.error({ err: setupError }, 'hubspot post-install setup failed')
  return { ...stored, setupError }
}

async function storeGrant(
  ctx: HubspotOAuthContext,
  grant: InstallGrant,
  startedBy: string | null,
  requiredScopes: string[],
): Promise<Omit<InstallResult, 'setupError'>> {
  const portalId = String(grant.hubId)
  const now = new Date()
  const missing = missingScopes(requiredScopes, grant.scopes)
  const tokens = {
    state: 'active' as const,
    accessTokenEnc: encryptSecret(grant.accessToken, ctx.encryptionKey),
    refreshTokenEnc: encryptSecret(grant.refreshToken, ctx.encryptionKey),
    tokenExpiresAt: new Date(now.getTime() + grant.expiresInSeconds * 1000),
    scopes: grant.scopes,
    installedAt: now,
    disconnectedAt: null,
    lastError:
      missing.length > 0
        ? `HubSpot did not grant the scopes ${missing.join(', ')}; features that need them will fail. Check the app's scopes and install again.`
        : null,
    updatedAt: now,
  }
  return ctx.db.transaction(async (tx) => {
    await lockAccountInstall(tx, 'hubspot', portalId)
    const [existing] = await tx
      .select()
      .from(crmConnections)
      .where(and(eq(crmConnections.provider, 'hubspot'), eq(crmConnections.accountId, portalId)))
    if (existing) {
      if (startedBy && existing.workspaceId !== startedBy)
        throw new InstallError(
          'portal_in_other_workspace',
          `HubSpot portal ${portalId} is connected to another workspace. Disconnect it there, or install from that workspace.`,
        )
      await lockConnectionTokens(tx, existing.id)
      await tx.update(crmConnections).set(tokens).where(eq(crmConnections.id, existing.id))
      return {
        connectionId: existing.id,
        portalId,
        workspaceId: existing.workspaceId,
        newConnection: false,
        newWorkspace: null,
        scopes: grant.scopes,
      }
    }
    // A portal nobody connected before, installed from the marketplace: it gets its own workspace.
    const newWorkspace = startedBy ? null : await createWorkspace(tx, `HubSpot portal ${portalId}`)
    const workspaceId = newWorkspace?.id ?? startedBy
    if (!workspaceId) throw new Error('an install needs a workspace')
    const [inserted] = await tx
      .insert(crmConnections)
      .values({ workspaceId, provider: 'hubspot', accountId: portalId, ...tokens })
      .returning({ id: crmConnections.id })
    if (!inserted) throw new Error('connection insert returned nothing')
    return {
      connectionId: inserted.id,
      portalId,
      workspaceId,
      newConnection: true,
      newWorkspace,
      scopes: grant.scopes,
    }
  })
}

async function runInstallHook(
  ctx: HubspotOAuthContext,
  hooks: HubspotInstallHooks | undefined,
  connectionId: string,
): Promise<string | null> {
  if (!hooks?.onInstalled) return null
  try {
    await hooks.onInstalled(connectionId)
    return null
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    const message = `Installed, but setting up the HubSpot properties failed: ${why}`
    await ctx.db
      .update(crmConnections)
      .set({ lastError: message, updatedAt: new Date() })
      .where(eq(crmConnections.id, connectionId))
    return message
  }
}
