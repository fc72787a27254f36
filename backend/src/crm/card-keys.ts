import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { crmConnections } from '../db/schema'
import { hashApiKey } from '../lib/crypto'

/**
 * Keys we issue to a CRM's card back end (Salesforce Apex sends one per org through a Named
 * Credential). Only the SHA-256 is stored; issuing a new key replaces the old one, which stops
 * working at once. The key names the connection, and so the org: never the request's body.
 */
export async function issueCardKey(db: Executor, connectionId: string): Promise<string> {
  const key = `scrm_card_${randomBytes(32).toString('base64url')}`
  await db
    .update(crmConnections)
    .set({ cardKeyHash: hashApiKey(key), cardKeyCreatedAt: new Date(), updatedAt: new Date() })
    .where(eq(crmConnections.id, connectionId))
  return key
}

/** The account id of the active connection holding this key, or null. */
export async function accountByCardKey(db: Executor, provider: string, key: string): Promise<string | null> {
  if (key.length < 20 || key.length > 200) return null
  const [row] = await db
    .select({ accountId: crmConnections.accountId })
    .from(crmConnections)
    .where(
      and(
        eq(crmConnections.provider, provider),
        eq(crmConnections.cardKeyHash, hashApiKey(key)),
        eq(crmConnections.state, 'active'),
      ),
    )
  return row?.accountId ?? null
}
