import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { PRIORITIES, SEGMENTS } from '../db/schema'
import type { FieldValue } from './contact-values'
import { OPT_IN_VALUES } from './fields'

const ATTRIBUTE_FIELDS = new Set(['first_name', 'last_name', 'customer_level'])

/**
 * Writes a two-way field locally with the version (ms) the value carries — the CRM's change time
 * for a CRM edit — so the field-versions trigger keeps it instead of stamping the local clock.
 * Returns false for a value the field cannot hold (an unknown segment typed in the CRM).
 */
export async function writeLocalField(
  db: Executor,
  contactId: string,
  field: string,
  value: FieldValue,
  versionMs: number,
): Promise<boolean> {
  const text = value === null || value === '' ? null : Array.isArray(value) ? value.join(';') : String(value)
  const version = (key: string) =>
    sql`field_versions = coalesce(field_versions, '{}'::jsonb) || jsonb_build_object(${key}::text, ${versionMs}::bigint)`
  if (ATTRIBUTE_FIELDS.has(field)) {
    const attrs =
      text === null
        ? sql`attributes - ${field}::text`
        : sql`attributes || jsonb_build_object(${field}::text, ${text}::text)`
    await db.execute(sql`update contacts set attributes = ${attrs}, ${version(`attributes.${field}`)}, updated_at = now()
                          where id = ${contactId}`)
    return true
  }
  switch (field) {
    case 'email':
      await db.execute(
        sql`update contacts set email = ${text}, ${version('email')}, updated_at = now() where id = ${contactId}`,
      )
      return true
    case 'segment':
      if (text !== null && !(SEGMENTS as readonly string[]).includes(text)) return false
      await db.execute(sql`update contacts set segment = ${text}, segment_at = now(),
                             segment_reason = ${JSON.stringify({ note: 'Set in the CRM' })}::jsonb,
                             ${version('segment')}, updated_at = now() where id = ${contactId}`)
      return true
    case 'priority':
      if (!(PRIORITIES as readonly string[]).includes(text ?? 'normal')) return false
      await db.execute(sql`update contacts set priority = ${text ?? 'normal'},
                             priority_reason = ${JSON.stringify({ note: 'Set in the CRM' })}::jsonb,
                             ${version('priority')}, updated_at = now() where id = ${contactId}`)
      return true
    case 'opt_in_status':
      if (!(OPT_IN_VALUES as readonly string[]).includes(text ?? 'unknown')) return false
      await db.execute(sql`update contacts set opt_in_status = ${text ?? 'unknown'}, opt_in_source = 'crm',
                             opt_in_at = now(), ${version('opt_in_status')}, updated_at = now() where id = ${contactId}`)
      return true
    case 'tags':
      await replaceTags(db, contactId, Array.isArray(value) ? value : text ? text.split(';') : [])
      await db.execute(sql`update contacts set ${version('tags')} where id = ${contactId}`)
      return true
    default:
      return false
  }
}

/** The CRM's tag list becomes the contact's: missing tags are created, others removed. */
async function replaceTags(db: Executor, contactId: string, keys: string[]): Promise<void> {
  const wanted = [...new Set(keys.map((k) => k.trim()).filter(Boolean))]
  const list = JSON.stringify(wanted)
  await db.execute(sql`
    insert into tags (workspace_id, key, label)
    select c.workspace_id, k, replace(k, '_', ' ') from contacts c, jsonb_array_elements_text(${list}::jsonb) k
     where c.id = ${contactId}
    on conflict (workspace_id, key) do nothing`)
  await db.execute(sql`
    delete from contact_tags ct using tags t
     where ct.contact_id = ${contactId} and t.id = ct.tag_id
       and not (t.key in (select jsonb_array_elements_text(${list}::jsonb)))`)
  await db.execute(sql`
    insert into contact_tags (workspace_id, contact_id, tag_id, source, reason)
    select c.workspace_id, c.id, t.id, 'crm', ${JSON.stringify({ note: 'Set in the CRM' })}::jsonb
      from contacts c join tags t on t.workspace_id = c.workspace_id
     where c.id = ${contactId} and t.key in (select jsonb_array_elements_text(${list}::jsonb))
    on conflict do nothing`)
}
