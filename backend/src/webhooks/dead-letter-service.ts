import { and, desc, eq, sql } from 'drizzle-orm'
import { workspacePhoneNumberIds } from '../channels/channel-service'
import type { Database } from '../db/client'
import { queryRows } from '../db/query-rows'
import { type DeadItemKind, ingestDeadItems, webhookEvents, whatsappChannels } from '../db/schema'
import { requeue } from '../ingest/event-queue'
import type { FailureReason } from '../lib/db-error'
import { NotFoundError } from '../lib/errors'
import { displayPgText } from '../lib/pg-text'

export interface DeadLetterView {
  /** A dead delivery's id, or `item-<n>` for one item set aside from a delivery stored otherwise. */
  id: string
  kind: 'event' | 'item'
  source: string
  received_at: string
  attempts: number
  /** The classified reason (lib/db-error.ts). */
  reason: FailureReason | null
  /** Our own words for it; never SQL, parameters or message content. */
  last_error: string | null
  /** The delivery's numbers the caller owns (all of them for the platform key). */
  phone_number_ids: string[]
  body_bytes: number
  item: { type: DeadItemKind; ref: string } | null
}

const ITEM_ID = /^item-(\d{1,18})$/

/**
 * Who sees what. A set-aside item belongs to the workspace whose number it was for. A whole dead
 * delivery is shown to each workspace whose number it carries, naming only that workspace's
 * numbers (Meta batches several businesses into one delivery). Deliveries no workspace can be
 * said to own (bytes that do not parse, numbers nobody registered) only to the platform key.
 */
interface Viewer {
  platform: boolean
  workspaceId: string
  numbers: string[]
}

async function viewerOf(db: Database, workspaceId: string, platform: boolean): Promise<Viewer> {
  return { platform, workspaceId, numbers: platform ? [] : await workspacePhoneNumberIds(db, workspaceId) }
}

function eventVisibility(viewer: Viewer) {
  if (viewer.platform) return undefined
  if (viewer.numbers.length === 0) return sql`false`
  return and(
    sql`${webhookEvents.routingKeys} && array[${sql.join(
      viewer.numbers.map((id) => sql`${id}`),
      sql`, `,
    )}]::text[]`,
    sql`${webhookEvents.failureReason} is distinct from 'invalid_payload'`,
  )
}

export async function listDeadLetters(
  db: Database,
  workspaceId: string,
  platform: boolean,
  limit: number,
): Promise<DeadLetterView[]> {
  const viewer = await viewerOf(db, workspaceId, platform)
  const events = await db
    .select({
      id: webhookEvents.id,
      source: webhookEvents.source,
      receivedAt: webhookEvents.receivedAt,
      attempts: webhookEvents.attempts,
      reason: webhookEvents.failureReason,
      lastError: webhookEvents.lastError,
      routingKeys: webhookEvents.routingKeys,
      bytes: sql<number>`octet_length(${webhookEvents.rawBody})`,
    })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.state, 'dead'), eventVisibility(viewer)))
    .orderBy(desc(webhookEvents.id))
    .limit(limit)
  const items = await db
    .select({
      id: ingestDeadItems.id,
      kind: ingestDeadItems.kind,
      ref: ingestDeadItems.itemRef,
      reason: ingestDeadItems.reason,
      lastError: ingestDeadItems.lastError,
      phoneNumberId: whatsappChannels.phoneNumberId,
      source: webhookEvents.source,
      receivedAt: webhookEvents.receivedAt,
      attempts: webhookEvents.attempts,
      bytes: sql<number>`octet_length(${webhookEvents.rawBody})`,
    })
    .from(ingestDeadItems)
    .innerJoin(webhookEvents, eq(webhookEvents.id, ingestDeadItems.webhookEventId))
    .innerJoin(whatsappChannels, eq(whatsappChannels.id, ingestDeadItems.channelId))
    .where(viewer.platform ? undefined : eq(ingestDeadItems.workspaceId, viewer.workspaceId))
    .orderBy(desc(ingestDeadItems.id))
    .limit(limit)
  const own = (keys: string[]) => (viewer.platform ? keys : keys.filter((k) => viewer.numbers.includes(k)))
  const views: DeadLetterView[] = [
    ...events.map((r) => ({
      id: String(r.id),
      kind: 'event' as const,
      source: r.source,
      received_at: r.receivedAt.toISOString(),
      attempts: r.attempts,
      reason: r.reason,
      last_error: r.lastError,
      phone_number_ids: own(r.routingKeys),
      body_bytes: Number(r.bytes),
      item: null,
    })),
    ...items.map((r) => ({
      id: `item-${r.id}`,
      kind: 'item' as const,
      source: r.source,
      received_at: r.receivedAt.toISOString(),
      attempts: r.attempts,
      reason: r.reason,
      last_error: r.lastError,
      phone_number_ids: [r.phoneNumberId],
      body_bytes: Number(r.bytes),
      item: { type: r.kind, ref: displayPgText(r.ref) },
    })),
  ]
  return views.sort((a, b) => b.received_at.localeCompare(a.received_at)).slice(0, limit)
}

/**
 * Queues a dead delivery again, or the delivery behind a set-aside item. Processing is idempotent,
 * so what was stored the first time stays as it is and only what failed is stored now.
 */
export async function replayDeadLetter(
  db: Database,
  workspaceId: string,
  platform: boolean,
  id: string,
): Promise<void> {
  const viewer = await viewerOf(db, workspaceId, platform)
  const itemId = ITEM_ID.exec(id)?.[1]
  if (itemId) {
    const [item] = await db
      .select({ eventId: ingestDeadItems.webhookEventId })
      .from(ingestDeadItems)
      .where(
        and(
          eq(ingestDeadItems.id, Number(itemId)),
          platform ? undefined : eq(ingestDeadItems.workspaceId, workspaceId),
        ),
      )
    if (!item) throw new NotFoundError(`No dead letter ${id} in this workspace.`)
    await requeue(db, [item.eventId], ['dead', 'unrouted', 'processed'])
    return
  }
  const [row] = await db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.id, Number(id)), eq(webhookEvents.state, 'dead'), eventVisibility(viewer)))
  if (!row) throw new NotFoundError(`No dead-lettered event ${id} in this workspace.`)
  await requeue(db, [row.id])
}

export interface UnroutedNumberView {
  phone_number_id: string
  events: number
  first_received_at: string
  last_received_at: string
}

/** Numbers Meta delivers for that no workspace has registered: a setup problem for the admin. */
export async function listUnroutedNumbers(db: Database): Promise<UnroutedNumberView[]> {
  const rows = await queryRows<{
    phone_number_id: string
    events: string | number
    first_at: string | Date
    last_at: string | Date
  }>(
    db,
    sql`select k.phone_number_id, count(*) as events, min(e.received_at) as first_at, max(e.received_at) as last_at
        from webhook_events e, unnest(e.routing_keys) as k(phone_number_id)
        where e.state = 'unrouted'
          and not exists (select 1 from whatsapp_channels w where w.phone_number_id = k.phone_number_id)
        group by k.phone_number_id
        order by max(e.received_at) desc`,
  )
  return rows.map((r) => ({
    phone_number_id: displayPgText(r.phone_number_id),
    events: Number(r.events),
    first_received_at: new Date(r.first_at).toISOString(),
    last_received_at: new Date(r.last_at).toISOString(),
  }))
}
