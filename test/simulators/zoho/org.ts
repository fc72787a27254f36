/**
 * One Zoho CRM org: its modules' records and fields, the tag catalogue, notification channels,
 * rolling credits and calls in flight. Writes follow Zoho's per-record rules and answer the
 * `data[]` element shape; every change queues the callbacks of matching channels.
 */
import { randomInt } from 'node:crypto'
import {
  apiNameOf,
  CUSTOM_TYPES,
  invalidValue,
  MODULES,
  nextFieldId,
  standardFields,
  zohoTime,
} from './schema'
import type { DataCentre, Edition, FieldValue, SimChannel, SimFieldMeta, SimRecord } from './types'
import { EDITIONS } from './types'

export interface ElementAnswer {
  code: string
  details: Record<string, unknown>
  message: string
  status: 'success' | 'error'
  action?: 'insert' | 'update'
  duplicate_field?: string | null
}

export interface Change {
  module: string
  operation: 'insert' | 'update' | 'delete'
  id: string
  affected: string[]
}

let idSeq = 5_725_767_000_000_100n
export const nextId = () => {
  idSeq += BigInt(randomInt(1, 9))
  return String(idSeq)
}

const ok = (
  id: string,
  record: SimRecord,
  action: 'insert' | 'update',
  duplicate_field: string | null = null,
): ElementAnswer => ({
  code: 'SUCCESS',
  duplicate_field,
  action,
  details: {
    id,
    Modified_Time: record.Modified_Time,
    Created_Time: record.Created_Time,
    Modified_By: record.Modified_By,
    Created_By: record.Created_By,
  },
  message: action === 'insert' ? 'record added' : 'record updated',
  status: 'success',
})

export const elementError = (
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): ElementAnswer => ({
  code,
  details,
  message,
  status: 'error',
})

export class Org {
  readonly modules = new Map<string, Map<string, SimRecord>>()
  readonly schema = new Map<string, SimFieldMeta[]>()
  readonly tagCatalog = new Map<string, Map<string, { id: string; name: string; color_code: string }>>()
  readonly channels = new Map<string, SimChannel>()
  readonly locked = new Set<string>()
  /** module → field → lower-cased value → record ids: unique checks and upsert matching without scans. */
  readonly #index = new Map<string, Map<string, Map<string, Set<string>>>>()
  readonly changes: Change[] = []
  /** Credits spent, with when (rolling 24 h). */
  spent: { at: number; cost: number }[] = []
  creditLimit: number
  inFlight = 0
  peak = 0
  readonly concurrency: number

  constructor(
    readonly orgId: string,
    readonly dc: DataCentre,
    readonly userId: string,
    readonly edition: Edition,
    users: number,
  ) {
    const e = EDITIONS[edition]
    const perUser = { free: 0, standard: 250, professional: 500, enterprise: 1000, ultimate: 2000 }[edition]
    this.creditLimit = e.credits + perUser * users
    this.concurrency = e.concurrency
    for (const m of MODULES) {
      this.modules.set(m, new Map())
      this.schema.set(m, standardFields(m))
    }
  }

  /** While set, every record change is stamped at this instant (a busy second, as tests need it). */
  heldClock: number | null = null

  clock(): number {
    return this.heldClock ?? Date.now()
  }

  get user() {
    return { id: this.userId, name: 'Integration Admin', email: `admin@${this.orgId}.example` }
  }

  creditsUsed(now = Date.now()): number {
    this.spent = this.spent.filter((s) => now - s.at < 86_400_000)
    return this.spent.reduce((n, s) => n + s.cost, 0)
  }

  table(module: string): Map<string, SimRecord> {
    const t = this.modules.get(module)
    if (!t) throw new Error(`no module ${module}`)
    return t
  }

  fields(module: string): SimFieldMeta[] {
    return this.schema.get(module) ?? []
  }

