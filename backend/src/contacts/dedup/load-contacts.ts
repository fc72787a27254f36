import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import type { RawContact } from './build-profile'

/** Attribute keys (from CRM fields or an admin) that hold a phone, an address or a store. */
const PHONE_KEY = /(phone|mobile|whatsapp|tel)/i
const ADDRESS_KEY = /^(address|street|address_line_?1|billing_address|shipping_address)$/i
const STORE_KEY = /^(store|store_name|preferred_store|shop)$/i

/**
 * Every contact of a workspace as the duplicate finder reads it, in a few set-wise queries,
 * plus the region that national numbers are read in (the workspace's first WhatsApp number's).
 */
export async function loadRawContacts(
  db: Executor,
  workspaceId: string,
): Promise<{ contacts: RawContact[]; region?: string }> {
  const [rows, history, interests, links, channel] = await Promise.all([
    queryRows<{
      id: string
      name: string | null
      profile_name: string | null
      phone_e164: string | null
      bsuid: string | null
      email: string | null
      attributes: Record<string, unknown>
    }>(
      db,
      sql`select id, name, profile_name, phone_e164, bsuid, email, attributes from contacts
           where workspace_id = ${workspaceId} order by id`,
    ),
    queryRows<{ contact_id: string; kind: string; previous_value: string }>(
      db,
      sql`select contact_id, kind, previous_value from contact_identity_history where workspace_id = ${workspaceId}`,
    ),
    queryRows<{ contact_id: string; sku: string; last_at: string }>(
      db,
      sql`select contact_id, sku, last_at from contact_interests where workspace_id = ${workspaceId}`,
    ),
    queryRows<{ contact_id: string; record: string }>(
      db,
      sql`select l.contact_id, l.connection_id || ':' || l.object_type || ':' || l.record_id as record
            from crm_record_links l join contacts c on c.id = l.contact_id
           where c.workspace_id = ${workspaceId} and l.role is distinct from 'deleted'`,
    ),
    queryRows<{ default_region: string }>(
      db,
      sql`select default_region from whatsapp_channels where workspace_id = ${workspaceId} order by created_at limit 1`,
    ),
  ])
  const group = <T extends { contact_id: string }>(list: T[]) => {
    const map = new Map<string, T[]>()
    for (const item of list) map.set(item.contact_id, [...(map.get(item.contact_id) ?? []), item])
    return map
  }
  const historyOf = group(history)
  const interestsOf = group(interests)
  const linksOf = group(links)
  const contacts = rows.map((r): RawContact => {
    const attributes = Object.entries(r.attributes ?? {}).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 0,
    )
    const previous = historyOf.get(r.id) ?? []
    return {
      id: r.id,
      name: r.name,
      profileName: r.profile_name,
      phone: r.phone_e164,
      typedPhones: attributes.filter(([k]) => PHONE_KEY.test(k)).map(([, v]) => v),
      previousPhones: previous.filter((h) => h.kind === 'phone').map((h) => h.previous_value),
      bsuids: [r.bsuid, ...previous.filter((h) => h.kind === 'bsuid').map((h) => h.previous_value)].filter(
        (v): v is string => Boolean(v),
      ),
      email: r.email,
      crmRecords: (linksOf.get(r.id) ?? []).map((l) => l.record),
      skus: (interestsOf.get(r.id) ?? []).map((i) => ({ sku: i.sku, at: new Date(i.last_at).getTime() })),
      address: attributes.find(([k]) => ADDRESS_KEY.test(k))?.[1] ?? null,
      store: attributes.find(([k]) => STORE_KEY.test(k))?.[1] ?? null,
    }
  })
  return { contacts, region: channel[0]?.default_region }
}
