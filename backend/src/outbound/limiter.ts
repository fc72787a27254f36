import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'

export const numberKey = (channelId: string) => `number:${channelId}`
export const pairKey = (channelId: string, recipient: string) => `pair:${channelId}:${recipient}`

/**
 * Reserves `count` consecutive send slots spaced `intervalMs` apart on a shared key and returns
 * their start times. One atomic UPDATE, so any number of processes share one budget: the slots
 * they get never overlap (virtual scheduling, as in GCRA).
 */
export async function reserveSlots(
  db: Executor,
  key: string,
  intervalMs: number,
  count: number,
): Promise<Date[]> {
  if (count <= 0) return []
  const span = intervalMs * count
  const rows = await queryRows<{ first: string | Date }>(
    db,
    sql`insert into rate_slots as r (key, next_at) values (${key}, clock_timestamp() + make_interval(secs => ${span / 1000}))
        on conflict (key) do update
          set next_at = greatest(r.next_at, clock_timestamp()) + make_interval(secs => ${span / 1000})
        returning r.next_at - make_interval(secs => ${span / 1000}) as first`,
  )
  const first = new Date(rows[0]?.first as string | Date).getTime()
  return Array.from({ length: count }, (_, i) => new Date(first + i * intervalMs))
}

/** Pushes a key's next slot out (Meta said "too fast"): nothing on it starts before `until`. */
export async function holdUntil(db: Executor, key: string, until: Date): Promise<void> {
  await db.execute(
    sql`insert into rate_slots as r (key, next_at) values (${key}, ${until.toISOString()}::timestamptz)
        on conflict (key) do update set next_at = greatest(r.next_at, excluded.next_at)`,
  )
}
