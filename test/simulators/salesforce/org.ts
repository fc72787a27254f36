/**
 * One org's data: records per sObject (live and in the recycle bin), its schema, validation rules
 * and the rolling API usage. Writes check what Salesforce checks for the fields the connector
 * sends: unknown fields, restricted picklists, unique / external id values, required fields,
 * validation rules, converted Leads.
 */
import type { RecordError } from './errors'
import { type IdSequence, KEY_PREFIX } from './ids'
import { defaultSchema, type SfField } from './schema'
import type { FieldValue, SimRecord, SimValidationRule } from './types'

/** Salesforce's datetime format in answers: milliseconds always 000 and +0000. */
export function sfDateTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}.000+0000`
}

export type WriteOutcome = { ok: true; id: string; created: boolean } | { ok: false; errors: RecordError[] }

/** A request-level refusal (the whole call fails, e.g. an unknown field). */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields?: string[],
  ) {
    super(message)
  }
}

const recordError = (statusCode: string, message: string, fields: string[] = []): RecordError => ({
  statusCode,
  message,
  fields,
})

export class Org {
  readonly schema: Map<string, SfField[]> = defaultSchema()
  readonly live = new Map<string, Map<string, SimRecord>>()
  readonly deleted = new Map<string, Map<string, SimRecord>>()
  readonly rules: SimValidationRule[] = []
  used = 0
  /**
   * Data and file storage allocations in MB (a Developer Edition's 5 and 20 by default, as in
   * Salesforce's own `/limits` example), and whether the API user may see them ("Manage Users").
   */
  storage = { dataMb: 5, fileMb: 20, visible: true }
  #lastStamp = 0
  /** Set: every change is stamped this instant (as if all of them fell in one second of the org's clock). */
  heldClock: number | null = null
  /** Unique and External ID values → record id, per `sobject.field` (lookups stay O(1) at 10,000s of records). */
  readonly #unique = new Map<string, Map<string, string>>()

  constructor(
    readonly orgId: string,
    readonly userId: string,
    readonly sandbox: boolean,
    public limit: number,
    private readonly ids: IdSequence,
  ) {}

  /** Data storage used, as Salesforce counts most records: 2 KB each, live or in the recycle bin. */
  dataStorageUsedMb(): number {
    let records = 0
    for (const t of this.live.values()) records += t.size
    for (const t of this.deleted.values()) records += t.size
    return (records * 2) / 1024
  }

  fields(sobject: string): SfField[] {
    const fields = this.schema.get(sobject)
    if (!fields) throw new RequestError(404, 'NOT_FOUND', `The requested resource does not exist`)
    return fields
  }

  field(sobject: string, name: string): SfField | undefined {
    return this.fields(sobject).find((f) => f.name.toLowerCase() === name.toLowerCase())
  }

  table(sobject: string): Map<string, SimRecord> {
    this.fields(sobject)
    let t = this.live.get(sobject)
    if (!t) {
      t = new Map()
      this.live.set(sobject, t)
    }
    return t
  }

  bin(sobject: string): Map<string, SimRecord> {
    let t = this.deleted.get(sobject)
    if (!t) {
      t = new Map()
      this.deleted.set(sobject, t)
    }
    return t
  }

  /** Strictly increasing modification times, so two writes never share a stamp order by accident. */
  /** Takes back a record a dry run created. */
  discard(sobject: string, id: string): void {
    const record = this.table(sobject).get(id)
    if (record) this.#reindex(sobject, record, null)
    this.table(sobject).delete(id)
  }

  stamp(): string {
    const now = this.heldClock ?? Math.max(Date.now(), this.#lastStamp)
    this.#lastStamp = now
    return sfDateTime(now)
  }

  typeOfId(id: string): string | undefined {
    const prefix = id.slice(0, 3)
    return Object.entries(KEY_PREFIX).find(([, p]) => p === prefix)?.[0]
  }

  find(sobject: string, id: string): SimRecord | undefined {
    const t = this.table(sobject)
    return t.get(id) ?? (id.length === 15 ? [...t.values()].find((r) => r.Id.startsWith(id)) : undefined)
  }

  #norm(f: SfField, v: string): string {
    return f.caseSensitive ? v : v.toLowerCase()
  }

  #index(sobject: string, f: SfField): Map<string, string> {
    const key = `${sobject}.${f.name}`
    let m = this.#unique.get(key)
    if (!m) {
      m = new Map()
      for (const r of this.table(sobject).values()) {
        const v = r[f.name]
        if (typeof v === 'string' && v !== '') m.set(this.#norm(f, v), r.Id)
      }
      this.#unique.set(key, m)
    }
    return m
  }

  /** Live records whose unique / External ID field holds this value. */
  holders(sobject: string, fieldName: string, value: string): SimRecord[] {
    const f = this.field(sobject, fieldName)
    if (!f) return []
    if (!f.unique && !f.externalId)
      return [...this.table(sobject).values()].filter((r) => {
        const v = r[f.name]
        return typeof v === 'string' && v.toLowerCase() === value.toLowerCase()
      })
    const id = this.#index(sobject, f).get(this.#norm(f, value))
    const record = id ? this.table(sobject).get(id) : undefined
    return record ? [record] : []
  }

  #reindex(sobject: string, before: SimRecord | null, after: SimRecord | null): void {
    for (const f of this.fields(sobject).filter((x) => x.unique || x.externalId)) {
      const m = this.#index(sobject, f)
      const old = before?.[f.name]
      if (typeof old === 'string' && old !== '' && m.get(this.#norm(f, old)) === before?.Id)
        m.delete(this.#norm(f, old))
      const now = after?.[f.name]
      if (after && typeof now === 'string' && now !== '') m.set(this.#norm(f, now), after.Id)
    }
  }

  /** Checks the field names of a write; an unknown or read-only one refuses the whole request. */
  checkFields(sobject: string, values: Record<string, unknown>): void {
    for (const name of Object.keys(values)) {
      if (name === 'attributes' || name === 'Id' || name === 'id') continue
      const f = this.field(sobject, name)
      if (!f)
        throw new RequestError(
          400,
          'INVALID_FIELD',
          `No such column '${name}' on sobject of type ${sobject}`,
          [name],
        )
      if (f.system || f.formula)
        throw new RequestError(
          400,
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
          [name],
        )
    }
  }

  /** Validates and applies one record write; `existing` is the record being updated. */
  write(
    sobject: string,
    values: Record<string, FieldValue>,
    existing: SimRecord | undefined,
    byUserId: string,
  ): WriteOutcome {
    const errors: RecordError[] = []
    const fields = this.fields(sobject)
    const clean: Record<string, FieldValue> = {}
    for (const [name, raw] of Object.entries(values)) {
      if (name === 'attributes' || name === 'Id' || name === 'id') continue
      const f = this.field(sobject, name) as SfField
      const value = coerce(f, raw)
      if (value === undefined) {
        errors.push(
          recordError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${f.label}: value not of required type: ${raw}`, [
            f.name,
          ]),
        )
        continue
      }
      if (value !== null && (f.type === 'picklist' || f.type === 'multipicklist') && f.restrictedPicklist) {
        const bad = String(value)
          .split(';')
          .filter((v) => !(f.picklistValues ?? []).includes(v))
        if (bad.length > 0)
          errors.push(
            recordError(
              'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
              `${f.label}: bad value for restricted picklist field: ${bad.join(';')}`,
              [f.name],
            ),
          )
      }
      if (typeof value === 'string' && f.length && f.type !== 'picklist' && value.length > f.length)
        errors.push(
          recordError(
            'STRING_TOO_LONG',
            `${f.label}: data value too large: ${value.slice(0, 40)} (max length=${f.length})`,
            [f.name],
          ),
        )
      clean[f.name] = value
    }
    if (existing && sobject === 'Lead' && existing.IsConverted === true)
      errors.push(recordError('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead', []))
    const merged: Record<string, FieldValue> = { ...(existing ?? {}), ...clean }
    if (!existing) {
      const missing = fields.filter(
        (f) =>
          f.required && (merged[f.name] === undefined || merged[f.name] === null || merged[f.name] === ''),
      )
      if (missing.length > 0)
        errors.push(
          recordError(
            'REQUIRED_FIELD_MISSING',
            `Required fields are missing: [${missing.map((f) => f.name).join(', ')}]`,
            missing.map((f) => f.name),
          ),
        )
    }
    for (const f of fields.filter((f) => f.unique)) {
      const v = clean[f.name]
      if (typeof v !== 'string' || v === '') continue
      const same = (x: FieldValue) =>
        typeof x === 'string' && (f.caseSensitive ? x === v : x.toLowerCase() === v.toLowerCase())
      const holder = [...this.table(sobject).values()].find(
        (r) => r.Id !== existing?.Id && same(r[f.name] ?? null),
      )
      if (holder)
        errors.push(
          recordError(
            'DUPLICATE_VALUE',
            `duplicate value found: ${f.name} duplicates value on record with id: ${holder.Id}`,
            [f.name],
          ),
        )
    }
    for (const rule of this.rules.filter((r) => r.sobject === sobject)) {
      const v = merged[rule.field]
      if (v !== undefined && v !== null && new RegExp(rule.pattern).test(String(v)))
        errors.push(recordError('FIELD_CUSTOM_VALIDATION_EXCEPTION', rule.message, [rule.field]))
    }
    if (errors.length > 0) return { ok: false, errors }
    return { ok: true, ...this.#apply(sobject, clean, existing, byUserId) }
  }

  #apply(
    sobject: string,
    clean: Record<string, FieldValue>,
    existing: SimRecord | undefined,
    byUserId: string,
  ): { id: string; created: boolean } {
    const at = this.stamp()
    if (existing) {
      const before = { ...existing }
      Object.assign(existing, clean, { LastModifiedDate: at, SystemModstamp: at, LastModifiedById: byUserId })
      if (this.table(sobject).get(existing.Id) === existing) this.#reindex(sobject, before, existing)
      return { id: existing.Id, created: false }
    }
    const id = this.ids.next(KEY_PREFIX[sobject] ?? 'a00')
    const record: SimRecord = { Id: id }
    for (const f of this.fields(sobject))
      record[f.name] = f.defaultValue ?? (f.type === 'boolean' ? false : null)
    Object.assign(record, clean, {
      Id: id,
      IsDeleted: false,
      CreatedDate: at,
      LastModifiedDate: at,
      SystemModstamp: at,
      LastModifiedById: byUserId,
    })
    if (sobject === 'WA_Message__c')
      record.Name = `WAM-${String(this.table(sobject).size + 1).padStart(9, '0')}`
    this.table(sobject).set(id, record)
    this.#reindex(sobject, null, record)
    return { id, created: true }
  }

  /** Moves a record to the recycle bin (merged ones keep their master's id). */
  remove(sobject: string, id: string, masterId: string | null = null): boolean {
    const record = this.table(sobject).get(id)
    if (!record) return false
    this.#reindex(sobject, record, null)
    this.table(sobject).delete(id)
    const at = this.stamp()
    Object.assign(record, {
      IsDeleted: true,
      SystemModstamp: at,
      LastModifiedDate: at,
      MasterRecordId: masterId,
    })
    this.bin(sobject).set(id, record)
    return true
  }
}

/** A JSON value as the field stores it; undefined when it has the wrong type. */
function coerce(f: SfField, raw: FieldValue): FieldValue | undefined {
  if (raw === null || raw === '') return f.type === 'boolean' ? undefined : null
  switch (f.type) {
    case 'double':
      if (typeof raw === 'number') return raw
      return typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))
        ? Number(raw)
        : undefined
    case 'boolean':
      return typeof raw === 'boolean' ? raw : raw === 'true' ? true : raw === 'false' ? false : undefined
    case 'datetime': {
      if (typeof raw !== 'string') return undefined
      const t = Date.parse(raw.replace(/\+0000$/, 'Z'))
      return Number.isFinite(t) ? `${new Date(t).toISOString().slice(0, 23)}+0000` : undefined
    }
    case 'date':
      return typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined
    default:
      return typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : undefined
  }
}
