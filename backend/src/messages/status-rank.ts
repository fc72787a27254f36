import { type MessageStatus, STATUS_RANK } from '@scrm/shared'
import { sql } from 'drizzle-orm'

/** Rank of a status Meta may send; unknown future statuses rank with `sent` so they never regress. */
export function statusRank(status: string): number {
  return status in STATUS_RANK ? STATUS_RANK[status as MessageStatus] : 1
}

/** The same ranking in SQL, for comparing against the stored status in one UPDATE. */
export const storedStatusRank = sql.raw(
  `(case m.status ${Object.entries(STATUS_RANK)
    .map(([s, r]) => `when '${s}' then ${r}`)
    .join(' ')} else 1 end)`,
)
