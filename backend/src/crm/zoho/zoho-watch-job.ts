import { and, eq } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { type CrmConnection, crmConnections } from '../../db/schema'
import type { ScheduledJob } from '../../jobs/scheduler'
import type { Logger } from '../../lib/logger'
import type { CrmConnector } from '../port'
import type { ZohoConnector } from './zoho-connector'
import { ensureWatch } from './zoho-watch'

/**
 * The daily renewal of every Zoho org's notification channel (6 days asked, so one missed day
 * never lets it lapse), with a reconcile against Zoho's own list.
 */
export function zohoWatchJob(deps: {
  db: Database
  schedule: string
  publicUrl: string | undefined
  connectorFor: (connection: CrmConnection) => CrmConnector
  logger: Logger
}): ScheduledJob {
  return {
    name: 'zoho-watch-renew',
    schedule: deps.schedule,
    async run({ workspaceId }) {
      const connections = await deps.db
        .select()
        .from(crmConnections)
        .where(
          and(
            eq(crmConnections.workspaceId, workspaceId),
            eq(crmConnections.provider, 'zoho'),
            eq(crmConnections.state, 'active'),
          ),
        )
      for (const connection of connections) {
        try {
          await ensureWatch(deps.db, connection, deps.connectorFor(connection) as ZohoConnector, {
            publicUrl: deps.publicUrl,
            reconcile: true,
            force: true,
            logger: deps.logger,
          })
        } catch (error) {
          deps.logger.warn(
            { err: error instanceof Error ? error.message : String(error), connectionId: connection.id },
            'Zoho notification channel renewal failed; the next pass tries again',
          )
        }
      }
    },
  }
}
