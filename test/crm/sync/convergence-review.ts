import { sql } from 'drizzle-orm'
import { expect } from 'vitest'
import type { Database } from '../../../backend/src/db/client'
import { queryRows } from '../../../backend/src/db/query-rows'

/** One edit a convergence run made, on our side (`local`) or in the CRM (`remote`). */
export interface DoneEdit {
  person: number
  field: string
  side: string
  value: string
  at: number
}

/**
 * The convergence property's second half, shared by every CRM: each disagreement (both sides
 * changed a field to different values) is in the review queue with both values, and where the
 * edits are further apart than the CRM's clock resolution, with the later one as the winner.
 */
export async function expectDisagreementsReviewed(input: {
  db: Database
  since: Date
  done: DoneEdit[]
  /** Each field's value before the run, keyed `${person}|${field}`. */
  start: Map<string, string | null>
  /** Our contact id per person. */
  contactIds: string[]
  /** How finely the CRM times its changes: edits closer than this have no known winner. */
  clockResolutionMs: number
}): Promise<void> {
  const review = await queryRows<{
    contact_id: string
    field: string
    local_value: unknown
    remote_value: unknown
    winner: string
  }>(
    input.db,
    sql`select contact_id, field, local_value, remote_value, winner from crm_review_items
         where kind = 'conflict' and created_at >= ${input.since.toISOString()}::timestamptz`,
  )
  for (const l of input.done.filter((d) => d.side === 'local')) {
    const r = input.done.find((d) => d.side === 'remote' && d.person === l.person && d.field === l.field)
    const before = input.start.get(`${l.person}|${l.field}`)
    // Only real changes on both sides, to different values, are disagreements.
    if (!r || r.value === l.value || l.value === before || r.value === before) continue
    const item = review.find((i) => i.contact_id === input.contactIds[l.person] && i.field === l.field)
    expect(item, `conflict on ${l.field} of person ${l.person}`).toBeDefined()
    expect(item?.local_value).toBe(l.value)
    expect(item?.remote_value).toBe(r.value)
    if (Math.abs(r.at - l.at) > input.clockResolutionMs)
      expect(item?.winner).toBe(r.at > l.at ? 'remote' : 'local')
  }
}
