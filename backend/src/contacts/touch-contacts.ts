import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'

/** A message as the contact's activity times see it. */
export interface ContactMessage {
  contactId: string
  direction: 'inbound' | 'outbound'
  type: string
  sentAt: Date
}

/** Moves last inbound / outbound times forward; the 24 h window is read from them. */
export async function touchContacts(tx: Executor, msgs: ContactMessage[]): Promise<void> {
  const latest = new Map<string, { id: string; inbound: number | null; outbound: number | null }>()
  for (const m of msgs) {
    if (m.type === 'reaction' && m.direction === 'outbound') continue
    const id = m.contactId
    const row = latest.get(id) ?? { id, inbound: null, outbound: null }
    const t = m.sentAt.getTime()
    if (m.direction === 'inbound') row.inbound = Math.max(row.inbound ?? 0, t)
    else row.outbound = Math.max(row.outbound ?? 0, t)
    latest.set(id, row)
  }
  if (latest.size === 0) return
  const rows = [...latest.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => ({
      id: r.id,
      inbound: r.inbound === null ? null : new Date(r.inbound).toISOString(),
      outbound: r.outbound === null ? null : new Date(r.outbound).toISOString(),
    }))
  await tx.execute(sql`
    update contacts c set
      last_inbound_at = greatest(c.last_inbound_at, v.inbound),
      last_outbound_at = greatest(c.last_outbound_at, v.outbound),
      updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, inbound timestamptz, outbound timestamptz)
    where c.id = v.id`)
}
