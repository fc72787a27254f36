import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'

/** The anonymous key of a message: sha256 of channel and wamid, never the wamid itself. */
export const tombstoneKey = (channelId: string, wamid: string): string =>
  createHash('sha256').update(`${channelId}\n${wamid}`).digest('hex')

/**
 * Drops the items (messages, statuses) of erased messages, so a redelivery after an erasure
 * stores nothing about the person again.
 */
export async function withoutErased<T extends { channel: { id: string }; wamid: string }>(
  tx: Executor,
  items: T[],
): Promise<T[]> {
  if (items.length === 0) return items
  const keys = items.map((i) => tombstoneKey(i.channel.id, i.wamid))
  const erased = await queryRows<{ message_key_hash: string }>(
    tx,
    sql`select message_key_hash from erasure_tombstones
         where message_key_hash in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`,
  )
  if (erased.length === 0) return items
  const gone = new Set(erased.map((r) => r.message_key_hash))
  return items.filter((_, i) => !gone.has(keys[i] as string))
}
