import { sql } from 'drizzle-orm'
import { queryRows } from '../../backend/src/db/query-rows'
import type { TestRuntime } from '../support/test-runtime'

/**
 * Makes two contacts an exact-identity duplicate (the same email) and merges them through the
 * API the way a reviewer does, `survivor` kept. The email is set in the database and taken out
 * of the CRM queue, so the CRM records stay as the sync wrote them (two records, two numbers).
 */
export async function mergeContacts(
  rt: TestRuntime,
  survivor: string,
  absorbed: string,
): Promise<{ id: string }> {
  const email = `same-${survivor.slice(0, 8)}@example.com`
  await rt.db.db.execute(sql`update contacts set email = ${email} where id in (${survivor}, ${absorbed})`)
  await rt.db.db.execute(
    sql`delete from crm_outbox where kind = 'contact' and subject_id in (${survivor}, ${absorbed})`,
  )
  const scan = await rt.api('/api/v1/duplicates/scan', { method: 'POST' })
  if (scan.status !== 200) throw new Error(`scan answered ${scan.status}: ${await scan.text()}`)
  const list = (await (await rt.api(`/api/v1/duplicates?contact_id=${survivor}`)).json()).duplicates as {
    id: string
  }[]
  const pair = list.find((d) => JSON.stringify(d).includes(absorbed))
  if (!pair) throw new Error('the two contacts were not proposed as duplicates')
  const res = await rt.api(`/api/v1/duplicates/${pair.id}/merge`, {
    method: 'POST',
    json: { survivor_id: survivor },
  })
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`merge answered ${res.status}: ${await res.text()}`)
  return res.json()
}

export async function undoMerge(rt: TestRuntime, mergeId: string): Promise<number> {
  return (await rt.api(`/api/v1/merges/${mergeId}/undo`, { method: 'POST' })).status
}

export interface RecordReviewItem {
  reason: string
  local_value: string
  remote_value: string
  crm_merged: string | null
  code: string | null
}

/** Review items about which CRM record a person is (`field = 'record'`), oldest first. */
export async function recordItems(rt: TestRuntime, connectionId: string): Promise<RecordReviewItem[]> {
  return queryRows<RecordReviewItem>(
    rt.db.db,
    sql`select detail->>'reason' as reason, local_value #>> '{}' as local_value,
               remote_value #>> '{}' as remote_value, detail->>'crm_merged' as crm_merged, detail->>'code' as code
          from crm_review_items where connection_id = ${connectionId} and field = 'record'
         order by created_at, id`,
  )
}

export async function linksOf(
  rt: TestRuntime,
  contactIds: string[],
): Promise<{ contact_id: string; record_id: string; role: string }[]> {
  return queryRows(
    rt.db.db,
    sql`select contact_id, record_id, role from crm_record_links
         where contact_id in (select jsonb_array_elements_text(${JSON.stringify(contactIds)}::jsonb)::uuid)
         order by record_id, contact_id`,
  )
}

export async function crmMergeOutcomes(
  rt: TestRuntime,
  mergeId: string,
): Promise<
  { outcome: string; primary_record_id: string; merged_record_id: string; result_record_id: string | null }[]
> {
  return queryRows(
    rt.db.db,
    sql`select outcome, primary_record_id, merged_record_id, result_record_id from crm_record_merges where merge_id = ${mergeId}`,
  )
}
