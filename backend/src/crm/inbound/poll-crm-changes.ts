import { and, eq } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { crmConnections } from '../../db/schema'
import type { ScheduledJob } from '../../jobs/scheduler'
import type { Logger } from '../../lib/logger'
import type { ConnectorFor } from '../connectors'
import type { CrmInboundEvent, CrmProvider } from '../provider'

export interface PollJobDeps {
  db: Database
  connectorFor: ConnectorFor
  /** Stores polled changes in the inbound event table (redeliveries dropped); returns how many were new. */
  store: (provider: string, events: CrmInboundEvent[]) => Promise<number>
  /** New events are waiting: the sync worker applies them. */
  onEvents: () => void
  logger: Logger
}

/**
 * The scheduled job of a CRM whose changes are polled: at each slot, for every active connection
 * of the workspace, the provider polls if its budget allows and hands back the changes, which are
 * stored and applied like pushed notifications. One connection failing does not stop the others.
 */
export function crmPollJob(provider: CrmProvider, deps: PollJobDeps): ScheduledJob | null {
  const polling = provider.polling
  if (!polling) return null
  return {
    name: `crm-poll-${provider.name}`,
    schedule: polling.schedule,
    async run({ workspaceId }) {
      const connections = await deps.db
        .select()
        .from(crmConnections)
        .where(
          and(
            eq(crmConnections.workspaceId, workspaceId),
            eq(crmConnections.provider, provider.name),
            eq(crmConnections.state, 'active'),
          ),
        )
      let stored = 0
      for (const connection of connections) {
        try {
          const result = await polling.poll({
            connection,
            connector: deps.connectorFor(connection),
            store: (events) => deps.store(provider.name, events),
          })
          stored += result.events
        } catch (error) {
          deps.logger.warn(
            { err: error instanceof Error ? error.message : String(error), connectionId: connection.id },
            `${provider.name} change poll failed; the next slot tries again`,
          )
        }
      }
      if (stored > 0) deps.onEvents()
    },
  }
}
