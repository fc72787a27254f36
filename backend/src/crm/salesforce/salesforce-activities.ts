import type { MessageWrite, TaskWrite, WriteResult } from '../port'
import { personObjectOf, soqlString } from './record-types'
import type { SalesforceConnector } from './salesforce-connector'
import { type SaveResult, toWriteResults } from './salesforce-results'

const BODY_MAX = 32_768
const URL_MAX = 255
const SUBJECT_MAX = 255
const DESCRIPTION_MAX = 32_000
const PRIORITY = { low: 'Low', medium: 'Normal', high: 'High' } as const

/**
 * Messages as `WA_Message__c` records upserted by our message key (the External ID), so a write
 * repeated after a lost answer updates the same record: jsforce never retries a PATCH, and we may.
 * The lookup is `WA_Contact__c` or `WA_Lead__c` by the record's id prefix.
 */
export async function logSalesforceMessages(
  connector: SalesforceConnector,
  inputs: MessageWrite[],
): Promise<WriteResult[]> {
  if (inputs.length === 0) return []
  const m = connector.names.message
  await connector.requireFields(m.object, [
    m.key,
    m.contact,
    m.lead,
    m.direction,
    m.body,
    m.sentAt,
    m.mediaUrl,
    m.status,
  ])
  const refused: WriteResult[] = []
  const sendable: MessageWrite[] = []
  for (const input of inputs) {
    if (personObjectOf(input.recordId)) sendable.push(input)
    else
      refused.push({
        ref: input.ref,
        ok: false,
        error: {
          kind: 'permanent',
          code: 'NOT_A_PERSON',
          message: `${input.recordId} is not a Contact or Lead id`,
        },
      })
  }
  const records = sendable.map((input) => {
    const onContact = personObjectOf(input.recordId) === 'Contact'
    return {
      [m.key]: input.externalId,
      [m.contact]: onContact ? input.recordId : null,
      [m.lead]: onContact ? null : input.recordId,
      [m.direction]: input.direction,
      [m.body]: input.body.slice(0, BODY_MAX),
      [m.sentAt]: input.at.toISOString(),
      [m.mediaUrl]: mediaUrl(input.mediaUrl),
      [m.status]: input.direction === 'inbound' ? 'received' : 'sent',
    }
  })
  const answer =
    records.length > 0
      ? ((await connector.api.call((conn) =>
          conn.sobject(m.object).upsert(records, m.key, { allOrNone: false }),
        )) as SaveResult[])
      : []
  const written = toWriteResults(
    sendable.map((i) => i.ref),
    answer,
  )
  const byRef = new Map([...written, ...refused].map((r) => [r.ref, r]))
  return inputs.map((i) => byRef.get(i.ref) as WriteResult)
}

/** Only http(s) links that fit the URL field; anything else is left out rather than refused. */
function mediaUrl(url: string | null): string | null {
  if (!url || url.length > URL_MAX) return null
  try {
    const u = new URL(url)
    return u.protocol === 'https:' || u.protocol === 'http:' ? url : null
  } catch {
    return null
  }
}

/**
 * Follow-ups as Tasks on the person. Upsert by an External ID on Task is not documented, so the
 * Task key field is queried first (one call): known tasks are updated by Id, new ones created —
 * a create repeated after a lost answer finds its task by the key and does not duplicate it.
 */
export async function upsertSalesforceTasks(
  connector: SalesforceConnector,
  inputs: TaskWrite[],
): Promise<WriteResult[]> {
  if (inputs.length === 0) return []
  const key = connector.names.taskKey
  await connector.requireFields('Task', [
    key,
    'WhoId',
    'Subject',
    'Description',
    'ActivityDate',
    'Priority',
    'Status',
  ])
  const list = inputs.map((i) => soqlString(i.ref)).join(', ')
  const existing = await connector.api.call((conn) =>
    conn.query<Record<string, string>>(`SELECT Id, ${key} FROM Task WHERE ${key} IN (${list})`),
  )
  const idOf = new Map(existing.records.map((r) => [r[key], r.Id]))
  const fields = (t: TaskWrite) => ({
    WhoId: t.recordId,
    Subject: t.title.slice(0, SUBJECT_MAX),
    Description: t.body.slice(0, DESCRIPTION_MAX),
    ActivityDate: t.dueAt.toISOString().slice(0, 10),
    Priority: PRIORITY[t.priority],
    Status: t.done ? 'Completed' : 'Not Started',
    [key]: t.ref,
  })
  const fresh = inputs.filter((t) => !idOf.has(t.ref))
  const known = inputs.filter((t) => idOf.has(t.ref))
  const results: WriteResult[] = []
  if (fresh.length > 0) {
    const answer = (await connector.api.call((conn) =>
      conn.sobject('Task').create(fresh.map(fields), { allOrNone: false }),
    )) as SaveResult[]
    results.push(
      ...toWriteResults(
        fresh.map((t) => t.ref),
        answer,
      ).map((r) => (r.ok ? { ...r, created: true } : r)),
    )
  }
  if (known.length > 0) {
    const answer = (await connector.api.call((conn) =>
      conn.sobject('Task').update(
        known.map((t) => ({ Id: idOf.get(t.ref) as string, ...fields(t) })),
        { allOrNone: false },
      ),
    )) as SaveResult[]
    results.push(
      ...toWriteResults(
        known.map((t) => t.ref),
        answer,
      ).map((r) => (r.ok ? { ...r, created: false } : r)),
    )
  }
  const byRef = new Map(results.map((r) => [r.ref, r]))
  return inputs.map((i) => byRef.get(i.ref) as WriteResult)
}
