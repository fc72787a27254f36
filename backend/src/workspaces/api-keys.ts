import { and, asc, eq, isNull, ne, type SQL, sql } from 'drizzle-orm'
import type { Database, Executor } from '../db/client'
import { type ApiKey, apiKeys, workspaces } from '../db/schema'
import { hashApiKey, newApiKey } from '../lib/crypto'
import { ConflictError, ForbiddenError, NotFoundError } from '../lib/errors'

/** Serialises everything that adds or revokes keys (and the start-up rotation), so lock-out checks hold. */
export const API_KEYS_LOCK = 7_340_212

/** The key asking: a platform key manages every key; a workspace admin key only its workspace's admin keys. */
export interface KeyActor {
  workspaceId: string
  keyId: string
  scope: 'admin' | 'platform'
}

/** A key as an admin sees it: never the secret or its hash. */
export interface ApiKeyView {
  id: string
  scope: 'admin' | 'platform'
  workspace_id: string
  label: string
  /** Seeded from ADMIN_API_KEY (replaced when the configured key changes). */
  from_config: boolean
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
  /** The key making this request. */
  current: boolean
}

function view(k: ApiKey, actor: KeyActor): ApiKeyView {
  return {
    id: k.id,
    scope: k.scope,
    workspace_id: k.workspaceId,
    label: k.name,
    from_config: k.fromConfig,
    created_at: k.createdAt.toISOString(),
    last_used_at: k.lastUsedAt?.toISOString() ?? null,
    revoked_at: k.revokedAt?.toISOString() ?? null,
    current: k.id === actor.keyId,
  }
}

/** What the actor may see: another workspace's keys and platform keys do not exist for an admin key. */
function visibleTo(actor: KeyActor): SQL | undefined {
  if (actor.scope === 'platform') return undefined
  return and(eq(apiKeys.workspaceId, actor.workspaceId), eq(apiKeys.scope, 'admin'))
}

/** The workspace a request names, if the actor may act in it; else "no such workspace". */
async function workspaceFor(db: Executor, actor: KeyActor, workspaceId: string | undefined): Promise<string> {
  const id = workspaceId ?? actor.workspaceId
  const missing = new NotFoundError('No such workspace.')
  if (actor.scope !== 'platform' && id !== actor.workspaceId) throw missing
  const [found] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, id))
  if (!found) throw missing
  return found.id
}

export async function listApiKeys(
  db: Database,
  actor: KeyActor,
  filter: { workspaceId?: string } = {},
): Promise<ApiKeyView[]> {
  const workspace = filter.workspaceId ? await workspaceFor(db, actor, filter.workspaceId) : undefined
  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(visibleTo(actor), workspace ? eq(apiKeys.workspaceId, workspace) : undefined))
    .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id))
  return rows.map((k) => view(k, actor))
}

/** A new key; its secret is returned this once and stored only as a hash. */
export async function createApiKey(
  db: Database,
  actor: KeyActor,
  input: { label: string; scope: 'admin' | 'platform'; workspaceId?: string },
): Promise<{ key: ApiKeyView; secret: string }> {
  if (input.scope === 'platform' && actor.scope !== 'platform')
    throw new ForbiddenError('Only a platform key can create platform keys.')
  const workspaceId = await workspaceFor(db, actor, input.workspaceId)
  const secret = newApiKey()
  const [row] = await db
    .insert(apiKeys)
    .values({
      workspaceId,
      name: input.label,
      keyHash: hashApiKey(secret),
      keyPrefix: secret.slice(0, 9),
      scope: input.scope,
    })
    .returning()
  if (!row) throw new Error('api key insert returned nothing')
  return { key: view(row, actor), secret }
}

/**
 * Revokes a key for good (revoking it again changes nothing). Refused when it would lock the
 * platform out (its last platform key) or a workspace admin out of their own workspace (revoking
 * itself as the workspace's last admin key); the platform can always mint a workspace a new key.
 */
export async function revokeApiKey(db: Database, actor: KeyActor, id: string): Promise<ApiKeyView> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${API_KEYS_LOCK})`)
    const [key] = await tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.id, id), visibleTo(actor)))
    if (!key) throw new NotFoundError('No such API key.')
    if (key.revokedAt) return view(key, actor)
    const othersActive = async (where: SQL | undefined) =>
      (
        await tx
          .select({ id: apiKeys.id })
          .from(apiKeys)
          .where(and(where, isNull(apiKeys.revokedAt), ne(apiKeys.id, key.id)))
          .limit(1)
      ).length > 0
    if (key.scope === 'platform' && !(await othersActive(eq(apiKeys.scope, 'platform')))) {
      throw new ConflictError(
        'This is the last platform key: create another platform key (or configure a new ADMIN_API_KEY and restart) before revoking it.',
      )
    }
    if (
      key.id === actor.keyId &&
      key.scope === 'admin' &&
      !(await othersActive(and(eq(apiKeys.workspaceId, key.workspaceId), eq(apiKeys.scope, 'admin'))))
    ) {
      throw new ConflictError(
        "This is the workspace's last admin key: create another before revoking it, or ask the platform administrator.",
      )
    }
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`clock_timestamp()` })
      .where(eq(apiKeys.id, key.id))
      .returning()
    return view(revoked ?? key, actor)
  })
}
