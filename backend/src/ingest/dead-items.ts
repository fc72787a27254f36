import { inArray, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { type DeadItemKind, ingestDeadItems } from '../db/schema'
import type { ClassifiedFailure } from '../lib/db-error'

/** An item of a delivery that could not be stored, with the workspace it belongs to. */
export interface DeadItem extends ClassifiedFailure {
  workspaceId: string
  channelId: string
  webhookEventId: number
  kind: DeadItemKind
  itemRef: string
}

/**
 * Forgets what earlier runs of these events set aside: a replay (or a retry) processes the whole
 * delivery again and records afresh whatever still fails.
 */
export async function clearDeadItems(tx: Executor, eventIds: number[]): Promise<void> {
  if (eventIds.length === 0) return
  await tx.delete(ingestDeadItems).where(inArray(ingestDeadItems.webhookEventId, eventIds))
}

export async function insertDeadItems(tx: Executor, items: DeadItem[]): Promise<void> {
  if (items.length === 0) return
  const values = items.map((i) => ({
    workspace_id: i.workspaceId,
    channel_id: i.channelId,
    webhook_event_id: i.webhookEventId,
    kind: i.kind,
    item_ref: i.itemRef,
    reason: i.reason,
    last_error: i.message,
  }))
  await tx.execute(sql`
    insert into ingest_dead_items (workspace_id, channel_id, webhook_event_id, kind, item_ref, reason, last_error)
    select * from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(workspace_id uuid, channel_id uuid,
      webhook_event_id bigint, kind text, item_ref text, reason text, last_error text)`)
}
