import { sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { queryRows } from '../db/query-rows'
import { claimDue, type LeaseQueue } from '../jobs/lease-claim'
import { WorkerLoop } from '../jobs/worker-loop'
import { decryptSecret } from '../lib/crypto'
import type { Logger } from '../lib/logger'
import { type DeliveryOutcome, deliverEvent } from './deliver'
import type { TargetPolicy } from './target-policy'

export interface EventDeliveryOptions {
  encryptionKey: Buffer
  policy: TargetPolicy
  logger: Logger
  timeoutMs: number
  /** First retry after this; doubling per attempt up to an hour, with jitter. */
  retryBaseMs: number
  pollMs: number
  batchSize: number
}

interface Claimed {
  id: string | number
  event_id: string
  event_type: string
  payload: Record<string, unknown>
  attempts: number
  expires_at: string | Date
  last_error: string | null
  url: string | null
  secret_enc: string | null
  active: boolean | null
}

const MAX_RETRY_MS = 3_600_000

const deliveryQueue = (leaseMs: number): LeaseQueue => ({
  table: 'event_deliveries',
  due: (at) =>
    sql`(state = 'pending' and next_attempt_at <= ${at}) or (state = 'sending' and lease_until <= ${at})`,
  orderBy: sql`next_attempt_at, id`,
  leaseColumn: 'lease_until',
  attemptsColumn: 'attempts',
  claimSet: sql`state = 'sending'`,
  returning: sql`id, event_id, event_type, payload, attempts, expires_at, last_error,
    (select s.url from event_subscriptions s where s.id = q.subscription_id) as url,
    (select s.secret_enc from event_subscriptions s where s.id = q.subscription_id) as secret_enc,
    (select s.active from event_subscriptions s where s.id = q.subscription_id) as active`,
  held: sql`state = 'sending'`,
  // A receiver that hangs past the lease many times over is given up on, like any other failure.
  deadLetter: {
    maxAttempts: 50 + Math.ceil(leaseMs / 1000),
    set: sql`state = 'failed', last_error = 'the sender stopped while delivering, too many times'`,
  },
})

export type DeliveryTotals = { claimed: number; delivered: number; retried: number; failed: number }

/**
 * Delivers queued events (rows the triggers wrote) on the shared worker loop: at-least-once, each
 * signed with its subscription's secret; a failure is retried with back-off until a day after the
 * event, then given up; 410 Gone turns the subscription off.
 */
export class EventDeliveryWorker {
  readonly loop: WorkerLoop

  constructor(
    private readonly db: Database,
    private readonly options: EventDeliveryOptions,
  ) {
    this.loop = new WorkerLoop({
      name: 'event-webhooks',
      pollMs: options.pollMs,
      logger: options.logger,
      concurrency: 1,
      pass: async () => ((await this.runOnce()).claimed < options.batchSize ? 'idle' : 'busy'),
    })
  }

  start(): void {
    this.loop.start()
  }

  stop(): Promise<void> {
    return this.loop.stop()
  }

  wake(): void {
    this.loop.wake()
  }

  /** Runs passes until nothing is due (tests). */
  async drain(now?: Date): Promise<DeliveryTotals> {
    const total: DeliveryTotals = { claimed: 0, delivered: 0, retried: 0, failed: 0 }
    for (;;) {
      const pass = await this.runOnce(now)
      for (const k of Object.keys(total) as (keyof DeliveryTotals)[]) total[k] += pass[k]
      if (pass.claimed === 0) return total
    }
  }

  async runOnce(now = new Date()): Promise<DeliveryTotals> {
    const leaseMs = this.options.timeoutMs + 20_000
    const { rows } = await claimDue<Claimed>(this.db, deliveryQueue(leaseMs), {
      limit: this.options.batchSize,
      leaseMs,
      now,
    })
    const totals: DeliveryTotals = { claimed: rows.length, delivered: 0, retried: 0, failed: 0 }
    // Deliveries go out side by side: one slow receiver must not hold back the others.
    await Promise.all(
      rows.map(async (row) => {
        const outcome = await this.attempt(row, now)
        const result = await this.settle(row, outcome, now)
        totals[result] += 1
      }),
    )
    return totals
  }

  private async attempt(row: Claimed, now: Date): Promise<DeliveryOutcome> {
    if (!row.active || !row.url || !row.secret_enc)
      return { kind: 'refused', error: 'the subscription was turned off' }
    if (new Date(row.expires_at) <= now)
      return {
        kind: 'refused',
        error: `${row.last_error ?? 'not delivered'}; gave up after ${row.attempts - 1} tries in 24 hours`,
      }
    return deliverEvent(
      {
        deliveryId: Number(row.id),
        eventId: row.event_id,
        eventType: row.event_type,
        url: row.url,
        secret: decryptSecret(row.secret_enc, this.options.encryptionKey),
        body: JSON.stringify(row.payload),
      },
      { timeoutMs: this.options.timeoutMs, policy: this.options.policy, now },
    )
  }

  private async settle(
    row: Claimed,
    outcome: DeliveryOutcome,
    now: Date,
  ): Promise<'delivered' | 'retried' | 'failed'> {
    const id = Number(row.id)
    // Fenced by the attempt count: a worker whose lease was taken over writes nothing.
    const fence = sql`id = ${id} and attempts = ${row.attempts} and state = 'sending'`
    if (outcome.kind === 'delivered') {
      await this.db.execute(sql`
        update event_deliveries set state = 'delivered', delivered_at = ${now.toISOString()}::timestamptz,
          last_status = ${outcome.status}, last_error = null, lease_until = null
        where ${fence}`)
      return 'delivered'
    }
    if (outcome.kind === 'gone') {
      await this.db.transaction(async (tx) => {
        await tx.execute(sql`
          update event_deliveries set state = 'failed', last_status = 410, lease_until = null,
            last_error = 'the receiver answered 410 Gone: the subscription was turned off'
          where ${fence}`)
        await tx.execute(sql`
          update event_subscriptions set active = false, disabled_at = now(),
            disabled_reason = 'the receiver answered 410 Gone'
          where id = (select subscription_id from event_deliveries where id = ${id})`)
        await tx.execute(sql`
          update event_deliveries set state = 'failed', last_error = 'the subscription was turned off'
          where state = 'pending'
            and subscription_id = (select subscription_id from event_deliveries where id = ${id})`)
      })
      this.options.logger.warn(
        { deliveryId: id },
        'event receiver answered 410 Gone; subscription turned off',
      )
      return 'failed'
    }
    const wait = Math.min(MAX_RETRY_MS, this.options.retryBaseMs * 2 ** Math.max(0, row.attempts - 1))
    const next = new Date(now.getTime() + wait * (0.8 + Math.random() * 0.4))
    const giveUp = outcome.kind === 'refused' || next >= new Date(row.expires_at)
    const status = outcome.kind === 'retry' ? outcome.status : null
    const error =
      giveUp && outcome.kind === 'retry'
        ? `${outcome.error}; gave up after ${row.attempts} tries in 24 hours`
        : outcome.error
    const [settled] = await queryRows<{ id: number }>(
      this.db,
      sql`update event_deliveries set state = ${giveUp ? 'failed' : 'pending'},
            next_attempt_at = ${next.toISOString()}::timestamptz, lease_until = null,
            last_status = ${status}, last_error = ${error}
          where ${fence} returning id`,
    )
    if (settled && giveUp)
      this.options.logger.warn(
        { deliveryId: id, eventType: row.event_type },
        'event delivery failed for good',
      )
    return giveUp ? 'failed' : 'retried'
  }
}
