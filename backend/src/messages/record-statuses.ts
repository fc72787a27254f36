import { and, inArray, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { messageStatusEvents } from '../db/schema'
import { dedupeBy } from '../lib/dedupe-by'
import { statusRank, storedStatusRank } from './status-rank'
import type { StatusRecord } from './status-record'

/** Stores each (message, status) once and moves the message's status forward only. */
export async function recordStatuses(tx: Executor, statuses: StatusRecord[]): Promise<void> {
  if (statuses.length === 0) return
  const unique = dedupeBy(statuses, (s) => `${s.channel.id}|${s.wamid}|${s.status}`)
  await tx
    .insert(messageStatusEvents)
    .values(
      unique.map((s) => ({
        workspaceId: s.channel.workspaceId,
        channelId: s.channel.id,
        wamid: s.wamid,
        status: s.status,
        occurredAt: s.occurredAt,
        recipientId: s.recipientId,
        recipientUserId: s.recipientUserId,
        errorCode: s.error?.code ?? null,
        errorTitle: s.error?.title ?? null,
        errorDetails: s.error?.details ?? null,
        pricing: s.pricing,
        conversation: s.conversation,
        bizOpaqueCallbackData: s.bizOpaqueCallbackData,
        webhookEventId: s.eventId,
      })),
    )
    .onConflictDoNothing()
  await advanceStatuses(
    tx,
    unique.map((s) => ({
      channel_id: s.channel.id,
      wamid: s.wamid,
      status: s.status,
      at: s.occurredAt.toISOString(),
      error_code: s.error?.code ?? null,
      error_title: s.error?.title ?? null,
      error_details: s.error?.details ?? null,
    })),
  )
}

type StatusRow = {
  channel_id: string
  wamid: string
  status: string
  at: string
  error_code: number | null
  error_title: string | null
  error_details: string | null
}

async function advanceStatuses(tx: Executor, rows: StatusRow[]): Promise<void> {
  const furthest = new Map<string, StatusRow & { rank: number }>()
  for (const row of rows) {
    const key = `${row.channel_id}|${row.wamid}`
    const rank = statusRank(row.status)
    const current = furthest.get(key)
    if (!current || rank > current.rank) furthest.set(key, { ...row, rank })
  }
  if (furthest.size === 0) return
  const values = [...furthest.values()].sort((a, b) => (a.wamid < b.wamid ? -1 : 1))
  await tx.execute(sql`
    update messages m set
      status = v.status,
      status_at = v.at,
      error_code = coalesce(v.error_code, m.error_code),
      error_title = coalesce(v.error_title, m.error_title),
      error_details = coalesce(v.error_details, m.error_details)
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
      as v(channel_id uuid, wamid text, status text, at timestamptz, rank int, error_code int, error_title text, error_details text)
    where m.channel_id = v.channel_id and m.wamid = v.wamid and ${storedStatusRank} < v.rank`)
}

/**
 * Outbound messages (echoes, later our own sends) may arrive after their statuses did: moves each
 * newly stored message to the furthest status already recorded for it.
 */
export async function applyStoredStatuses(
  tx: Executor,
  fresh: { channelId: string; wamid: string }[],
): Promise<void> {
  if (fresh.length === 0) return
  const stored = await tx
    .select()
    .from(messageStatusEvents)
    .where(
      and(
        inArray(messageStatusEvents.channelId, [...new Set(fresh.map((m) => m.channelId))]),
        inArray(
          messageStatusEvents.wamid,
          fresh.map((m) => m.wamid),
        ),
      ),
    )
  await advanceStatuses(
    tx,
    stored.map((s) => ({
      channel_id: s.channelId,
      wamid: s.wamid,
      status: s.status,
      at: s.occurredAt.toISOString(),
      error_code: s.errorCode,
      error_title: s.errorTitle,
      error_details: s.errorDetails,
    })),
  )
}
