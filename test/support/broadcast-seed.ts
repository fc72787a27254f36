import { sql } from 'drizzle-orm'
import { queryRows } from '../../backend/src/db/query-rows'
import type { TestRuntime } from './test-runtime'

export interface SeededContact {
  id: string
  waId: string
}

/**
 * `n` contacts of the admin's workspace (or `workspaceId`) with WhatsApp numbers `<prefix>NNNNN`,
 * tagged `tag` through the API (as an agent tags them), optionally in a segment. None of them
 * wrote, so every send to them is business-initiated.
 */
export async function seedTaggedContacts(
  rt: TestRuntime,
  opts: { n: number; prefix: string; tag: string; segment?: string; key?: string; workspaceId?: string },
): Promise<SeededContact[]> {
  const workspaceId =
    opts.workspaceId ??
    (await queryRows<{ id: string }>(rt.db.db, sql`select id from workspaces order by created_at limit 1`))[0]
      ?.id
  const rows = await queryRows<{ id: string; wa_id: string }>(
    rt.db.db,
    sql`insert into contacts (workspace_id, phone_e164, wa_id, segment)
        select ${workspaceId}::uuid, '+' || ${opts.prefix} || lpad(g::text, 5, '0'),
               ${opts.prefix} || lpad(g::text, 5, '0'), ${opts.segment ?? null}
        from generate_series(1, ${opts.n}) g returning id, wa_id`,
  )
  for (const r of rows) {
    const res = await rt.api(`/api/v1/contacts/${r.id}/tags`, {
      method: 'POST',
      key: opts.key,
      json: { key: opts.tag },
    })
    if (res.status !== 200) throw new Error(`tagging answered ${res.status}: ${await res.text()}`)
  }
  return rows.map((r) => ({ id: r.id, waId: r.wa_id }))
}
