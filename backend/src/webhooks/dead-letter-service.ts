import { and, desc, eq, sql } from 'drizzle-orm'
import { workspacePhoneNumberIds } from '../channels/channel-service'
import type { Database } from '../db/client'
import { queryRows } from '../db/query-rows'
import { webhookEvents } from '../db/schema'
import { requeue } from '../ingest/event-queue'
import { NotFoundError } from '../lib/errors'

export interface DeadLetterView {
  id: string
  source: string
  received_at: string
  attempts: number
  last_error: string | null
  phone_number_ids: string[]
  body_bytes: number
}

/** Which dead events a key may see: its own numbers' events; the platform key sees all. */
async function visibility(db: Database, workspaceId: string, platform: boolean) {
  if (platform) return undefined
  const ids = await workspacePhoneNumberIds(db, workspaceId)
  if (ids.length === 0) return sql`false`
  return sql`${webhookEvents.routingKeys} && array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::text[]`
}

export async function listDeadLetters(
  db: Database,
  workspaceId: string,
  platform: boolean,
  limit: number,
): Promise<DeadLetterView[]> {
  const visible = await visibility(db, workspaceId, platform)
  const rows = await db
    .select({
      id: webhookEvents.id,
      source: webhookEvents.source,
      receivedAt: webhookEvents.receivedAt,
      attempts: webhookEvents.attempts,
      lastError: webhookEvents.lastError,
      routingKeys: webhookEvents.routingKeys,
      bytes: sql<number>`octet_length(${webhookEvents.rawBody})`,
    })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.state, 'dead'), visible))
    .orderBy(desc(webhookEvents.id))
    .limit(limit)
  return rows.map((r) => ({
    id: String(r.id),
    source: r.source,
    received_at: r.receivedAt.toISOString(),
    attempts: r.attempts,
    last_error: r.lastError,
    phone_number_ids: r.routingKeys,
    body_bytes: Number(r.bytes),
  }))
}

export async function replayDeadLetter(
  db: Database,
  workspaceId: string,
  platform: boolean,
  id: number,
): Promise<void> {
  const visible = await visibility(db, workspaceId, platform)
  const [row] = await db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.id, id), eq(webhookEvents.state, 'dead'), visible))
  if (!row) throw new NotFoundError(`No dead-lettered event ${id} in this workspace.`)
  await requeue(db, [id])
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
    phone_number_id: r.phone_number_id,
    events: Number(r.events),
    first_received_at: new Date(r.first_at).toISOString(),
    last_received_at: new Date(r.last_at).toISOString(),
  }))
}
