import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm'
import { seedDefaultPack } from '../automation/rules/seed'
import type { Database } from '../db/client'
import { apiKeys, workspaces } from '../db/schema'
import { hashApiKey } from '../lib/crypto'
import { API_KEYS_LOCK } from './api-keys'

export interface BootstrapResult {
  workspaceId: string | null
  /** The configured key was registered by this start. */
  created: boolean
  /** Earlier configured keys this start revoked (a rotation). */
  revoked: number
  /** The configured key was revoked through the API: it stays revoked, and nothing else changes. */
  configuredKeyRevoked: boolean
}

/**
 * With ADMIN_API_KEY set, the first start creates the default workspace and registers the key
 * (hashed) as its platform key. A start with a different key rotates: the new key is registered in
 * the same workspace and every earlier configured key is revoked, in one transaction, so there is
 * never a moment with none or two. Keys created through the API are left alone. A configured key
 * that was revoked through the API is not revived by a restart: revocation is for good.
 * Any number of processes may start at once (an advisory lock orders them).
 */
export async function bootstrapAdmin(db: Database, adminKey: string): Promise<BootstrapResult> {
  const keyHash = hashApiKey(adminKey)
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${API_KEYS_LOCK})`)
    const [existing] = await tx.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash)).limit(1)
    if (existing?.revokedAt) {
      return { workspaceId: existing.workspaceId, created: false, revoked: 0, configuredKeyRevoked: true }
    }
    const revokeOthers = async (keepId: string) =>
      (
        await tx
          .update(apiKeys)
          .set({ revokedAt: sql`clock_timestamp()` })
          .where(and(eq(apiKeys.fromConfig, true), isNull(apiKeys.revokedAt), ne(apiKeys.id, keepId)))
          .returning({ id: apiKeys.id })
      ).length
    if (existing) {
      const revoked = existing.fromConfig ? await revokeOthers(existing.id) : 0
      return { workspaceId: existing.workspaceId, created: false, revoked, configuredKeyRevoked: false }
    }
    const [previous] = await tx
      .select({ workspaceId: apiKeys.workspaceId })
      .from(apiKeys)
      .where(and(eq(apiKeys.fromConfig, true), isNull(apiKeys.revokedAt)))
      .orderBy(desc(apiKeys.createdAt))
      .limit(1)
    let workspaceId = previous?.workspaceId
    if (!workspaceId) {
      let [workspace] = await tx.select().from(workspaces).orderBy(asc(workspaces.createdAt)).limit(1)
      if (!workspace) {
        ;[workspace] = await tx.insert(workspaces).values({ name: 'Default workspace' }).returning()
        if (workspace) await seedDefaultPack(tx, workspace.id)
      }
      if (!workspace) throw new Error('could not create the default workspace')
      workspaceId = workspace.id
    }
    const [inserted] = await tx
      .insert(apiKeys)
      .values({
        workspaceId,
        name: 'ADMIN_API_KEY',
        keyHash,
        keyPrefix: adminKey.slice(0, 9),
        scope: 'platform',
        fromConfig: true,
      })
      .returning({ id: apiKeys.id })
    if (!inserted) throw new Error('could not register ADMIN_API_KEY')
    const revoked = await revokeOthers(inserted.id)
    return { workspaceId, created: true, revoked, configuredKeyRevoked: false }
  })
}
