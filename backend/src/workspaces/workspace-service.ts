import { seedDefaultPack } from '../automation/rules/seed'
import type { Database } from '../db/client'
import { apiKeys, workspaces } from '../db/schema'
import { hashApiKey, newApiKey } from '../lib/crypto'

export interface CreatedWorkspace {
  id: string
  name: string
  apiKey: string
}

/** A new tenant with its first admin key; the key is returned once and stored only as a hash. */
export async function createWorkspace(db: Database, name: string): Promise<CreatedWorkspace> {
  const apiKey = newApiKey()
  return db.transaction(async (tx) => {
    const [workspace] = await tx.insert(workspaces).values({ name }).returning()
    if (!workspace) throw new Error('workspace insert returned nothing')
    await seedDefaultPack(tx, workspace.id)
    await tx.insert(apiKeys).values({
      workspaceId: workspace.id,
      name: 'initial admin key',
      keyHash: hashApiKey(apiKey),
      keyPrefix: apiKey.slice(0, 9),
      scope: 'admin',
    })
    return { id: workspace.id, name: workspace.name, apiKey }
  })
}
