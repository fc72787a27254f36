import type { DuplicateHint } from '@scrm/shared'
import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import type { DuplicateReason } from '../../db/schema'

/** Open candidates that name this contact, with the other contact, for the card's hint. */
export async function duplicateHints(
  db: Executor,
  workspaceId: string,
  contactId: string,
): Promise<DuplicateHint[]> {
  const rows = await queryRows<{
    id: string
    score: number
    reasons: DuplicateReason[]
    other_id: string
    other_name: string | null
    other_phone: string | null
  }>(
    db,
    sql`select d.id, d.score, d.reasons, o.id as other_id, coalesce(o.name, o.profile_name) as other_name,
               o.phone_e164 as other_phone
          from duplicate_candidates d
          join contacts o on o.id = case when d.contact_a = ${contactId} then d.contact_b else d.contact_a end
         where d.workspace_id = ${workspaceId} and d.state = 'open'
           and (d.contact_a = ${contactId} or d.contact_b = ${contactId})
         order by d.score desc, d.id
         limit 5`,
  )
  return rows.map((r) => ({
    candidate_id: r.id,
    score: Math.min(1, Math.max(0, Number(r.score))),
    other: { id: r.other_id, name: r.other_name, phone: r.other_phone },
    reasons: r.reasons.map(({ code, detail }) => ({ code, detail })),
  }))
}
