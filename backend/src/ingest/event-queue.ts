import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { webhookEvents } from '../db/schema'
import { claimDue, type LeaseQueue, type LeaseTarget } from '../jobs/lease-claim'
import { DEFAULT_LEASE } from '../jobs/lease-heartbeat'
import { type ClassifiedFailure, describeFailure } from '../lib/db-error'

export interface ClaimedEvent {
  id: number
  rawBody: string
  attempts: number
  receivedAt: Date
}

const STOPPED = describeFailure('worker_stopped')

/**
 * The ingest queue: pending, retrying, and processing events whose claim ran out are due. The
 * lease lives in `next_attempt_at`. An event whose worker died `maxAttempts` times is dead.
 */
const webhookEventQueue = (maxAttempts?: number): LeaseQueue => ({
  table: 'webhook_events',
  due: (at) => sql`state in ('pending', 'processing', 'retry') and next_attempt_at <= ${at}`,
  orderBy: sql`next_attempt_at, id`,
  leaseColumn: 'next_attempt_at',
  attemptsColumn: 'attempts',
  claimSet: sql`state = 'processing'`,
  returning: sql`id, raw_body, attempts, received_at`,
  deadLetter:
    maxAttempts === undefined
      ? undefined
      : {
          maxAttempts,
          set: sql`state = 'dead', failure_reason = ${STOPPED.reason}, last_error = ${STOPPED.message}`,
        },
  held: sql`state = 'processing'`,
})

/** Where a claimed event's lease lives, for the heartbeat that renews it while the batch runs. */
export const webhookEventLease: LeaseTarget = webhookEventQueue()

/**
 * Takes up to `limit` due events under a lease of `leaseMs`; a worker that dies mid-batch releases
 * them when it runs out. Any number of workers, in any number of processes, claim
 * disjoint sets; an expired claim (crashed worker) is due again.
 */
export async function claimEvents(
  db: Executor,
  limit: number,
  maxAttempts?: number,
  leaseMs = DEFAULT_LEASE.leaseMs,
): Promise<ClaimedEvent[]> {
  type Row = { id: string | number; raw_body: string; attempts: number; received_at: string | Date }
  const { rows } = await claimDue<Row>(db, webhookEventQueue(maxAttempts), {
    limit,
    leaseMs,
  })
  return rows
    .map((r) => ({
      id: Number(r.id),
      rawBody: r.raw_body,
      attempts: r.attempts,
      receivedAt: new Date(r.received_at),
    }))
    .sort((a, b) => a.id - b.id)
}

export async function markDone(db: Executor, processed: number[], unrouted: number[]): Promise<void> {
  if (processed.length > 0) {
    await db
      .update(webhookEvents)
      .set({ state: 'processed', processedAt: new Date(), lastError: null, failureReason: null })
      .where(and(inArray(webhookEvents.id, processed), eq(webhookEvents.state, 'processing')))
  }
  if (unrouted.length > 0) {
    await db
      .update(webhookEvents)
      .set({ state: 'unrouted', processedAt: new Date(), lastError: null, failureReason: null })
      .where(and(inArray(webhookEvents.id, unrouted), eq(webhookEvents.state, 'processing')))
  }
}

/** Exponential backoff with jitter: about 2, 4, 8 ... seconds, at most ten minutes. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(2 ** attempts * 1000, 600_000)
  return Math.round(base * (0.75 + random() * 0.5))
}

/**
 * Records a failure of the whole event. It is retried with backoff until `maxAttempts`, unless
 * retrying cannot help (`invalid_payload`: the same bytes parse the same way every time).
 */
export async function markFailed(
  db: Executor,
  event: ClaimedEvent,
  failure: ClassifiedFailure,
  maxAttempts: number,
): Promise<'retry' | 'dead'> {
  const dead = event.attempts >= maxAttempts || failure.reason === 'invalid_payload'
  await db
    .update(webhookEvents)
    .set({
      state: dead ? 'dead' : 'retry',
      failureReason: failure.reason,
      lastError: failure.message,
      nextAttemptAt: new Date(Date.now() + (dead ? 0 : retryDelayMs(event.attempts))),
    })
    .where(eq(webhookEvents.id, event.id))
  return dead ? 'dead' : 'retry'
}

/**
 * Puts events back in the queue: a dead-letter replay, a number that got its channel, or (with
 * `processed`) the delivery behind a set-aside item. Processing is idempotent, so the items that
 * were stored the first time are left as they are.
 */
export async function requeue(
  db: Executor,
  ids: number[],
  from: ('dead' | 'unrouted' | 'processed')[] = ['dead', 'unrouted'],
): Promise<number> {
  if (ids.length === 0) return 0
  const rows = await db
    .update(webhookEvents)
    .set({
      state: 'pending',
      attempts: 0,
      nextAttemptAt: new Date(),
      lastError: null,
      failureReason: null,
      processedAt: null,
    })
    .where(and(inArray(webhookEvents.id, ids), inArray(webhookEvents.state, from)))
    .returning({ id: webhookEvents.id })
  return rows.length
}
