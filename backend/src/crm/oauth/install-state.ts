import { randomBytes } from 'node:crypto'
import { and, eq, lt } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { oauthStates } from '../../db/schema'

/** How long an installer has between starting the install and the CRM sending them back. */
export const INSTALL_STATE_TTL_MS = 10 * 60_000

/**
 * A fresh one-time `state` (CSRF protection for the callback), remembering which workspace
 * started the install (null: a marketplace install nobody in our product started).
 */
export async function createInstallState(
  db: Database,
  provider: string,
  workspaceId: string | null,
  now = new Date(),
  options: Record<string, string> = {},
): Promise<{ state: string; expiresAt: Date }> {
  const state = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + INSTALL_STATE_TTL_MS)
  // Abandoned installs leave rows behind; each new one clears the expired ones.
  await db.delete(oauthStates).where(lt(oauthStates.expiresAt, now))
  await db.insert(oauthStates).values({ state, provider, workspaceId, expiresAt, options })
  return { state, expiresAt }
}

/** Takes a state exactly once (the delete is atomic, so two callbacks cannot both use it). */
export async function consumeInstallState(
  db: Database,
  provider: string,
  state: string,
  now = new Date(),
): Promise<{ workspaceId: string | null; options: Record<string, string> } | null> {
  const [row] = await db
    .delete(oauthStates)
    .where(and(eq(oauthStates.state, state), eq(oauthStates.provider, provider)))
    .returning()
  if (!row || row.expiresAt <= now) return null
  return { workspaceId: row.workspaceId, options: row.options }
}
