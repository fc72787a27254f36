import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { webhookEvents } from '../db/schema'
import { claimDue, type LeaseQueue, type LeaseTarget } from '../jobs/lease-claim'
import { DEFAULT_LEASE } from '../jobs/lease-heartbeat'

export interface ClaimedEvent {
  id: number
  rawBody: string
  attempts: number
  receivedAt: Date
}

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
          set: sql`state = 'dead', last_error = 'the worker stopped while processing it on every attempt'`,
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
      .set({ state: 'processed', processedAt: new Date(), lastError: null })
      .where(and(inArray(webhookEvents.id, processed), eq(webhookEvents.state, 'processing')))
  }
  if (unrouted.length > 0) {
    await db
      .update(webhookEvents)
      .set({ state: 'unrouted', processedAt: new Date(), lastError: null })
      .where(and(inArray(webhookEvents.id, unrouted), eq(webhookEvents.state, 'processing')))
  }
}

/** Exponential backoff with jitter: about 2, 4, 8 ... seconds, at most ten minutes. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(2 ** attempts * 1000, 600_000)
  return Math.round(base * (0.75 + random() * 0.5))
}

export async function markFailed(
  db: Executor,
  event: ClaimedEvent,
  error: string,
  maxAttempts: number,
): Promise<'retry' | 'dead'> {
  const dead = event.attempts >= maxAttempts
  await db
    .update(webhookEvents)
    .set({
      state: dead ? 'dead' : 'retry',
      lastError: error.slice(0, 2000),
      nextAttemptAt: new Date(Date.now() + (dead ? 0 : retryDelayMs(event.attempts))),
    })
    .where(eq(webhookEvents.id, event.id))
  return dead ? 'dead' : 'retry'
}

/** Puts parked events back in the queue: a dead-letter replay, or a number that got its channel. */
export async function requeue(db: Executor, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0
  const rows = await db
    .update(webhookEvents)
    .set({ state: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null, processedAt: null })
    .where(and(inArray(webhookEvents.id, ids), inArray(webhookEvents.state, ['dead', 'unrouted'])))
    .returning({ id: webhookEvents.id })
  return rows.length
}
