import type { ErasureOutcome, RecordErasure } from '../port'
import { personObjectOf, soqlString } from './record-types'
import type { SalesforceApiError } from './salesforce-api'
import type { SalesforceConnector } from './salesforce-connector'

/** sObject Collections delete at most 200 ids a call. */
const DELETE_BATCH = 200

/** Salesforce's answers for an id that is not (or no longer) there. */
const GONE = new Set(['ENTITY_IS_DELETED', 'NOT_FOUND', 'INVALID_CROSS_REFERENCE_KEY'])

/**
 * An erased person's Lead or Contact. Our `WA_Message__c` records and the Tasks we created (they
 * carry `WA_Task_Key__c`) are deleted first — they hold the person's words, and a lookup does not
 * take them along. Then a record our upsert created is deleted (`DELETE /sobjects/{type}/{id}`,
 * to the recycle bin, which Salesforce empties itself within 15 days); one the org had is kept,
 * our fields emptied and `WA_Erasure_Requested_At__c` set, so the org's own privacy process (a
 * report, a flow, or Individual.ShouldForget where the org uses data protection) takes it from there.
 */
export async function eraseSalesforceRecord(
  connector: SalesforceConnector,
  erasure: RecordErasure,
): Promise<ErasureOutcome> {
  const sobject = personObjectOf(erasure.recordId)
  if (!sobject) return { outcome: 'already_gone', activitiesRemoved: 0 }
  const m = connector.names.message
  const id = soqlString(erasure.recordId)
  const lookup = sobject === 'Contact' ? m.contact : m.lead
  let activitiesRemoved = await deleteWhere(connector, m.object, `${lookup} = ${id}`)
  activitiesRemoved += await deleteWhere(
    connector,
    'Task',
    `WhoId = ${id} AND ${connector.names.taskKey} != null`,
  )
  try {
    if (erasure.action === 'delete') {
      await connector.api.call((conn) => conn.sobject(sobject).destroy(erasure.recordId))
      return { outcome: 'deleted', activitiesRemoved }
    }
    const marker = connector.names.erasureRequestedAt
    await connector.requireFields(sobject, [marker])
    const types = await connector.typesOf(sobject)
    const cleared: Record<string, unknown> = { Id: erasure.recordId, [marker]: new Date().toISOString() }
    // A checkbox cannot be empty in Salesforce: false is its cleared state.
    for (const p of erasure.clearProperties)
      if (types.has(p)) cleared[p] = types.get(p) === 'bool' ? false : null
    await connector.api.call((conn) => conn.sobject(sobject).update(cleared as { Id: string }))
    return { outcome: 'marked', activitiesRemoved }
  } catch (error) {
    if (GONE.has((error as SalesforceApiError)?.errorCode ?? ''))
      return { outcome: 'already_gone', activitiesRemoved }
    throw error
  }
}

/** Deletes the records of `sobject` matching `where`; ids already gone count as removed. */
async function deleteWhere(connector: SalesforceConnector, sobject: string, where: string): Promise<number> {
  const found = await connector.api.call((conn) =>
    conn.query<{ Id: string }>(`SELECT Id FROM ${sobject} WHERE ${where}`),
  )
  const ids = found.records.map((r) => r.Id)
  let removed = 0
  for (let i = 0; i < ids.length; i += DELETE_BATCH) {
    const batch = ids.slice(i, i + DELETE_BATCH)
    const results = (await connector.api.call((conn) =>
      conn.sobject(sobject).destroy(batch, { allOrNone: false }),
    )) as { success: boolean; errors?: { statusCode: string; message: string }[] }[]
    for (const r of results) {
      const code = r.errors?.[0]?.statusCode
      if (r.success || (code && GONE.has(code))) removed++
      else throw Object.assign(new Error(r.errors?.[0]?.message ?? 'delete refused'), { errorCode: code })
    }
  }
  return removed
}
