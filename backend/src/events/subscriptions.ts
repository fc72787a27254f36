import { and, desc, eq, lt, sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { type EventDelivery, type EventSubscription, eventDeliveries, eventSubscriptions } from '../db/schema'
import { encryptSecret } from '../lib/crypto'
import { ConflictError, InvalidInputError, NotFoundError } from '../lib/errors'
import type { DeliveryState, EventType } from './event-types'
import { newSigningSecret } from './signature'
import { type TargetPolicy, targetProblem } from './target-policy'

export interface SubscriptionView {
  id: string
  url: string
  events: string[]
  description: string | null
  active: boolean
  disabled_reason: string | null
  created_at: string
}

export interface DeliveryView {
  id: number
  event_id: string
  event_type: string
  state: DeliveryState
  attempts: number
  next_attempt_at: string | null
  last_status: number | null
  last_error: string | null
  delivered_at: string | null
  created_at: string
  payload: Record<string, unknown>
}

const MAX_PER_WORKSPACE = 25

const toView = (s: EventSubscription): SubscriptionView => ({
  id: s.id,
  url: s.url,
  events: s.events,
  description: s.description,
  active: s.active,
  disabled_reason: s.disabledReason,
  created_at: s.createdAt.toISOString(),
})

const toDeliveryView = (d: EventDelivery): DeliveryView => ({
  id: d.id,
  event_id: d.eventId,
  event_type: d.eventType,
  state: d.state,
  attempts: d.attempts,
  next_attempt_at: d.state === 'pending' ? d.nextAttemptAt.toISOString() : null,
  last_status: d.lastStatus,
  last_error: d.lastError,
  delivered_at: d.deliveredAt?.toISOString() ?? null,
  created_at: d.createdAt.toISOString(),
  payload: d.payload,
})

/** Subscribes a URL to events; the answer carries the signing secret, never shown again. */
export async function createSubscription(
  db: Database,
  workspaceId: string,
  input: { url: string; events: EventType[]; description?: string },
  encryptionKey: Buffer,
  policy: TargetPolicy,
): Promise<{ subscription: SubscriptionView; secret: string }> {
  const problem = await targetProblem(input.url, policy)
  if (problem) throw new InvalidInputError(`url ${problem}.`, [{ path: 'url', message: problem }])
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(eventSubscriptions)
    .where(and(eq(eventSubscriptions.workspaceId, workspaceId), eq(eventSubscriptions.active, true)))
  if ((count?.n ?? 0) >= MAX_PER_WORKSPACE)
    throw new ConflictError(
      `A workspace can have ${MAX_PER_WORKSPACE} active subscriptions; remove one first.`,
    )
  const secret = newSigningSecret()
  const [row] = await db
    .insert(eventSubscriptions)
    .values({
      workspaceId,
      url: input.url,
      events: [...new Set(input.events)],
      description: input.description ?? null,
      secretEnc: encryptSecret(secret, encryptionKey),
    })
    .returning()
  return { subscription: toView(row as EventSubscription), secret }
}

export async function listSubscriptions(db: Database, workspaceId: string): Promise<SubscriptionView[]> {
  const rows = await db
    .select()
    .from(eventSubscriptions)
    .where(eq(eventSubscriptions.workspaceId, workspaceId))
    .orderBy(desc(eventSubscriptions.createdAt))
  return rows.map(toView)
}

/** Unsubscribes: nothing more is queued for it, and what was waiting is dropped (the log stays). */
export async function removeSubscription(db: Database, workspaceId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(eventSubscriptions)
      .set({ active: false, disabledReason: 'unsubscribed', disabledAt: new Date() })
      .where(
        and(
          eq(eventSubscriptions.id, id),
          eq(eventSubscriptions.workspaceId, workspaceId),
          eq(eventSubscriptions.active, true),
        ),
      )
      .returning({ id: eventSubscriptions.id })
    if (!row) throw new NotFoundError(`No active event subscription ${id} in this workspace.`)
    await tx
      .update(eventDeliveries)
      .set({ state: 'failed', lastError: 'unsubscribed before it was delivered' })
      .where(and(eq(eventDeliveries.subscriptionId, id), eq(eventDeliveries.state, 'pending')))
  })
}

/** A subscription's deliveries, newest first, paged by `before` (a delivery id). */
export async function listDeliveries(
  db: Database,
  workspaceId: string,
  subscriptionId: string,
  options: { state?: DeliveryState; limit: number; before?: number },
): Promise<{ deliveries: DeliveryView[]; next_before: number | null }> {
  const [subscription] = await db
    .select({ id: eventSubscriptions.id })
    .from(eventSubscriptions)
    .where(and(eq(eventSubscriptions.id, subscriptionId), eq(eventSubscriptions.workspaceId, workspaceId)))
  if (!subscription) throw new NotFoundError(`No event subscription ${subscriptionId} in this workspace.`)
  const rows = await db
    .select()
    .from(eventDeliveries)
    .where(
      and(
        eq(eventDeliveries.subscriptionId, subscriptionId),
        options.state ? eq(eventDeliveries.state, options.state) : undefined,
        options.before ? lt(eventDeliveries.id, options.before) : undefined,
      ),
    )
    .orderBy(desc(eventDeliveries.id))
    .limit(options.limit + 1)
  const page = rows.slice(0, options.limit)
  return {
    deliveries: page.map(toDeliveryView),
    next_before: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null,
  }
}

/** Sends a delivery again from its first try, with a new day to succeed in. */
export async function replayDelivery(db: Database, workspaceId: string, id: number): Promise<DeliveryView> {
  const [row] = await db
    .update(eventDeliveries)
    .set({
      state: 'pending',
      attempts: 0,
      nextAttemptAt: new Date(),
      expiresAt: sql`now() + interval '24 hours'`,
      leaseUntil: null,
      lastError: null,
    })
    .where(
      and(
        eq(eventDeliveries.id, id),
        eq(eventDeliveries.workspaceId, workspaceId),
        sql`${eventDeliveries.state} in ('delivered', 'failed')`,
        sql`exists (select 1 from event_subscriptions s where s.id = ${eventDeliveries.subscriptionId} and s.active)`,
      ),
    )
    .returning()
  if (!row)
    throw new NotFoundError(
      `No finished delivery ${id} of an active subscription in this workspace (a delivery still being tried cannot be replayed).`,
    )
  return toDeliveryView(row)
}
