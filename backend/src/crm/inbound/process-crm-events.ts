import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { type CrmConnection, crmConnections, crmWebhookEvents } from '../../db/schema'
import { claimDue, type LeaseQueue } from '../../jobs/lease-claim'
import { DEFAULT_LEASE, LeaseHeartbeat, type LeaseTiming } from '../../jobs/lease-heartbeat'
import type { Logger } from '../../lib/logger'
import type { ConnectorFor } from '../connectors'
import type { CrmChange, CrmConnector } from '../port'
import { UnregisteredCrmError } from '../registry'
import { applyCrmChanges } from './apply-crm-changes'

interface StoredEvent {
  id: number
  provider: string
  account_id: string
  attempts: number
  payload: unknown
}

const MAX_ATTEMPTS = 10

/** Stored notifications not yet applied; one whose worker died on it every time is given up. */
const crmEventQueue: LeaseQueue = {
  table: 'crm_webhook_events',
  due: (at) =>
    sql`processed_at is null and available_at <= ${at} and (lease_until is null or lease_until < ${at})`,
  orderBy: sql`occurred_at, id`,
  leaseColumn: 'lease_until',
  attemptsColumn: 'attempts',
  returning: sql`id, provider, account_id, attempts, payload, occurred_at`,
  deadLetter: {
    maxAttempts: MAX_ATTEMPTS,
    set: sql`processed_at = clock_timestamp(), lease_until = null,
             outcome = 'failed: the worker stopped while applying it on every attempt'`,
  },
  held: sql`processed_at is null and lease_until is not null`,
}

/**
 * Applies stored CRM notifications, oldest first, per account. An event that fails is retried
 * with back-off and given up (with its reason kept) after ten tries; one bad event never holds
 * up the others.
 */
export async function processCrmEvents(
  db: Database,
  connectorFor: ConnectorFor,
  options: { logger: Logger; limit?: number; lease?: LeaseTiming },
): Promise<number> {
  const lease = options.lease ?? DEFAULT_LEASE
  const { rows: events } = await claimDue<StoredEvent>(db, crmEventQueue, {
    limit: options.limit ?? 200,
    leaseMs: lease.leaseMs,
  })
  if (events.length === 0) return 0
  const heartbeat = new LeaseHeartbeat(db, crmEventQueue, lease, options.logger)
  await heartbeat.during(events, () => applyClaimed(db, connectorFor, events, options.logger))
  return events.length
}

async function applyClaimed(
  db: Database,
  connectorFor: ConnectorFor,
  events: StoredEvent[],
  logger: Logger,
): Promise<void> {
  const accounts = [...new Set(events.map((e) => `${e.provider}|${e.account_id}`))]
  for (const account of accounts) {
    const [provider, accountId] = account.split('|') as [StoredEvent['provider'], string]
    const batch = events
      .filter((e) => e.provider === provider && e.account_id === accountId)
      .sort((a, b) => a.id - b.id)
    const [connection] = await db
      .select()
      .from(crmConnections)
      .where(
        and(
          eq(crmConnections.provider, provider),
          eq(crmConnections.accountId, accountId),
          eq(crmConnections.state, 'active'),
        ),
      )
    if (!connection) {
      await finish(
        db,
        batch.map((e) => Number(e.id)),
        'no active connection for this account',
      )
      continue
    }
    let connector: CrmConnector
    try {
      connector = connectorFor(connection)
    } catch (error) {
      if (!(error instanceof UnregisteredCrmError)) throw error
      await finish(
        db,
        batch.map((e) => Number(e.id)),
        error.message,
      )
      continue
    }
    await applyBatch(db, connection, connector, batch, logger)
  }
}

async function applyBatch(
  db: Database,
  connection: CrmConnection,
  connector: CrmConnector,
  batch: StoredEvent[],
  logger: Logger,
): Promise<void> {
  const changes: { event: StoredEvent; change: CrmChange | null }[] = batch.map((event) => ({
    event,
    change: connector.parseChange(event.payload),
  }))
  await finish(
    db,
    changes.filter((c) => !c.change).map((c) => Number(c.event.id)),
    'not an event type we act on',
  )
  const actionable = changes.filter((c): c is { event: StoredEvent; change: CrmChange } => c.change !== null)
  if (actionable.length === 0) return
  try {
    const outcomes = await applyCrmChanges(
      db,
      connection,
      connector,
      actionable.map((c) => c.change),
    )
    for (const [i, item] of actionable.entries()) {
      await finish(db, [Number(item.event.id)], outcomes[i] ?? 'applied')
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    logger.warn({ err: message, connectionId: connection.id }, 'CRM events could not be applied; retrying')
    for (const { event } of actionable) {
      if (event.attempts >= MAX_ATTEMPTS) await finish(db, [Number(event.id)], `failed: ${message}`)
      else
        await db
          .update(crmWebhookEvents)
          .set({
            leaseUntil: null,
            outcome: message.slice(0, 500),
            availableAt: sql`clock_timestamp() + make_interval(secs => ${Math.min(600, 2 ** event.attempts)})`,
          })
          .where(eq(crmWebhookEvents.id, Number(event.id)))
    }
  }
}

async function finish(db: Database, ids: number[], outcome: string): Promise<void> {
  if (ids.length === 0) return
  await db
    .update(crmWebhookEvents)
    .set({ processedAt: new Date(), leaseUntil: null, outcome: outcome.slice(0, 500) })
    .where(inArray(crmWebhookEvents.id, ids))
}
