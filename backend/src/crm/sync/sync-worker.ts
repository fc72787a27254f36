import { eq, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { crmConnections } from '../../db/schema'
import { LeaseHeartbeat } from '../../jobs/lease-heartbeat'
import { WorkerLoop } from '../../jobs/worker-loop'
import type { Logger } from '../../lib/logger'
import type { ConnectorFor } from '../connectors'
import { processCrmEvents } from '../inbound/process-crm-events'
import { UnregisteredCrmError } from '../registry'
import { crmOutboxLease } from './outbox'
import { type SyncRound, syncConnectionRound } from './sync-connection'
import type { SyncOptions } from './sync-options'
import { noteUnregisteredProvider } from './unregistered-provider'

export interface CrmSyncWorkerOptions extends SyncOptions {
  pollMs: number
  logger: Logger
}

/**
 * Drains every active connection's outbox round by round, and applies CRM change notifications.
 * Several processes can run it: claims are SKIP LOCKED and the rate limiter is shared.
 */
export class CrmSyncWorker {
  readonly loop: WorkerLoop
  private readonly heartbeat: LeaseHeartbeat

  constructor(
    private readonly db: Database,
    private readonly connectorFor: ConnectorFor,
    private readonly options: CrmSyncWorkerOptions,
  ) {
    this.heartbeat = new LeaseHeartbeat(db, crmOutboxLease, this.lease(), options.logger)
    this.loop = new WorkerLoop({
      name: 'crm-sync',
      pollMs: options.pollMs,
      logger: options.logger,
      // A pass drains every due connection already, so the next one waits for a poll or a wake.
      pass: async () => {
        await this.runOnce()
        return 'idle'
      },
    })
  }

  private lease() {
    return { leaseMs: this.options.leaseMs, heartbeatMs: this.options.heartbeatMs ?? 5_000 }
  }

  start(): void {
    this.loop.start()
  }

  /** Something changed: look now rather than at the next poll. */
  wake(): void {
    this.loop.wake()
  }

  stop(): Promise<void> {
    return this.loop.stop()
  }

  /** One pass: inbound notifications, then every due connection until its outbox has nothing due. */
  async runOnce(): Promise<SyncRound> {
    const total: SyncRound = { calls: 0, written: 0, failed: 0, claimed: 0 }
    await processCrmEvents(this.db, this.connectorFor, { logger: this.options.logger, lease: this.lease() })
    for (const due of await dueConnections(this.db)) {
      for (;;) {
        let round: SyncRound
        try {
          // Read afresh each round: a disconnect or a finished schema set-up shows at once.
          const [connection] = await this.db
            .select()
            .from(crmConnections)
            .where(eq(crmConnections.id, due.id))
          if (connection?.state !== 'active') break
          round = await syncConnectionRound(
            this.db,
            connection,
            this.connectorFor(connection),
            this.options,
            this.heartbeat,
          )
        } catch (error) {
          if (error instanceof UnregisteredCrmError) {
            await noteUnregisteredProvider(this.db, due.id, error, this.options.logger)
            break
          }
          this.options.logger.error({ err: error, connectionId: due.id }, 'CRM sync round failed')
          break
        }
        total.calls += round.calls
        total.written += round.written
        total.failed += round.failed
        total.claimed += round.claimed
        // Called outside the loop (tests, CLI) or while stopping: one round per connection.
        if (round.claimed === 0 || !this.loop.running) break
      }
    }
    return total
  }
}

/** Active connections with a change due; each round reads its connection afresh. */
async function dueConnections(db: Database): Promise<{ id: string }[]> {
  return queryRows<{ id: string }>(
    db,
    sql`select c.id from crm_connections c
         where c.state = 'active' and exists (
           select 1 from crm_outbox o
            where o.connection_id = c.id and o.parked_at is null and o.available_at <= clock_timestamp()
              and (o.lease_until is null or o.lease_until < clock_timestamp()))`,
  )
}
