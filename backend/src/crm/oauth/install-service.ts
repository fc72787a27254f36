import { and, eq, sql } from 'drizzle-orm'
import { crmConnections } from '../../db/schema'
import { encryptSecret } from '../../lib/crypto'
import { DomainError, NotConfiguredError } from '../../lib/errors'
import { createWorkspace } from '../../workspaces/workspace-service'
import type { CrmContext, CrmGrant, CrmProvider } from '../provider'
import { CrmAuthError } from './auth-error'
import { consumeInstallState, createInstallState } from './install-state'
import { lockAccountInstall, lockConnectionTokens } from './locks'
import { oauthRedirectUri } from './redirect-uri'

/** Work that follows every install, wired by the runtime (the sync engine's schema and backfill). */
export interface CrmInstallHooks {
  /**
   * Runs after the tokens are stored, on every install and re-install. A failure does not undo
   * the install: it is recorded on the connection's lastError and shown on the install page.
   */
  onInstalled?: (connectionId: string) => Promise<void>
}

export type InstallFailure =
  /** The state is unknown, expired or already used. */
  | 'invalid_state'
  /** The account is connected to another workspace than the one that started the install. */
  | 'account_in_other_workspace'

export class InstallError extends DomainError {
  constructor(
    override readonly reason: InstallFailure,
    message: string,
  ) {
    super(reason === 'invalid_state' ? 'bad_request' : 'conflict', message, undefined, reason)
    this.name = 'InstallError'
  }
}

/**
 * The CRM's authorize URL for a new install, with a fresh one-time state. `workspaceId` is set
 * when an admin of a workspace started it (the account joins that workspace); null for an install
 * from the CRM's marketplace (a new account gets a workspace of its own).
 */
export async function startInstall(
  ctx: CrmContext,
  provider: CrmProvider,
  input: { workspaceId: string | null; requestUrl: string; query?: (name: string) => string | undefined },
): Promise<{ url: string; expiresAt: Date }> {
  const redirectUri = oauthRedirectUri(ctx.config, provider.name, input.requestUrl)
  const options = provider.oauth.installOptions?.(input.query ?? (() => undefined)) ?? {}
  // Asked first, so an unconfigured app leaves no state row behind.
  provider.oauth.authorizeUrl({ state: '', redirectUri, options })
  const { state, expiresAt } = await createInstallState(
    ctx.db,
    provider.name,
    input.workspaceId,
    new Date(),
    options,
  )
  return { url: provider.oauth.authorizeUrl({ state, redirectUri, options }), expiresAt }
}

export interface InstallResult {
  connectionId: string
  accountId: string
  workspaceId: string
  /** false: the account was connected before (re-install, or linked by hand) and was updated. */
  newConnection: boolean
  /** Set when a marketplace install created a workspace: its admin API key, shown once. */
  newWorkspace: { id: string; name: string; apiKey: string } | null
  scopes: string[]
  /** Why the post-install work failed (also on the connection's lastError); null when it worked. */
  setupError: string | null
}

/**
 * Completes an install from the CRM's callback: takes the state once, exchanges the code, and
 * stores the tokens encrypted on the account's one connection — inserted the first time, updated
 * and reactivated on every later install, never duplicated (unique provider + account id, and a
 * lock so two simultaneous callbacks for one account queue up). Then runs the post-install hooks.
 * Every failure is a DomainError whose message an installer can act on.
 */
export async function completeInstall(
  ctx: CrmContext,
  provider: CrmProvider,
  hooks: CrmInstallHooks | undefined,
  input: {
    code: string
    state: string
    requestUrl: string
    /** The callback's other query parameters, for the provider. */
    query?: (name: string) => string | undefined
  },
): Promise<InstallResult> {
  const started = await consumeInstallState(ctx.db, provider.name, input.state)
  if (!started)
    throw new InstallError(
      'invalid_state',
      'This install link has expired or was already used. Start the installation again.',
    )
  let grant: CrmGrant
  try {
    grant = await provider.oauth.exchangeCode({
      code: input.code,
      redirectUri: oauthRedirectUri(ctx.config, provider.name, input.requestUrl),
      options: started.options,
      callback: input.query,
    })
  } catch (error) {
    throw installFailure(provider, error)
  }
  const stored = await storeGrant(ctx, provider, grant, started.workspaceId)
  const log = ctx.logger.child({
    component: 'crm-oauth',
    provider: provider.name,
    connectionId: stored.connectionId,
    accountId: stored.accountId,
  })
  log.info(
    {
      newConnection: stored.newConnection,
      newWorkspace: stored.newWorkspace !== null,
      scopes: stored.scopes,
    },
    `${provider.name} app installed`,
  )
  const setupError = await runInstallHooks(ctx, provider, hooks, stored.connectionId)
  if (setupError) log.error({ err: setupError }, `${provider.name} post-install setup failed`)
  return { ...stored, setupError }
}

