import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'

/** The action fields that name a quick reply or a discount pool (see ../actions.ts). */
const FIELDS = {
  quick_reply: ['quick_reply', 'not_found_quick_reply'],
  pool: ['pool'],
} as const

export interface RuleReference {
  key: string
  name: string
}

/**
 * The workspace's rules (enabled or not: a disabled rule may be switched back on) whose actions
 * name `value` as a quick reply or a pool, so removing it would leave them sending nothing.
 */
export function rulesReferencing(
  db: Executor,
  workspaceId: string,
  kind: keyof typeof FIELDS,
  value: string,
): Promise<RuleReference[]> {
  const matches = sql.join(
    FIELDS[kind].map((field) => sql`a ->> ${field} = ${value}`),
    sql` or `,
  )
  return queryRows<RuleReference>(
    db,
    sql`select r.key, r.name from rules r
        where r.workspace_id = ${workspaceId}
          and exists (select 1 from jsonb_array_elements(r.definition -> 'actions') a where ${matches})
        order by r.key`,
  )
}

/** "welcome (Welcome), vip_offer (VIP offer)": how a refusal names the rules in the way. */
export const ruleList = (refs: RuleReference[]) => refs.map((r) => `${r.key} (${r.name})`).join(', ')
