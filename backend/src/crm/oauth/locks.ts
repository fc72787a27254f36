import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'

/**
 * Transaction-scoped advisory locks (released at commit or rollback), keyed by a namespace and a
 * text key hashed by Postgres. They serialise work on one connection across every process that
 * shares the database, without blocking plain reads or other updates of the row.
 */
async function lock(tx: Executor, namespace: string, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${namespace}), hashtext(${key}))`)
}

/** Held while a connection's tokens change: refresh, re-install, disconnect. */
export const lockConnectionTokens = (tx: Executor, connectionId: string) =>
  lock(tx, 'crm_connection_tokens', connectionId)

/** Held while an install decides between inserting and updating the portal's connection. */
export const lockAccountInstall = (tx: Executor, provider: string, accountId: string) =>
  lock(tx, 'crm_connection_install', `${provider}:${accountId}`)
