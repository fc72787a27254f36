import { eq } from 'drizzle-orm'
import type { Config } from '../../config'
import type { Database } from '../../db/client'
import { crmConnections } from '../../db/schema'
import type { Logger } from '../../lib/logger'
import { type ConnectorFor, connectorFactory } from '../connectors'
import type { CrmRegistry } from '../registry'
import { queueBackfill } from './backfill'
import { ensureConnectionSchema } from './ensure-schema'
import { CrmSyncWorker } from './sync-worker'

export interface CrmSync {
  worker: CrmSyncWorker
  connectorFor: ConnectorFor
  /** After a (re-)install: our properties in place, and a first install copies what we have. */
  onInstalled(connectionId: string): Promise<void>
}

export function createCrmSync(
  db: Database,
  config: Config,
  encryptionKey: Buffer,
  logger: Logger,
  registry: CrmRegistry,
): CrmSync {
  const connectorFor = connectorFactory({ db, config, encryptionKey, logger }, registry)
  const worker = new CrmSyncWorker(db, connectorFor, {
    pollMs: config.CRM_SYNC_POLL_MS,
    settleMs: config.CRM_SYNC_SETTLE_MS,
    maxWaitMs: config.CRM_SYNC_MAX_WAIT_MS,
    leaseMs: config.CRM_SYNC_LEASE_MS ?? config.LEASE_MS,
    heartbeatMs: config.LEASE_HEARTBEAT_MS,
    maxAttempts: config.CRM_SYNC_MAX_ATTEMPTS,
    retryDelayMs: config.CRM_SYNC_RETRY_MS,
    storageBudgetBasisPoints: Math.round(config.CRM_STORAGE_BUDGET_PERCENT * 100),
    logger: logger.child({ component: 'crm-sync' }),
  })
  return {
    worker,
    connectorFor,
    async onInstalled(connectionId) {
      const [connection] = await db.select().from(crmConnections).where(eq(crmConnections.id, connectionId))
      if (!connection) return
      await ensureConnectionSchema(db, connection, connectorFor(connection))
      await queueBackfill(db, connection, { onlyIfNeverSynced: true })
      worker.wake()
    },
  }
}
