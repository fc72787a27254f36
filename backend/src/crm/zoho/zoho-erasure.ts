import type { ErasureOutcome, RecordErasure } from '../port'
import type { ZohoConnector, ZohoElement } from './zoho-connector'
import { ZohoApiError } from './zoho-http'

/** Tag put on a record the org had when the person is erased here (Zoho tags: ≤ 25 characters). */
export const ERASURE_TAG = 'WA erasure requested'

/** The day notes we write (`noteTitle` in zoho-notes.ts): only these are ours to delete. */
const OUR_NOTE = /^WhatsApp \d{4}-\d{2}-\d{2}( \(\d+\))?$/
/** Zoho deletes at most 100 ids a call. */
const DELETE_BATCH = 100

/**
 * An erased person's Zoho Contact or Lead. Our day notes (they hold the person's words) and the
 * Tasks we wrote (`WA_Task_Key` set) go first. Then a record our upsert created is deleted
 * (`DELETE /{module}?ids=`, to Zoho's recycle bin, which it empties after 60 days); one the org
 * had is kept: our fields emptied, the workspace's tags taken off, and the tag
 * "WA erasure requested" put on, so the org's own privacy process can find it (a tag is a list
 * view filter in every edition, where a custom field may not fit). A record no longer there is done.
 */
export async function eraseZohoRecord(
  connector: ZohoConnector,
  erasure: RecordErasure,
): Promise<ErasureOutcome> {
  const module = await connector.moduleOfRecord(erasure.recordId)
  if (!module) return { outcome: 'already_gone', activitiesRemoved: 0 }
  const id = erasure.recordId
  const notes = await connector.http.call<{ data?: { id: string | number; Note_Title?: string | null }[] }>({
    method: 'GET',
    path: `/${module}/${id}/Notes?fields=Note_Title&per_page=200`,
  })
  let activitiesRemoved = await deleteIds(
    connector,
    'Notes',
    (notes.body?.data ?? []).filter((n) => OUR_NOTE.test(n.Note_Title ?? '')).map((n) => String(n.id)),
  )
  // A Contact is a task's Who_Id; a Lead its What_Id (zoho-tasks.ts).
  const lookup = module === 'Leads' ? 'What_Id' : 'Who_Id'
  const tasks = await connector.http.call<{ data?: { id: string | number; WA_Task_Key?: string | null }[] }>({
    method: 'GET',
    path: `/Tasks/search?criteria=(${lookup}:equals:${id})`,
  })
  activitiesRemoved += await deleteIds(
    connector,
    'Tasks',
    (tasks.body?.data ?? []).filter((t) => t.WA_Task_Key).map((t) => String(t.id)),
  )
  if (erasure.action === 'delete') {
    const [element] = await remove(connector, module, [id])
    if (element?.status === 'success') return { outcome: 'deleted', activitiesRemoved }
    if (element?.code === 'INVALID_DATA') return { outcome: 'already_gone', activitiesRemoved }
    throw refusal(element)
  }
  const types = new Map((await connector.fields(module)).map((f) => [f.api_name, f.data_type]))
  const cleared: Record<string, unknown> = { id }
  // A checkbox is never empty in Zoho: false is its cleared state. Tags are not a field here.
  for (const p of erasure.clearProperties)
    if (p !== 'Tag' && types.has(p)) cleared[p] = types.get(p) === 'boolean' ? false : null
  const [updated] = await connector.writeBatch('PUT', `/${module}`, { data: [cleared], trigger: [] })
  if (updated?.status !== 'success') {
    if (updated?.code === 'INVALID_DATA' && updated.details?.api_name === 'id')
      return { outcome: 'already_gone', activitiesRemoved }
    throw refusal(updated)
  }
  if (erasure.tagKeys.length > 0) await tagAction(connector, module, id, 'remove_tags', erasure.tagKeys)
  await tagAction(connector, module, id, 'add_tags', [ERASURE_TAG])
  return { outcome: 'marked', activitiesRemoved }
}

async function remove(connector: ZohoConnector, module: string, ids: string[]): Promise<ZohoElement[]> {
  const answer = await connector.http.call<{ data?: ZohoElement[] }>({
    method: 'DELETE',
    path: `/${module}?ids=${ids.join(',')}&wf_trigger=false`,
    credits: Math.max(1, Math.ceil(ids.length / 10)),
  })
  return answer.body?.data ?? []
}

/** Deletes ids of a module; one that is gone already counts as removed. */
async function deleteIds(connector: ZohoConnector, module: string, ids: string[]): Promise<number> {
  let removed = 0
  for (let i = 0; i < ids.length; i += DELETE_BATCH) {
    for (const element of await remove(connector, module, ids.slice(i, i + DELETE_BATCH))) {
      if (element.status === 'success' || element.code === 'INVALID_DATA') removed++
      else throw refusal(element)
    }
  }
  return removed
}

async function tagAction(
  connector: ZohoConnector,
  module: string,
  id: string,
  action: 'add_tags' | 'remove_tags',
  names: string[],
): Promise<void> {
  await connector.http.call({
    method: 'POST',
    path: `/${module}/${id}/actions/${action}`,
    body: { tags: names.map((name) => ({ name })) },
  })
}

/** An element Zoho refused, as the error the connector classifies (per-record codes are permanent there). */
function refusal(element: ZohoElement | undefined): ZohoApiError {
  return new ZohoApiError(
    400,
    element?.code ?? 'NO_ANSWER',
    element?.message ?? 'Zoho answered no element for this record',
    element?.details ?? {},
  )
}
