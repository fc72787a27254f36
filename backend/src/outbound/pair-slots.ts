import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { pairKey } from './limiter'

/**
 * The pair rule for a whole claim in one statement: each recipient whose slot is free gets it
 * (free again `spacingMs` later); the others learn when theirs frees up.
 */
export async function takePairSlots(
  db: Executor,
  channelId: string,
  recipients: string[],
  spacingMs: number,
): Promise<Map<string, Date | null>> {
  const keys = [...new Set(recipients)].map((r) => pairKey(channelId, r))
  const result = new Map<string, Date | null>()
  if (keys.length === 0) return result
  const secs = spacingMs / 1000
  const rows = await queryRows<{ key: string; taken: boolean; next_at: string | Date | null }>(
    db,
    sql`with k as (select value as key from jsonb_array_elements_text(${JSON.stringify(keys.sort())}::jsonb)),
        attempt as (
          insert into rate_slots as r (key, next_at)
          select key, clock_timestamp() + make_interval(secs => ${secs}) from k
          on conflict (key) do update set next_at = clock_timestamp() + make_interval(secs => ${secs})
            where r.next_at <= clock_timestamp()
          returning r.key
        )
        select k.key, (a.key is not null) as taken, s.next_at
        from k left join attempt a on a.key = k.key left join rate_slots s on s.key = k.key`,
  )
  for (const row of rows) {
    const recipient = row.key.slice(`pair:${channelId}:`.length)
    result.set(recipient, row.taken ? null : new Date(row.next_at ?? Date.now() + spacingMs))
  }
  return result
}