/** A failed code exchange, as the installer should read it. */
function installFailure(provider: CrmProvider, error: unknown): unknown {
  if (!(error instanceof CrmAuthError)) return error
  switch (error.reason) {
    case 'grant_rejected':
      return new DomainError(
        'bad_request',
        `${provider.label} refused the authorization code (expired or already used). Start the installation again.`,
        undefined,
        error.reason,
      )
    case 'not_configured':
      return error
    case 'client_rejected':
      return new NotConfiguredError(
        `${provider.label} refused this server’s app credentials; the operator must check ${provider.oauth.credentialSettings}.`,
      )
    default:
      return new DomainError(
        'unavailable',
        `${provider.label} could not complete the installation right now. Try again in a minute.`,
        undefined,
        error.reason,
      )
  }
}

async function storeGrant(
  ctx: CrmContext,
  provider: CrmProvider,
  grant: CrmGrant,
  startedBy: string | null,
): Promise<Omit<InstallResult, 'setupError'>> {
  const accountId = grant.accountId
  const now = new Date()
  const granted = new Set(grant.scopes)
  const missing = provider.oauth.requiredScopes().filter((s) => !granted.has(s))
  const tokens = {
    state: 'active' as const,
    accessTokenEnc: encryptSecret(grant.accessToken, ctx.encryptionKey),
    refreshTokenEnc: encryptSecret(grant.refreshToken, ctx.encryptionKey),
    tokenExpiresAt: new Date(now.getTime() + grant.expiresInSeconds * 1000),
    scopes: grant.scopes,
    installedAt: now,
    disconnectedAt: null,
    ...(grant.providerState
      ? {
          providerState: sql`${crmConnections.providerState} || ${JSON.stringify(grant.providerState)}::jsonb`,
        }
      : {}),
    lastError:
      missing.length > 0
        ? `${provider.label} did not grant the scopes ${missing.join(', ')}; features that need them will fail. Check the app's scopes and install again.`
        : null,
    updatedAt: now,
  }
  return ctx.db.transaction(async (tx) => {
    await lockAccountInstall(tx, provider.name, accountId)
    let existing: typeof crmConnections.$inferSelect | undefined = (
      await tx
        .select()
        .from(crmConnections)
        .where(and(eq(crmConnections.provider, provider.name), eq(crmConnections.accountId, accountId)))
    )[0]
    // The OAuth grant proves this account is the installer's. A link typed by hand in another
    // workspace (`POST /api/v1/connections`, never installed) proves nothing: it must neither
    // receive these tokens (from a marketplace install) nor block the owner. It is released.
    if (existing && existing.installedAt === null && existing.workspaceId !== startedBy) {
      await tx.delete(crmConnections).where(eq(crmConnections.id, existing.id))
      existing = undefined
    }
    if (existing) {
      if (startedBy && existing.workspaceId !== startedBy)
        throw new InstallError(
          'account_in_other_workspace',
          `${provider.accountLabel(accountId)} is connected to another workspace. Disconnect it there, or install from that workspace.`,
        )
      await lockConnectionTokens(tx, existing.id)
      await tx
        .update(crmConnections)
        .set({
          ...tokens,
          ...(grant.providerState
            ? {
                providerState: sql`${crmConnections.providerState} || ${JSON.stringify(grant.providerState)}::jsonb`,
              }
            : {}),
        })
        .where(eq(crmConnections.id, existing.id))
      return {
        connectionId: existing.id,
        accountId,
        workspaceId: existing.workspaceId,
        newConnection: false,
        newWorkspace: null,
        scopes: grant.scopes,
      }
    }
    // An account nobody connected before, installed from the marketplace: it gets its own workspace.
    const newWorkspace = startedBy ? null : await createWorkspace(tx, provider.accountLabel(accountId))
    const workspaceId = newWorkspace?.id ?? startedBy
    if (!workspaceId) throw new Error('an install needs a workspace')
    const [inserted] = await tx
      .insert(crmConnections)
      .values({
        workspaceId,
        provider: provider.name,
        accountId,
        ...tokens,
        providerState: grant.providerState ?? {},
      })
      .returning({ id: crmConnections.id })
    if (!inserted) throw new Error('connection insert returned nothing')
    return {
      connectionId: inserted.id,
      accountId,
      workspaceId,
      newConnection: true,
      newWorkspace,
      scopes: grant.scopes,
    }
  })
}

async function runInstallHooks(
  ctx: CrmContext,
  provider: CrmProvider,
  hooks: CrmInstallHooks | undefined,
  connectionId: string,
): Promise<string | null> {
  try {
    if (provider.oauth.afterInstall) {
      const [connection] = await ctx.db
        .select()
        .from(crmConnections)
        .where(eq(crmConnections.id, connectionId))
      if (connection) await provider.oauth.afterInstall(connection)
    }
    await hooks?.onInstalled?.(connectionId)
    return null
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    const message = `Installed, but setting up the ${provider.label} properties failed: ${why}`
    await ctx.db
      .update(crmConnections)
      .set({ lastError: message, updatedAt: new Date() })
      .where(eq(crmConnections.id, connectionId))
    return message
  }
}
