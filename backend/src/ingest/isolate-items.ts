import type { ChannelRoute } from '../channels/channel-route'
import type { Executor } from '../db/client'
import type { DeadItemKind } from '../db/schema'
import { classifyFailure } from '../lib/db-error'
import type { Logger } from '../lib/logger'
import { type ApplyStats, applyRecords } from './apply-records'
import type { DeadItem } from './dead-items'
import type { ExtractedEvent } from './records'

/** One item of a delivery, as a batch of its own. */
interface Unit {
  kind: DeadItemKind
  ref: string
  channel: ChannelRoute
  records: ExtractedEvent
}

const empty = (): ExtractedEvent => ({
  messages: [],
  statuses: [],
  preferences: [],
  channelEvents: [],
  unrouted: [],
})

/**
 * Applies one delivery's records so that one bad item never costs its neighbours, inside the
 * caller's transaction (the slow path, taken only after the delivery failed as a whole).
 *
 * Why per-workspace groups, then per-item savepoints: Meta batches many businesses' numbers into
 * one delivery. Each workspace's items are first applied together under a savepoint, so a
 * failure in workspace A rolls back only A's group and never touches B's (tenants never share a
 * failure). Within a failing group each item gets its own savepoint, in arrival order (messages,
 * then statuses, preferences and channel events, as in a batch), so only the item the database
 * refuses is set aside, recorded as its workspace's dead item. A database that is unavailable is
 * not an item's fault: that error is rethrown and the whole delivery retried.
 */
export async function applyIsolated(
  tx: Executor,
  records: ExtractedEvent,
  eventId: number,
  now: Date,
  logger: Logger,
): Promise<{ stats: ApplyStats; dead: DeadItem[] }> {
  const stats: ApplyStats = { inbound: 0, intelligenceMs: 0, classifyMs: 0, rulesMs: 0 }
  const dead: DeadItem[] = []
  const add = (s: ApplyStats) => {
    stats.inbound += s.inbound
    stats.intelligenceMs += s.intelligenceMs
    stats.classifyMs += s.classifyMs
    stats.rulesMs += s.rulesMs
  }
  for (const [workspaceId, group] of byWorkspace(records)) {
    try {
      add(await tx.transaction((sp) => applyRecords(sp, [group], now)))
      continue
    } catch (error) {
      if (classifyFailure(error).reason === 'database_unavailable') throw error
    }
    for (const unit of unitsOf(group)) {
      try {
        add(await tx.transaction((sp) => applyRecords(sp, [unit.records], now)))
      } catch (error) {
        const failure = classifyFailure(error)
        if (failure.reason === 'database_unavailable') throw error
        dead.push({
          ...failure,
          workspaceId,
          channelId: unit.channel.id,
          webhookEventId: eventId,
          kind: unit.kind,
          itemRef: unit.ref,
        })
        logger.error(
          {
            eventId,
            workspaceId,
            channelId: unit.channel.id,
            kind: unit.kind,
            reason: failure.reason,
            err: error,
          },
          'webhook item set aside',
        )
      }
    }
  }
  return { stats, dead }
}

/** The records of each workspace, in a fixed order so concurrent workers lock alike. */
function byWorkspace(records: ExtractedEvent): [string, ExtractedEvent][] {
  const groups = new Map<string, ExtractedEvent>()
  const of = (channel: ChannelRoute): ExtractedEvent => {
    let group = groups.get(channel.workspaceId)
    if (!group) {
      group = empty()
      groups.set(channel.workspaceId, group)
    }
    return group
  }
  for (const m of records.messages) of(m.channel).messages.push(m)
  for (const s of records.statuses) of(s.channel).statuses.push(s)
  for (const p of records.preferences) of(p.channel).preferences.push(p)
  for (const e of records.channelEvents) of(e.channel).channelEvents.push(e)
  return [...groups].sort(([a], [b]) => a.localeCompare(b))
}

function unitsOf(group: ExtractedEvent): Unit[] {
  return [
    ...group.messages.map((m) => ({
      kind: 'message' as const,
      ref: m.wamid,
      channel: m.channel,
      records: { ...empty(), messages: [m] },
    })),
    ...group.statuses.map((s) => ({
      kind: 'status' as const,
      ref: s.wamid,
      channel: s.channel,
      records: { ...empty(), statuses: [s] },
    })),
    ...group.preferences.map((p) => ({
      kind: 'preference' as const,
      ref: p.identity.waId ?? p.identity.bsuid ?? p.identity.phone ?? '',
      channel: p.channel,
      records: { ...empty(), preferences: [p] },
    })),
    ...group.channelEvents.map((e) => ({
      kind: 'channel_event' as const,
      ref: e.dedupeKey,
      channel: e.channel,
      records: { ...empty(), channelEvents: [e] },
    })),
  ]
}
