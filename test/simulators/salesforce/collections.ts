/**
 * sObject Collections: `POST /composite/sobjects` (create), `PATCH /composite/sobjects` (update by
 * Id, mixed types) and `PATCH /composite/sobjects/{SObject}/{ExternalIdField}` (upsert by an
 * External ID, API 46+). At most 200 records; `allOrNone` rolls every record back when one fails.
 * Per-record results: `{ id, success, errors: [{ statusCode, message, fields }], created? }`.
 */
import type { RecordError, SimAnswer } from './errors'
import { sfError } from './errors'
import { isRecord } from './http'
import { type Org, RequestError, type WriteOutcome } from './org'
import type { FieldValue, SimRecord } from './types'

export const MAX_RECORDS = 200

type Mode = { kind: 'create' } | { kind: 'update' } | { kind: 'upsert'; sobject: string; extIdField: string }

interface Planned {
  sobject: string
  values: Record<string, FieldValue>
  existing: SimRecord | undefined
  refused?: RecordError[]
}

const ROLLED_BACK: RecordError = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
}

export function collectionWrite(
  org: Org,
  body: unknown,
  mode: Mode,
  userId: string,
): SimAnswer & { records: number } {
  if (!isRecord(body) || !Array.isArray(body.records))
    return {
      ...sfError(400, 'INVALID_FIELD', 'Records are required for the sObject collection.'),
      records: 0,
    }
  const records = body.records as unknown[]
  if (records.length > MAX_RECORDS)
    return {
      ...sfError(
        400,
        'EXCEEDED_ID_LIMIT',
        `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`,
      ),
      records: records.length,
    }
  const allOrNone = body.allOrNone === true
  const planned: Planned[] = []
  try {
    for (const raw of records) {
      if (!isRecord(raw) || !isRecord(raw.attributes) || typeof raw.attributes.type !== 'string')
        throw new RequestError(400, 'INVALID_TYPE', 'Each record needs attributes.type.')
      const sobject = raw.attributes.type
      const { attributes: _a, ...values } = raw as Record<string, FieldValue> & { attributes: unknown }
      if (mode.kind === 'upsert' && sobject !== mode.sobject)
        throw new RequestError(
          400,
          'INVALID_TYPE',
          `Record type ${sobject} does not match ${mode.sobject} in the URL.`,
        )
      org.checkFields(sobject, values)
      planned.push(plan(org, sobject, values, mode))
    }
  } catch (error) {
    if (!(error instanceof RequestError)) throw error
    return { ...sfError(error.status, error.errorCode, error.message, error.fields), records: records.length }
  }
  // With allOrNone, every record is validated first and nothing is written when one fails.
  if (allOrNone) {
    const dry = planned.map((p) => p.refused ?? dryErrors(org, p, userId))
    if (dry.some((e) => e !== null)) {
      return {
        status: 200,
        body: dry.map((errors) => ({ id: null, success: false, errors: errors ?? [ROLLED_BACK] })),
        records: records.length,
      }
    }
  }
  const results = planned.map((p) => {
    if (p.refused) return { id: p.existing?.Id ?? null, success: false, errors: p.refused }
    const outcome: WriteOutcome = org.write(p.sobject, withoutId(p.values), p.existing, userId)
    if (!outcome.ok) return { id: p.existing?.Id ?? null, success: false, errors: outcome.errors }
    return {
      id: outcome.id,
      success: true,
      errors: [],
      ...(mode.kind === 'upsert' ? { created: outcome.created } : {}),
    }
  })
  return { status: 200, body: results, records: records.length }
}

function plan(org: Org, sobject: string, values: Record<string, FieldValue>, mode: Mode): Planned {
  if (mode.kind === 'create') {
    if (values.Id || values.id)
      return {
        sobject,
        values,
        existing: undefined,
        refused: [err('INVALID_FIELD', 'cannot specify Id in an insert call', ['Id'])],
      }
    return { sobject, values, existing: undefined }
  }
  if (mode.kind === 'update') {
    const id = String(values.Id ?? values.id ?? '')
    const existing = id ? org.find(sobject, id) : undefined
    if (!existing)
      return {
        sobject,
        values,
        existing: undefined,
        refused: [
          err(
            id ? 'ENTITY_IS_DELETED' : 'MISSING_ARGUMENT',
            id ? 'entity is deleted' : 'Id not specified in an update call',
            [],
          ),
        ],
      }
    return { sobject, values, existing }
  }
  const key = values[mode.extIdField]
  if (typeof key !== 'string' || key === '')
    return {
      sobject,
      values,
      existing: undefined,
      refused: [err('MISSING_ARGUMENT', `${mode.extIdField} not specified`, [mode.extIdField])],
    }
  const matches = org.holders(sobject, mode.extIdField, key)
  if (matches.length > 1)
    return {
      sobject,
      values,
      existing: undefined,
      refused: [
        err(
          'DUPLICATE_EXTERNAL_ID',
          `${mode.extIdField}: more than one record found for external id field: [${matches.map((m) => m.Id).join(', ')}]`,
          [mode.extIdField],
        ),
      ],
    }
  return { sobject, values, existing: matches[0] }
}

/** What a write would refuse, without writing (allOrNone's first pass). */
function dryErrors(org: Org, p: Planned, userId: string): RecordError[] | null {
  // An update is tried on a copy; a create is written and taken back.
  const copy = p.existing ? { ...p.existing } : undefined
  const outcome = org.write(p.sobject, withoutId(p.values), copy, userId)
  if (!outcome.ok) return outcome.errors
  if (outcome.created) org.discard(p.sobject, outcome.id)
  return null
}

function withoutId(values: Record<string, FieldValue>): Record<string, FieldValue> {
  const { Id: _i, id: _j, ...rest } = values
  return rest
}

const err = (statusCode: string, message: string, fields: string[]): RecordError => ({
  statusCode,
  message,
  fields,
})

/**
 * `DELETE /composite/sobjects?ids=a,b[&allOrNone=true]`: at most 200 ids of any types, moved to
 * the recycle bin; per-id results in request order (`ENTITY_IS_DELETED` for an id that is gone).
 */
export function collectionDelete(org: Org, idsParam: string | undefined, allOrNone: boolean): SimAnswer {
  const ids = (idsParam ?? '').split(',').filter(Boolean)
  if (ids.length === 0) return sfError(400, 'MISSING_ARGUMENT', 'ids parameter is required')
  if (ids.length > MAX_RECORDS)
    return sfError(400, 'EXCEEDED_ID_LIMIT', `cannot delete more than ${MAX_RECORDS} records in one call`)
  const found = ids.map((id) => ({ id, sobject: org.typeOfId(id) }))
  const live = found.map((f) => (f.sobject && org.find(f.sobject, f.id) ? f.sobject : undefined))
  const failed = live.some((s) => !s)
  const results = found.map((f, i) => {
    if (!live[i])
      return {
        id: f.id,
        success: false,
        errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }],
      }
    if (allOrNone && failed) return { id: f.id, success: false, errors: [ROLLED_BACK] }
    org.remove(live[i] as string, f.id)
    return { id: f.id, success: true, errors: [] }
  })
  return { status: 200, body: results }
}
