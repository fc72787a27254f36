/**
 * The batch create / read / update / upsert endpoints of CRM objects with HubSpot's semantics: ≤ 100
 * inputs, no duplicate ids, and a batch with an invalid input failing as a whole unless every input
 * carries an `objectWriteTraceId` (then valid inputs are written and the answer is 207 with
 * `errors[]`). Ids that do not exist are always reported per input.
 */

import type { Link } from './associations'
import { batchAnswer, batchError } from './batch'
import { duplicateIds, notFound, type SimAnswer, validationError } from './errors'
import { isRecord } from './http'
import { applyCreate, applyUpdate, lookup, type Plan, planCreate } from './object-ops'
import { type ObjectTypeDef, readNames } from './object-types'
import { type Portal, type StoredRecord, toSimRecord } from './portal'
import { checkValue } from './property-values'
import type { SimulatorState } from './state'
import { type Claims, checkProperties, claim, uniqueClash, type Values } from './writes'

const traceOf = (input: unknown): string | undefined =>
  isRecord(input) && typeof input.objectWriteTraceId === 'string' ? input.objectWriteTraceId : undefined

/** Multi-status (partial success) is on only when every input carries an objectWriteTraceId. */
const multiStatus = (inputs: unknown[]) => inputs.length > 0 && inputs.every((i) => traceOf(i) !== undefined)

function inputError(answer: SimAnswer, input: unknown): Record<string, unknown> {
  const trace = traceOf(input)
  return batchError(answer, trace ? { objectWriteTraceId: [trace] } : {})
}

export function batchCreate(
  state: SimulatorState,
  portal: Portal,
  def: ObjectTypeDef,
  inputs: unknown[],
): SimAnswer {
  const startedAt = new Date().toISOString()
  const claims: Claims = new Map()
  const plans = inputs.map((input, i): Plan => {
    if (!isRecord(input)) return { ok: false, answer: validationError(`Invalid input at index ${i}`) }
    const plan = planCreate(portal, def, input, claims)
    if (plan.ok) claim(claims, portal, def.name, plan.values, `(input ${i} of this batch)`)
    return plan
  })
  const partial = multiStatus(inputs)
  const firstError = plans.find((p) => !p.ok)
  if (firstError && !firstError.ok && !partial) return firstError.answer
  const results: unknown[] = []
  const errors: unknown[] = []
  for (const [i, plan] of plans.entries()) {
    if (!plan.ok) {
      errors.push(inputError(plan.answer, inputs[i]))
      continue
    }
    const record = applyCreate(state, portal, def, plan.values, plan.links)
    const trace = traceOf(inputs[i])
    results.push({ ...toSimRecord(record), ...(trace ? { objectWriteTraceId: trace } : {}) })
  }
  return batchAnswer(201, results, errors, startedAt)
}

