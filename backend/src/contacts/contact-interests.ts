import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import type { ClassifiedMessage } from './contact-insights'

/** Products each contact asked about: mentions counted once per new message. */
export async function recordInterests(tx: Executor, msgs: ClassifiedMessage[]): Promise<void> {
  const rows = new Map<
    string,
    {
      workspace_id: string
      contact_id: string
      sku: string
      mentions: number
      first_at: string
      last_at: string
    }
  >()
  for (const m of msgs) {
    const products = m.insights.products
    if (products.length === 0) continue
    const contactId = m.contactId
    const at = m.sentAt.toISOString()
    for (const sku of products) {
      const key = `${contactId}|${sku}`
      const row = rows.get(key) ?? {
        workspace_id: m.workspaceId,
        contact_id: contactId,
        sku,
        mentions: 0,
        first_at: at,
        last_at: at,
      }
      row.mentions += 1
      if (at < row.first_at) row.first_at = at
      if (at > row.last_at) row.last_at = at
      rows.set(key, row)
    }
  }
  if (rows.size === 0) return
  const values = [...rows.values()].sort((a, b) =>
    `${a.contact_id}${a.sku}`.localeCompare(`${b.contact_id}${b.sku}`),
  )
  await tx.execute(sql`
    insert into contact_interests (workspace_id, contact_id, sku, mentions, first_at, last_at)
    select * from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
      as v(workspace_id uuid, contact_id uuid, sku text, mentions int, first_at timestamptz, last_at timestamptz)
    on conflict (contact_id, sku) do update set
      mentions = contact_interests.mentions + excluded.mentions,
      first_at = least(contact_interests.first_at, excluded.first_at),
      last_at = greatest(contact_interests.last_at, excluded.last_at)`)
}
