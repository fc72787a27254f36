import { asc, eq, sql } from 'drizzle-orm'
import { seedDefaultPack } from '../automation/rules/seed'
import type { Database } from '../db/client'
import { apiKeys, workspaces } from '../db/schema'
import { hashApiKey } from '../lib/crypto'

const BOOTSTRAP_LOCK = 7_340_212

/**
 * With ADMIN_API_KEY set, the first start creates the default workspace and registers the key
 * (hashed) as its platform key. Later starts, in any number of processes, change nothing.
 */
export async function bootstrapAdmin(
  db: Database,
  adminKey: string,
): Promise<{ workspaceId: string; created: boolean }> {
  const keyHash = hashApiKey(adminKey)
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`)
    const [existing] = await tx.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash)).limit(1)
    if (existing) return { workspaceId: existing.workspaceId, created: false }
    let [workspace] = await tx.select().from(workspaces).orderBy(asc(workspaces.createdAt)).limit(1)
    if (!workspace) {
      ;[workspace] = await tx.insert(workspaces).values({ name: 'Default workspace' }).returning()
      if (workspace) await seedDefaultPack(tx, workspace.id)
    }
    if (!workspace) throw new Error('could not create the default workspace')
    await tx.insert(apiKeys).values({
      workspaceId: workspace.id,
      name: 'ADMIN_API_KEY',
      keyHash,
      keyPrefix: adminKey.slice(0, 9),
      scope: 'platform',
    })
    return { workspaceId: workspace.id, created: true }
  })
}
