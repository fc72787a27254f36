import type { Executor } from '../db/client'
import { channelEvents } from '../db/schema'
import type { ChannelRoute } from './channel-route'

/** A change Meta reported about a channel itself (quality rating, account update, ...). */
export interface ChannelEventRecord {
  eventId: number
  channel: ChannelRoute
  field: string
  kind: string
  errorCode: number | null
  payload: Record<string, unknown>
  occurredAt: Date
  dedupeKey: string
}

/** Stores channel events once per (workspace, dedupe key); redeliveries change nothing. */
export async function insertChannelEvents(tx: Executor, events: ChannelEventRecord[]): Promise<void> {
  if (events.length === 0) return
  await tx
    .insert(channelEvents)
    .values(
      events.map((e) => ({
        workspaceId: e.channel.workspaceId,
        channelId: e.channel.id,
        field: e.field,
        kind: e.kind,
        errorCode: e.errorCode,
        payload: e.payload,
        occurredAt: e.occurredAt,
        dedupeKey: e.dedupeKey,
        webhookEventId: e.eventId,
      })),
    )
    .onConflictDoNothing()
}