  /** `POST /settings/fields?module=`: custom fields, within the edition's limit. */
  createField(module: string, input: Record<string, unknown>): ElementAnswer {
    const label = typeof input.field_label === 'string' ? input.field_label.trim() : ''
    const type = String(input.data_type ?? '')
    if (!label)
      return elementError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'field_label' })
    if (!CUSTOM_TYPES.has(type))
      return elementError('INVALID_DATA', 'invalid data', {
        api_name: 'data_type',
        expected_data_type: [...CUSTOM_TYPES],
      })
    const fields = this.fields(module)
    const api_name = apiNameOf(label)
    if (fields.some((x) => x.api_name === api_name || x.field_label === label))
      return elementError('DUPLICATE_DATA', 'duplicate data', { api_name: 'field_label' })
    const limit = EDITIONS[this.edition].customFields
    if (fields.filter((x) => x.custom_field).length >= limit)
      return elementError('LIMIT_EXCEEDED', 'custom field limit exceeded', {
        limit,
        limit_due_to: ['edition'],
      })
    const meta: SimFieldMeta = {
      id: nextFieldId(),
      api_name,
      field_label: label,
      display_label: label,
      data_type: type,
      custom_field: true,
      read_only: false,
      field_read_only: false,
      ...(typeof input.length === 'number'
        ? { length: input.length }
        : type === 'text'
          ? { length: 255 }
          : {}),
      ...(input.unique ? { unique: { casesensitive: false } } : {}),
      ...(Array.isArray(input.pick_list_values)
        ? {
            pick_list_values: (
              input.pick_list_values as { display_value: string; actual_value?: string }[]
            ).map((p) => ({
              display_value: p.display_value,
              actual_value: p.actual_value ?? p.display_value,
            })),
          }
        : {}),
    }
    fields.push(meta)
    return {
      code: 'SUCCESS',
      details: { id: meta.id, api_name },
      message: 'field created',
      status: 'success',
    }
  }

  /** `PATCH /settings/fields/{id}`: picklist values are added (Zoho keeps existing ones). */
  updateField(module: string, id: string, input: Record<string, unknown>): ElementAnswer {
    const field = this.fields(module).find((x) => x.id === id)
    if (!field) return elementError('INVALID_DATA', 'the id given seems to be invalid', { api_name: 'id' })
    if (Array.isArray(input.pick_list_values)) {
      const list = field.pick_list_values ?? []
      for (const p of input.pick_list_values as { display_value: string; actual_value?: string }[])
        if (!list.some((x) => x.actual_value === (p.actual_value ?? p.display_value)))
          list.push({ display_value: p.display_value, actual_value: p.actual_value ?? p.display_value })
      field.pick_list_values = list
    }
    return { code: 'SUCCESS', details: { id }, message: 'field updated', status: 'success' }
  }

  /** Validates the values of one record; the first problem as a data[] error, or null. */
  #check(module: string, input: SimRecord, index: number, inserting: boolean): ElementAnswer | null {
    const fields = this.fields(module)
    for (const [key, value] of Object.entries(input)) {
      if (key === 'id' || key === 'Tag' || key === '$se_module') continue
      const field = fields.find((x) => x.api_name === key)
      if (!field)
        return elementError('INVALID_DATA', 'invalid field', {
          api_name: key,
          json_path: `$.data[${index}].${key}`,
        })
      if (field.data_type === 'lookup') continue
      const problem = invalidValue(field, value)
      if (problem)
        return elementError('INVALID_DATA', `invalid data: ${problem}`, {
          api_name: key,
          json_path: `$.data[${index}].${key}`,
          expected_data_type: field.data_type,
        })
    }
    if (inserting)
      for (const field of fields.filter((x) => x.system_mandatory))
        if (
          input[field.api_name] === undefined ||
          input[field.api_name] === null ||
          input[field.api_name] === ''
        )
          return elementError('MANDATORY_NOT_FOUND', 'required field not found', {
            api_name: field.api_name,
            json_path: `$.data[${index}].${field.api_name}`,
          })
    if (Array.isArray(input.Tag))
      for (const t of input.Tag as { name?: unknown }[])
        if (typeof t?.name !== 'string' || t.name.length === 0 || t.name.length > 25)
          return elementError('INVALID_DATA', 'tag name must be 1 to 25 characters', {
            api_name: 'Tag',
            json_path: `$.data[${index}].Tag`,
          })
    return null
  }

  #byValue(module: string, field: string): Map<string, Set<string>> {
    let fields = this.#index.get(module)
    if (!fields) {
      fields = new Map()
      this.#index.set(module, fields)
    }
    let values = fields.get(field)
    if (!values) {
      values = new Map()
      for (const [id, r] of this.table(module)) addTo(values, keyOf(r[field]), id)
      fields.set(field, values)
    }
    return values
  }

  /** Ids of the module's records whose `field` equals `value` (case-insensitive). */
  idsWith(module: string, field: string, value: FieldValue): string[] {
    return [...(this.#byValue(module, field).get(keyOf(value)) ?? [])]
  }

  #reindex(
    module: string,
    id: string,
    field: string,
    before: FieldValue | undefined,
    after: FieldValue | undefined,
  ): void {
    const values = this.#index.get(module)?.get(field)
    if (!values) return
    values.get(keyOf(before))?.delete(id)
    if (after !== undefined) addTo(values, keyOf(after), id)
  }

  #uniqueClash(module: string, input: SimRecord, selfId: string | null, index: number): ElementAnswer | null {
    for (const field of this.fields(module).filter((x) => x.unique || x.api_name === 'Email')) {
      const v = input[field.api_name]
      if (v === undefined || v === null || v === '') continue
      if (field.api_name === 'Email' && module !== 'Contacts') continue
      for (const id of this.idsWith(module, field.api_name, v))
        if (id !== selfId)
          return elementError('DUPLICATE_DATA', 'duplicate data', {
            api_name: field.api_name,
            json_path: `$.data[${index}].${field.api_name}`,
            id,
            module: { api_name: module },
          })
    }
    return null
  }

  /** Applies values; returns the API names whose value changed. */
  #apply(module: string, record: SimRecord, input: SimRecord, by: 'api' | 'ui', now: number): string[] {
    const changed: string[] = []
    for (const [key, value] of Object.entries(input)) {
      if (key === 'id') continue
      if (key === 'Tag') {
        const names = ((value ?? []) as { name: string }[]).map((t) => t.name)
        const before = ((record.Tag ?? []) as { name: string }[]).map((t) => t.name)
        record.Tag = names.map((name) => ({ id: this.#tag(module, name).id, name }))
        if ([...before].sort().join('|') !== [...names].sort().join('|')) changed.push('Tag')
        continue
      }
      if (JSON.stringify(record[key] ?? null) !== JSON.stringify(value)) changed.push(key)
      this.#reindex(module, String(record.id), key, record[key], value)
      record[key] = value
    }
    if (changed.length > 0 || !record.Created_Time) {
      record.Modified_Time = zohoTime(now)
      record.Modified_By = by === 'api' ? this.user : { id: `${this.userId}9`, name: 'Sales Rep' }
    }
    return changed
  }

  #tag(module: string, name: string) {
    const catalog = this.tagCatalog.get(module) ?? new Map()
    this.tagCatalog.set(module, catalog)
    const tag = catalog.get(name.toLowerCase()) ?? { id: nextId(), name, color_code: '#57B1FD' }
    catalog.set(name.toLowerCase(), tag)
    return tag
  }

  insert(module: string, input: SimRecord, index: number, by: 'api' | 'ui' = 'api'): ElementAnswer {
    const problem = this.#check(module, input, index, true) ?? this.#uniqueClash(module, input, null, index)
    if (problem) return problem
    const now = this.clock()
    const id = nextId()
    const record: SimRecord = { id, Created_Time: zohoTime(now), Created_By: by === 'api' ? this.user : null }
    this.#apply(module, record, input, by, now)
    this.table(module).set(id, record)
    this.changes.push({ module, operation: 'insert', id, affected: [] })
    return ok(id, record, 'insert')
  }

  update(
    module: string,
    id: string,
    input: SimRecord,
    index: number,
    by: 'api' | 'ui' = 'api',
    dupField: string | null = null,
  ): ElementAnswer {
    const record = this.table(module).get(id)
    if (!record)
      return elementError('INVALID_DATA', 'the related id given seems to be invalid', {
        api_name: 'id',
        json_path: `$.data[${index}].id`,
      })
    if (this.locked.has(id))
      return elementError('RECORD_LOCKED', 'cannot update record that is locked', {
        id,
        json_path: `$.data[${index}]`,
      })
    const problem = this.#check(module, input, index, false) ?? this.#uniqueClash(module, input, id, index)
    if (problem) return problem
    const changed = this.#apply(module, record, input, by, this.clock())
    if (changed.length > 0) this.changes.push({ module, operation: 'update', id, affected: changed })
    return ok(id, record, 'update', dupField)
  }

  /** Upsert: the first duplicate-check field holding the record's value picks the record to update. */
  upsert(module: string, input: SimRecord, index: number, checkFields: string[]): ElementAnswer {
    const fields = checkFields.length
      ? checkFields
      : this.fields(module)
          .filter((x) => x.unique || x.api_name === 'Email')
          .map((x) => x.api_name)
    for (const name of fields) {
      const v = input[name]
      if (v === undefined || v === null || v === '') continue
      const [id] = this.idsWith(module, name, v)
      if (id) return this.update(module, id, input, index, 'api', name)
    }
    return this.insert(module, input, index)
  }

  delete(module: string, id: string): boolean {
    const record = this.table(module).get(id)
    if (!record || !this.table(module).delete(id)) return false
    for (const [field, values] of this.#index.get(module) ?? []) values.get(keyOf(record[field]))?.delete(id)
    this.changes.push({ module, operation: 'delete', id, affected: [] })
    return true
  }

  /**
   * Zoho's Merge Records: the master keeps its id and values, takes the child's values where it
   * has none, gains the child's tags, and the
   * child's notes and tasks; the child is deleted (its callback is a plain `delete`, Zoho sends
   * no merge marker). `by` says whose change it is (the Modified_By of the master).
   */
  merge(module: string, masterId: string, childId: string, by: 'api' | 'ui' = 'api'): ElementAnswer {
    const table = this.table(module)
    const master = table.get(masterId)
    const child = table.get(childId)
    if (!master)
      return elementError('INVALID_DATA', 'the id given seems to be invalid', { resource_path_index: 1 })
    if (!child || childId === masterId)
      return elementError('INVALID_DATA', 'the related id given seems to be invalid', {
        api_name: 'id',
        json_path: '$.merge[0].data[0].id',
      })
    const tags = [...new Set([...tagNames(master), ...tagNames(child)])]
    // Fields the master has empty take the child's value (unique ones too, once the child is gone).
    const fills: SimRecord = {}
    for (const [key, value] of Object.entries(child))
      if (!SYSTEM_FIELDS.has(key) && key !== 'Tag' && value !== null && value !== '' && empty(master[key]))
        fills[key] = value
    this.#repoint(childId, masterId)
    this.delete(module, childId)
    this.update(module, masterId, { ...fills, Tag: tags.map((name) => ({ name })) }, 0, by)
    return {
      code: 'SUCCESS',
      details: { id: masterId },
      message: 'Records merged successfully',
      status: 'success',
    }
  }

  /**
   * Zoho's Convert Lead: a Contact is created from the Lead's fields that Contacts also has (or
   * the Lead is attached to the existing Contact named), the Lead's notes and tasks move to it,
   * tags only when `carry_over_tags` asks, and the Lead leaves the Leads module (a `delete`
   * callback there, an `insert` one in Contacts).
   */
  convertLead(
    leadId: string,
    options: { contactId?: string; carryOverTags?: boolean } = {},
    by: 'api' | 'ui' = 'api',
  ): ElementAnswer {
    const lead = this.table('Leads').get(leadId)
    if (!lead) return elementError('INVALID_DATA', 'invalid data', { resource_path_index: 1 })
    let contactId = options.contactId
    if (contactId && !this.table('Contacts').has(contactId))
      return elementError('INVALID_DATA', 'invalid data', {
        api_name: 'id',
        json_path: '$.data[0].Contacts.id',
      })
    if (!contactId) {
      const contactFields = new Set(this.fields('Contacts').map((f) => f.api_name))
      const values: SimRecord = {}
      for (const [key, value] of Object.entries(lead))
        if (contactFields.has(key) && !SYSTEM_FIELDS.has(key) && value !== null && value !== undefined)
          values[key] = value
      if (options.carryOverTags) values.Tag = tagNames(lead).map((name) => ({ name }))
      else delete values.Tag
      const created = this.insert('Contacts', values, 0, by)
      if (created.status !== 'success') return created
      contactId = String(created.details.id)
    }
    this.delete('Leads', leadId)
    this.#repoint(leadId, contactId)
    return {
      code: 'SUCCESS',
      details: { Contacts: { id: contactId }, Accounts: null, Deals: null },
      message: 'The record has been converted successfully',
      status: 'success',
    }
  }

  /** Notes and tasks of one person's record now belong to another. */
  #repoint(fromId: string, toId: string): void {
    for (const note of this.table('Notes').values()) {
      const parent = note.Parent_Id as { id?: string } | undefined
      if (parent?.id === fromId) note.Parent_Id = { ...parent, id: toId }
    }
    for (const task of this.table('Tasks').values())
      for (const key of ['Who_Id', 'What_Id'])
        if ((task[key] as { id?: string } | undefined)?.id === fromId)
          task[key] = { ...(task[key] as object), id: toId }
  }

  tagsOf(module: string) {
    return [...(this.tagCatalog.get(module)?.values() ?? [])]
  }
}

const keyOf = (v: FieldValue | undefined): string =>
  v === undefined || v === null ? '' : typeof v === 'string' ? v.toLowerCase() : JSON.stringify(v)

function addTo(values: Map<string, Set<string>>, key: string, id: string): void {
  if (key === '') return
  const ids = values.get(key) ?? new Set<string>()
  ids.add(id)
  values.set(key, ids)
}

const SYSTEM_FIELDS = new Set([
  'id',
  'Created_Time',
  'Created_By',
  'Modified_Time',
  'Modified_By',
  'Company',
  'Lead_Status',
])
const empty = (v: unknown) => v === undefined || v === null || v === ''
const tagNames = (r: SimRecord): string[] => ((r.Tag ?? []) as { name: string }[]).map((t) => t.name)
