import type { MessageWrite, TaskWrite, WriteResult } from '../port'
import { missingResult } from './hubspot-batch-results'
import { classifyHubspotError } from './hubspot-errors'
import type { HubspotHttp } from './hubspot-http'
import { MESSAGE_ID_PROPERTY, TASK_ID_PROPERTY } from './hubspot-properties'

/** HubSpot-defined association types (see `AssociationTypes` in @hubspot/api-client). */
const COMMUNICATION_TO_CONTACT = 81
const TASK_TO_CONTACT = 204

/**
 * One create call per batch, with the contact association in it. Every communication carries our
 * unique message id, so after a crash the same batch is refused as duplicate and written with
 * an upsert by that id plus associations instead (two calls, only on that rare path).
 */
export async function logHubspotMessages(http: HubspotHttp, inputs: MessageWrite[]): Promise<WriteResult[]> {
  const rows = inputs.map((m) => ({
    ref: m.ref,
    key: m.externalId,
    recordId: m.recordId,
    properties: {
      [MESSAGE_ID_PROPERTY]: m.externalId,
      hs_communication_channel_type: 'WHATS_APP',
      hs_communication_logged_from: 'CRM',
      hs_communication_body: messageBody(m),
      hs_timestamp: String(m.at.getTime()),
    },
  }))
  return createOrUpsert(http, 'communications', MESSAGE_ID_PROPERTY, COMMUNICATION_TO_CONTACT, rows)
}

export async function upsertHubspotTasks(http: HubspotHttp, inputs: TaskWrite[]): Promise<WriteResult[]> {
  const rows = inputs.map((t) => ({
    ref: t.ref,
    key: t.ref,
    recordId: t.recordId,
    properties: {
      [TASK_ID_PROPERTY]: t.ref,
      hs_task_subject: t.title,
      hs_task_body: t.body,
      hs_timestamp: String(t.dueAt.getTime()),
      hs_task_status: t.done ? 'COMPLETED' : 'NOT_STARTED',
      hs_task_priority: t.priority.toUpperCase(),
      hs_task_type: 'TODO',
    },
  }))
  return createOrUpsert(http, 'tasks', TASK_ID_PROPERTY, TASK_TO_CONTACT, rows)
}

async function createOrUpsert(
  http: HubspotHttp,
  objectType: 'communications' | 'tasks',
  idProperty: string,
  associationTypeId: number,
  rows: { ref: string; key: string; recordId: string; properties: Record<string, string> }[],
): Promise<WriteResult[]> {
  if (rows.length === 0) return []
  try {
    const answer = await http.json<{ results: { id: string; properties: Record<string, string> }[] }>(
      'POST',
      `/crm/v3/objects/${objectType}/batch/create`,
      {
        inputs: rows.map((r) => ({
          properties: r.properties,
          associations: [
            {
              to: { id: r.recordId },
              types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId }],
            },
          ],
        })),
      },
    )
    const byKey = new Map(answer.results.map((r) => [r.properties[idProperty], r.id]))
    return rows.map((r) => {
      const id = byKey.get(r.key)
      return id
        ? { ref: r.ref, ok: true as const, recordId: id, created: true }
        : { ref: r.ref, ok: false as const, error: missingResult() }
    })
  } catch (error) {
    const classified = classifyHubspotError(error)
    if (classified.kind !== 'permanent') throw error
  }
  // Some of them exist already (a retried batch): upsert by our id, then associate.
  const upserted = await http.json<{
    results: { id: string; properties: Record<string, string>; new?: boolean }[]
    errors?: { message: string; context?: { objectWriteTraceId?: string[] } }[]
  }>('POST', `/crm/v3/objects/${objectType}/batch/upsert`, {
    inputs: rows.map((r) => ({
      id: r.key,
      idProperty,
      objectWriteTraceId: r.ref,
      properties: r.properties,
    })),
  })
  const byKey = new Map(upserted.results.map((r) => [r.properties[idProperty], r.id]))
  const isNew = new Map(upserted.results.map((r) => [r.properties[idProperty], r.new]))
  const ok = rows.filter((r) => byKey.has(r.key))
  if (ok.length > 0) {
    await http.json('POST', `/crm/v4/associations/${objectType}/contacts/batch/create`, {
      inputs: ok.map((r) => ({
        from: { id: byKey.get(r.key) },
        to: { id: r.recordId },
        types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId }],
      })),
    })
  }
  return rows.map((r) => {
    const id = byKey.get(r.key)
    if (id) {
      const created = isNew.get(r.key)
      return typeof created === 'boolean'
        ? { ref: r.ref, ok: true as const, recordId: id, created }
        : { ref: r.ref, ok: true as const, recordId: id }
    }
    const err = upserted.errors?.find((e) => e.context?.objectWriteTraceId?.includes(r.ref))
    return {
      ref: r.ref,
      ok: false as const,
      error: err
        ? { kind: 'permanent' as const, code: 'VALIDATION_ERROR', message: err.message }
        : missingResult(),
    }
  })
}

function messageBody(m: MessageWrite): string {
  if (m.dayLog) return m.body
  const who = m.direction === 'inbound' ? 'Customer' : 'Us'
  const media = m.mediaUrl ? `\n${m.mediaUrl}` : ''
  return `${who}: ${m.body}${media}`
}
