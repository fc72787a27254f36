import { inArray, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { type Contact, contacts } from '../db/schema'
import { windowOpenUntil } from '../outbound/policy'
import type { SendingPolicy } from '../outbound/policy-settings'

/** A field's value in CRM-neutral form: datetimes as ms since epoch, tags as sorted keys. */
export type FieldValue = string | number | boolean | string[] | null

export interface ContactSnapshot {
  contact: Contact
  tags: string[]
}

export async function loadSnapshots(
  db: Executor,
  contactIds: string[],
): Promise<Map<string, ContactSnapshot>> {
  const out = new Map<string, ContactSnapshot>()
  if (contactIds.length === 0) return out
  const rows = await db.select().from(contacts).where(inArray(contacts.id, contactIds))
  for (const contact of rows) out.set(contact.id, { contact, tags: [] })
  const tagRows = await queryRows<{ contact_id: string; key: string }>(
    db,
    sql`select ct.contact_id, t.key from contact_tags ct join tags t on t.id = ct.tag_id
         where ct.contact_id in (select jsonb_array_elements_text(${JSON.stringify(contactIds)}::jsonb)::uuid)
         order by t.key`,
  )
  for (const r of tagRows) out.get(r.contact_id)?.tags.push(r.key)
  return out
}

const ms = (d: Date | null) => (d ? d.getTime() : null)
const attr = (c: Contact, key: string): FieldValue => {
  const v = c.attributes?.[key]
  return v === undefined || v === null || v === '' ? null : String(v)
}

/** Our current value of every CRM field for one contact. */
export function fieldValues(
  snapshot: ContactSnapshot,
  policy: Pick<SendingPolicy, 'window_hours'>,
  now: Date,
): Record<string, FieldValue> {
  const c = snapshot.contact
  return {
    wa_phone: c.phoneE164,
    first_name: attr(c, 'first_name'),
    last_name: attr(c, 'last_name'),
    email: c.email,
    last_inbound_at: ms(c.lastInboundAt),
    last_outbound_at: ms(c.lastOutboundAt),
    messages_30d: c.messages30d,
    inquiry_frequency: c.inquiryFrequency === null ? null : round(c.inquiryFrequency, 2),
    tags: [...snapshot.tags].sort(),
    segment: c.segment,
    priority: c.priority,
    last_intent: c.lastIntent,
    sentiment: c.sentiment === null ? null : round(c.sentiment, 3),
    activity_score: c.activityScore === null ? null : round(c.activityScore, 1),
    churn_risk: c.churnRiskAt !== null,
    opt_in_status: c.optInStatus,
    median_response_seconds: c.medianResponseSeconds === null ? null : Math.round(c.medianResponseSeconds),
    window_open_until: ms(windowOpenUntil(c, policy, now)),
    customer_level: attr(c, 'customer_level'),
    lead_source: 'WhatsApp',
  }
}

/** The local time (ms) of the last write to a two-way field, for last-writer-wins. */
export function localVersion(c: Contact, field: string): number {
  const key =
    field === 'first_name' || field === 'last_name' || field === 'customer_level'
      ? `attributes.${field}`
      : field
  return c.fieldVersions?.[key] ?? c.createdAt.getTime()
}

function round(n: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i])
  return (a ?? null) === (b ?? null)
}
