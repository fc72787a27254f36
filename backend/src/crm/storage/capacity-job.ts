import { and, eq } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { type CrmConnection, crmConnections } from '../../db/schema'
import type { ScheduledJob } from '../../jobs/scheduler'
import type { Logger } from '../../lib/logger'
import type { CrmConnector } from '../port'
import { recordReportedCapacity } from './storage-budget'

/**
 * Reads the storage capacity of one connection where its CRM's API reports it (Salesforce
 * `/limits`), and keeps it. Returns whether a figure was read; a CRM that reports none, or a
 * refusal (the API user lacks the permission), keeps the last figure.
 */
export async function refreshCapacity(
  db: Database,
  connection: CrmConnection,
  connector: CrmConnector,
): Promise<boolean> {
  if (!connector.storageCapacity) return false
  const capacity = await connector.storageCapacity()
  if (!capacity) return false
  await recordReportedCapacity(db, connection, capacity)
  return true
}

/** The daily capacity read of each workspace's active connections, on the shared scheduler. */
export function storageCapacityJob(
  db: Database,
  options: { schedule: string; connectorFor: (connection: CrmConnection) => CrmConnector; logger: Logger },
): ScheduledJob {
  return {
    name: 'crm-storage-capacity',
    schedule: options.schedule,
    async run({ workspaceId }) {
      const connections = await db
        .select()
        .from(crmConnections)
        .where(and(eq(crmConnections.workspaceId, workspaceId), eq(crmConnections.state, 'active')))
      for (const connection of connections) {
        // One CRM refusing (no permission, provider not on this server) does not stop the others.
        try {
          await refreshCapacity(db, connection, options.connectorFor(connection))
        } catch (err) {
          options.logger.warn(
            { connectionId: connection.id, err: (err as Error).message },
            'CRM storage capacity could not be read; the last figure stays',
          )
        }
      }
    },
  }
}
