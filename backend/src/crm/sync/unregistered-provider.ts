import { and, eq, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { crmConnections } from '../../db/schema'
import type { Logger } from '../../lib/logger'
import type { UnregisteredCrmError } from '../registry'

/**
 * A connection whose CRM has no provider on this server (a row from before, or a server started
 * without that provider) cannot sync. Its admin sees why on `last_error`; the log says it once,
 * when the reason is first written, instead of on every poll.
 */
export async function noteUnregisteredProvider(
  db: Executor,
  connectionId: string,
  error: UnregisteredCrmError,
  logger: Logger,
): Promise<void> {
  const [changed] = await db
    .update(crmConnections)
    .set({ lastError: error.message, updatedAt: new Date() })
    .where(
      and(
        eq(crmConnections.id, connectionId),
        sql`${crmConnections.lastError} is distinct from ${error.message}`,
      ),
    )
    .returning({ id: crmConnections.id })
  if (changed)
    logger.warn({ connectionId, provider: error.provider }, 'CRM connection skipped: provider not registered')
}
