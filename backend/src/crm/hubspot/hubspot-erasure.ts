import type { ErasureOutcome, RecordErasure } from '../port'
import { statusOf } from './hubspot-errors'
import type { HubspotHttp } from './hubspot-http'
import { HUBSPOT_GROUP, MESSAGE_ID_PROPERTY, TASK_ID_PROPERTY } from './hubspot-properties'

/** Set on a record HubSpot had before us when the person is erased here: a list or workflow can pick it up. */
export const ERASURE_MARKER_PROPERTY = 'scrm_erasure_requested_at'

/** HubSpot's batch archive takes 100 ids a call. */
const ARCHIVE_BATCH = 100

/**
 * An erased person's HubSpot contact. Our communications and tasks on it go first (they hold the
 * person's words; HubSpot keeps engagements a deleted contact leaves behind): the associated ones
 * carrying our id property are archived. Then a contact our upsert created is removed with
 * HubSpot's GDPR delete (`POST /crm/v3/objects/contacts/gdpr-delete`, the SDK's `purge`), which
 * also blocks the email from coming back; one HubSpot had is kept, our properties emptied and
 * `scrm_erasure_requested_at` set, for the portal's own privacy process. A 404 means gone already.
 */
export async function eraseHubspotRecord(http: HubspotHttp, erasure: RecordErasure): Promise<ErasureOutcome> {
  let activitiesRemoved = 0
  for (const [objectType, idProperty] of [
    ['communications', MESSAGE_ID_PROPERTY],
    ['tasks', TASK_ID_PROPERTY],
  ] as const) {
    activitiesRemoved += await archiveOurActivities(http, erasure.recordId, objectType, idProperty)
  }
  try {
    if (erasure.action === 'delete') {
      const client = await http.sdk()
      await http.beforeRequest('default')
      await client.crm.contacts.basicApi.purge({ objectId: erasure.recordId })
      return { outcome: 'deleted', activitiesRemoved }
    }
    await ensureMarkerProperty(http)
    const properties: Record<string, string> = Object.fromEntries(erasure.clearProperties.map((p) => [p, '']))
    properties[ERASURE_MARKER_PROPERTY] = String(Date.now())
    await http.json('PATCH', `/crm/v3/objects/contacts/${encodeURIComponent(erasure.recordId)}`, {
      properties,
    })
    return { outcome: 'marked', activitiesRemoved }
  } catch (error) {
    if (statusOf(error) === 404) return { outcome: 'already_gone', activitiesRemoved }
    throw error
  }
}

/** Archives the record's associated objects of one type that carry our id (the ones we logged). */
async function archiveOurActivities(
  http: HubspotHttp,
  contactId: string,
  objectType: 'communications' | 'tasks',
  idProperty: string,
): Promise<number> {
  const associated: string[] = []
  let after: string | undefined
  do {
    const page = await http
      .json<{
        results: { toObjectId: number | string }[]
        paging?: { next?: { after?: string } }
      }>(
        'GET',
        `/crm/v4/objects/contacts/${encodeURIComponent(contactId)}/associations/${objectType}?limit=500` +
          (after ? `&after=${encodeURIComponent(after)}` : ''),
      )
      .catch((error: unknown) => {
        if (statusOf(error) === 404) return { results: [], paging: undefined }
        throw error
      })
    associated.push(...page.results.map((r) => String(r.toObjectId)))
    after = page.paging?.next?.after
  } while (after)
  let removed = 0
  for (let i = 0; i < associated.length; i += ARCHIVE_BATCH) {
    const ids = associated.slice(i, i + ARCHIVE_BATCH)
    const read = await http.json<{ results: { id: string; properties: Record<string, string | null> }[] }>(
      'POST',
      `/crm/v3/objects/${objectType}/batch/read`,
      { inputs: ids.map((id) => ({ id })), properties: [idProperty] },
    )
    // Only what we logged: a rep's own notes and tasks on the record are theirs to keep or delete.
    const ours = read.results.filter((r) => r.properties?.[idProperty]).map((r) => r.id)
    if (ours.length === 0) continue
    await http.json('POST', `/crm/v3/objects/${objectType}/batch/archive`, {
      inputs: ours.map((id) => ({ id })),
    })
    removed += ours.length
  }
  return removed
}

/** Accounts (one client each) whose marker property is known to exist, so it is checked once per process. */
const markerReady = new WeakSet<HubspotHttp>()

/** The marker is created the first time a matched record is erased (one read per process, then nothing). */
async function ensureMarkerProperty(http: HubspotHttp): Promise<void> {
  if (markerReady.has(http)) return
  try {
    await http.json('GET', `/crm/v3/properties/contacts/${ERASURE_MARKER_PROPERTY}`)
    markerReady.add(http)
    return
  } catch (error) {
    if (statusOf(error) !== 404) throw error
  }
  try {
    await http.json('POST', '/crm/v3/properties/contacts', {
      name: ERASURE_MARKER_PROPERTY,
      label: 'WhatsApp erasure requested',
      description:
        'Set when the person asked the WhatsApp SCRM to erase them: our data was removed from this record; ' +
        'delete the record with HubSpot’s privacy tools if nothing else keeps it.',
      groupName: HUBSPOT_GROUP.name,
      type: 'datetime',
      fieldType: 'date',
    })
  } catch (error) {
    // Another process created it meanwhile.
    if (statusOf(error) !== 409) throw error
  }
  markerReady.add(http)
}