export function batchRead(
  portal: Portal,
  def: ObjectTypeDef,
  inputs: unknown[],
  requested: string[] | undefined,
  idProperty: string,
  archived: boolean,
): SimAnswer {
  const startedAt = new Date().toISOString()
  if (idProperty !== 'hs_object_id' && !portal.property(def.name, idProperty)?.hasUniqueValue) {
    return validationError(`${idProperty} is not a unique property of ${def.name}`)
  }
  const names = readNames(def, requested)
  const results = new Map<string, unknown>()
  const missing: string[] = []
  for (const input of inputs) {
    const id = isRecord(input) ? String(input.id ?? '') : ''
    const record = lookup(portal, def, id, idProperty, archived)
    if (!record) missing.push(id)
    else results.set(record.id, toSimRecord(record, names))
  }
  const errors = missing.length
    ? [
        {
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message: `Could not get some ${def.singular.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
          context: { ids: missing },
        },
      ]
    : []
  return batchAnswer(200, [...results.values()], errors, startedAt)
}

export function batchUpdate(
  state: SimulatorState,
  portal: Portal,
  def: ObjectTypeDef,
  inputs: unknown[],
): SimAnswer {
  const startedAt = new Date().toISOString()
  const ids = inputs.map((i) => (isRecord(i) ? String(i.id ?? '') : ''))
  const dupes = duplicates(ids)
  if (dupes.length) return duplicateIds(dupes)
  const claims: Claims = new Map()
  type UpdatePlan =
    | { ok: true; record: StoredRecord; values: Values }
    | { ok: false; answer: SimAnswer; final: boolean }
  const plans = inputs.map((input, i): UpdatePlan => {
    const idProperty = isRecord(input) && typeof input.idProperty === 'string' ? input.idProperty : undefined
    const record = lookup(portal, def, ids[i], idProperty)
    if (!record) {
      return {
        ok: false,
        final: false,
        answer: {
          status: 404,
          body: {
            category: 'OBJECT_NOT_FOUND',
            message: 'Object not found.  objectId are usually numeric.',
            context: { id: [ids[i]] },
          },
        },
      }
    }
    const checked = checkProperties(portal, def.name, isRecord(input) ? input.properties : undefined, false)
    if (!checked.ok) return { ok: false, final: true, answer: checked.answer }
    const clash = uniqueClash(portal, def.name, checked.values, record.id, claims)
    if (clash) return { ok: false, final: true, answer: clash }
    claim(claims, portal, def.name, checked.values, record.id)
    return { ok: true, record, values: checked.values }
  })
  const firstInvalid = plans.find((p) => !p.ok && p.final)
  if (firstInvalid && !firstInvalid.ok && !multiStatus(inputs)) return firstInvalid.answer
  const results: unknown[] = []
  const errors: unknown[] = []
  for (const [i, plan] of plans.entries()) {
    if (!plan.ok) {
      errors.push(inputError(plan.answer, inputs[i]))
      continue
    }
    applyUpdate(state, portal, plan.record, plan.values)
    const trace = traceOf(inputs[i])
    results.push({ ...toSimRecord(plan.record), ...(trace ? { objectWriteTraceId: trace } : {}) })
  }
  return batchAnswer(200, results, errors, startedAt)
}

export function batchUpsert(
  state: SimulatorState,
  portal: Portal,
  def: ObjectTypeDef,
  inputs: unknown[],
): SimAnswer {
  const startedAt = new Date().toISOString()
  const keys: string[] = []
  for (const [i, input] of inputs.entries()) {
    if (!isRecord(input) || input.id === undefined || input.id === null || input.id === '') {
      return validationError(`Invalid input at index ${i}: "id" is required`)
    }
    const idProperty = typeof input.idProperty === 'string' ? input.idProperty : 'hs_object_id'
    const prop = portal.property(def.name, idProperty)
    if (!prop)
      return validationError(`Property "${idProperty}" does not exist`, {
        context: { propertyName: [idProperty] },
      })
    if (!prop.hasUniqueValue && idProperty !== 'hs_object_id') {
      return validationError(
        `${idProperty} is not a unique identifier property for ${def.name}; use a property with hasUniqueValue`,
        {
          context: { propertyName: [idProperty] },
        },
      )
    }
    const normalised = idProperty === 'hs_object_id' ? String(input.id) : checkValue(prop, input.id)
    keys.push(
      typeof normalised === 'string'
        ? normalised
        : normalised.ok
          ? (normalised.value ?? '')
          : String(input.id),
    )
  }
  const dupes = duplicates(keys)
  if (dupes.length) return duplicateIds(dupes)

  type UpsertPlan =
    | { ok: true; record?: StoredRecord; values: Values; links: Link[] }
    | { ok: false; answer: SimAnswer }
  const claims: Claims = new Map()
  const plans = inputs.map((raw, i): UpsertPlan => {
    const input = raw as Record<string, unknown>
    const idProperty = typeof input.idProperty === 'string' ? input.idProperty : 'hs_object_id'
    const existing = portal.findByUnique(def.name, idProperty, keys[i])
    if (existing) {
      const checked = checkProperties(portal, def.name, input.properties, false)
      if (!checked.ok) return checked
      const clash = uniqueClash(portal, def.name, checked.values, existing.id, claims)
      if (clash) return { ok: false, answer: clash }
      claim(claims, portal, def.name, checked.values, existing.id)
      return { ok: true, record: existing, values: checked.values, links: [] }
    }
    if (idProperty === 'hs_object_id')
      return { ok: false, answer: notFound(`No ${def.singular} with id ${keys[i]} exists`) }
    const properties = { [idProperty]: input.id, ...(isRecord(input.properties) ? input.properties : {}) }
    const plan = planCreate(portal, def, { properties }, claims)
    if (plan.ok) claim(claims, portal, def.name, plan.values, `(input ${i} of this batch)`)
    return plan
  })
  const firstError = plans.find((p) => !p.ok)
  if (firstError && !firstError.ok && !multiStatus(inputs)) return firstError.answer
  const results: unknown[] = []
  const errors: unknown[] = []
  for (const [i, plan] of plans.entries()) {
    if (!plan.ok) {
      errors.push(inputError(plan.answer, inputs[i]))
      continue
    }
    let record = plan.record
    if (record) applyUpdate(state, portal, record, plan.values)
    else record = applyCreate(state, portal, def, plan.values, plan.links)
    const trace = traceOf(inputs[i])
    results.push({
      ...toSimRecord(record),
      new: !plan.record,
      ...(trace ? { objectWriteTraceId: trace } : {}),
    })
  }
  return batchAnswer(200, results, errors, startedAt)
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>()
  const dupes = new Set<string>()
  for (const v of values) (seen.has(v) ? dupes : seen).add(v)
  return [...dupes]
}
