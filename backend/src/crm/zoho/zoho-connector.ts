import type { FieldValue } from '../contact-values'
import { type CrmFieldSpec, fieldSpec } from '../fields'
import type {
  ContactWrite,
  CrmChange,
  CrmConnector,
  CrmError,
  CrmPropertyInfo,
  CrmPropertySpec,
  CrmQuota,
  CrmRecord,
  CrmStorageProfile,
  ErasureOutcome,
  MessageWrite,
  RecordErasure,
  TaskWrite,
  WriteResult,
} from '../port'
import { parseZohoChange } from './change-events'
import { PERSON_MODULES, type ZohoEdition, type ZohoPersonModule } from './settings'
import { eraseZohoRecord } from './zoho-erasure'
import { classifyRecordError, classifyZohoError } from './zoho-errors'
import {
  defaultZohoProperty,
  fieldCreateBody,
  fromZohoValue,
  LEAD_SOURCE_VALUE,
  specOfField,
  toZohoJson,
  toZohoValue,
  WHATSAPP_NUMBER,
  type ZohoFieldMeta,
  zohoPropertyInfo,
} from './zoho-fields'
import type { ZohoHttp } from './zoho-http'
import { findZohoByUnique, mergeZohoRecords } from './zoho-merges'
import type { DayNotes } from './zoho-notes'
import { readZohoContacts } from './zoho-read-contacts'
import { zohoStorageProfile } from './zoho-storage'
import { upsertZohoTasks } from './zoho-tasks'

/** Zoho's records APIs take at most 100 records (or ids) per call. */
export const BATCH_LIMIT = 100
/** Leads need a Company; WhatsApp gives none. */
const UNKNOWN_COMPANY = 'WhatsApp'

/** One `data[]` element of a write answer. */
export interface ZohoElement {
  code: string
  status: 'success' | 'error'
  message: string
  details?: Record<string, unknown>
  action?: string
}

export interface ZohoConnectorOptions {
  http: ZohoHttp
  newRecords: ZohoPersonModule
  notes: DayNotes
  /** The org's edition: its default data storage (zoho-storage.ts). */
  edition: ZohoEdition
}

/**
 * The CRM port over one Zoho org: people are upserted into Contacts (or Leads) by the unique
 * `WhatsApp_Number` field with `duplicate_check_fields`, 100 per call; records we know are updated
 * by id. Field types come from the Fields API (listed once per connector), so values go out typed.
 * Messages are one Note per record and day (`zoho-notes.ts`), follow-ups Tasks, tags native Tags.
 */
export class ZohoConnector implements CrmConnector {
  readonly provider = 'zoho'
  readonly batchLimit = BATCH_LIMIT
  readonly storage: CrmStorageProfile
  readonly #fields = new Map<string, ZohoFieldMeta[]>()
  /** Which module a record id lives in, as far as we learnt it. */
  readonly moduleOf = new Map<string, ZohoPersonModule>()

  constructor(readonly options: ZohoConnectorOptions) {
    this.storage = zohoStorageProfile(options.edition)
  }

  get http(): ZohoHttp {
    return this.options.http
  }

  defaultProperty(spec: CrmFieldSpec) {
    return defaultZohoProperty(spec)
  }

  async fields(module: string, fresh = false): Promise<ZohoFieldMeta[]> {
    const cached = this.#fields.get(module)
    if (cached && !fresh) return cached
    const answer = await this.http.call<{ fields: ZohoFieldMeta[] }>({
      method: 'GET',
      path: `/settings/fields?module=${module}`,
    })
    const list = (answer.body?.fields ?? []).map((f) => ({ ...f, id: String(f.id) }))
    this.#fields.set(module, list)
    return list
  }

  /** The Contacts module's fields, listed afresh (the mapping picker caches them per connection). */
  async listProperties(): Promise<CrmPropertyInfo[]> {
    return (await this.fields('Contacts', true)).map(zohoPropertyInfo)
  }

  async ensureSchema(
    fields: { field: string; property: string; managed: boolean }[],
    tagOptions: string[],
  ): Promise<CrmPropertySpec[]> {
    const primary = this.options.newRecords
    let specs: CrmPropertySpec[] = []
    for (const module of [primary, ...PERSON_MODULES.filter((m) => m !== primary)]) {
      const have = await this.fields(module)
      const missing = fields.filter((f) => f.managed && !have.some((h) => h.api_name === f.property))
      if (missing.length > 0) {
        await this.#createFields(
          module,
          missing.flatMap((f) => {
            const spec = fieldSpec(f.field)
            if (!spec) return []
            const options = spec.options === 'tags' ? tagOptions : [...(spec.options ?? [])]
            return [fieldCreateBody(spec, f.property, options)]
          }),
        )
      }
      if (fields.some((f) => f.property === 'Lead_Source'))
        await this.#ensurePicklist(module, 'Lead_Source', [LEAD_SOURCE_VALUE])
      const now = await this.fields(module, missing.length > 0)
      if (module === primary)
        specs = fields.flatMap((f) => {
          const meta = now.find((h) => h.api_name === f.property)
          return meta ? [specOfField(meta)] : []
        })
    }
    const taskFields = await this.fields('Tasks')
    if (!taskFields.some((f) => f.api_name === 'WA_Task_Key')) {
      await this.#createFields('Tasks', [
        { field_label: 'WA Task Key', data_type: 'text', length: 120, unique: { casesensitive: true } },
      ])
      await this.fields('Tasks', true)
    }
    return specs
  }

  async #createFields(module: string, bodies: Record<string, unknown>[]): Promise<void> {
    if (bodies.length === 0) return
    // Refusals (the edition's custom-field limit) leave the field missing; the engine reports it.
    await this.http.call({
      method: 'POST',
      path: `/settings/fields?module=${module}`,
      body: { fields: bodies },
    })
  }

  async #ensurePicklist(module: string, property: string, values: string[]): Promise<void> {
    const meta = (await this.fields(module)).find((f) => f.api_name === property)
    if (!meta || (meta.data_type !== 'picklist' && meta.data_type !== 'multiselectpicklist')) return
    const missing = values.filter((v) => !(meta.pick_list_values ?? []).some((p) => p.actual_value === v))
    if (missing.length === 0) return
    await this.http.call({
      method: 'PATCH',
      path: `/settings/fields/${meta.id}?module=${module}`,
      body: { fields: [{ pick_list_values: missing.map((v) => ({ display_value: v, actual_value: v })) }] },
    })
    await this.fields(module, true)
  }

  async ensureOptions(property: string, options: string[]): Promise<void> {
    if (property === 'Tag') return
    for (const module of PERSON_MODULES) await this.#ensurePicklist(module, property, options)
  }

  async #specs(module: string): Promise<Map<string, CrmPropertySpec>> {
    return new Map((await this.fields(module)).map((f) => [f.api_name, specOfField(f)]))
  }

  #typed(
    properties: Record<string, FieldValue>,
    specs: Map<string, CrmPropertySpec>,
  ): Record<string, unknown> {
    return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, toZohoJson(v, specs.get(k))]))
  }

  async upsertContacts(inputs: ContactWrite[], uniqueProperty: string): Promise<WriteResult[]> {
    const results = new Map<string, WriteResult>()
    const known = inputs.filter((i) => i.recordId)
    const fresh = inputs.filter((i) => !i.recordId)
    // Records we know are updated where they live; a record whose module we never saw is looked up.
    const unknownModule = known
      .filter((i) => !this.moduleOf.has(i.recordId as string))
      .map((i) => i.recordId as string)
    if (unknownModule.length > 0) await this.#locate(unknownModule)
    for (const module of PERSON_MODULES) {
      const mine = known.filter((i) => this.moduleOf.get(i.recordId as string) === module)
      if (mine.length === 0) continue
      const specs = await this.#specs(module)
      for (let i = 0; i < mine.length; i += BATCH_LIMIT) {
        const batch = mine.slice(i, i + BATCH_LIMIT)
        const elements = await this.#write('PUT', `/${module}`, {
          data: batch.map((input) => ({ id: input.recordId, ...this.#typed(this.#keepName(input), specs) })),
          trigger: [],
        })
        for (const [j, input] of batch.entries())
          results.set(input.ref, this.#result(input.ref, elements[j], module))
      }
    }
    for (const input of known)
      if (!results.has(input.ref))
        results.set(input.ref, {
          ref: input.ref,
          ok: false,
          error: {
            kind: 'permanent',
            code: 'NOT_FOUND',
            message: `Zoho has no Contact or Lead ${input.recordId}`,
          },
        })
    if (fresh.length > 0) {
      const module = this.options.newRecords
      const specs = await this.#specs(module)
      for (let i = 0; i < fresh.length; i += BATCH_LIMIT) {
        const batch = fresh.slice(i, i + BATCH_LIMIT)
        const elements = await this.#write('POST', `/${module}/upsert`, {
          data: batch.map((input) => ({
            ...this.#typed(input.properties, specs),
            [uniqueProperty]: input.uniqueValue,
            ...this.#required(module, input),
          })),
          duplicate_check_fields: [uniqueProperty],
          trigger: [],
        })
        for (const [j, input] of batch.entries())
          results.set(input.ref, this.#result(input.ref, elements[j], module))
      }
    }
    return inputs.map((i) => results.get(i.ref) as WriteResult)
  }

  /** Required name fields on create: the WhatsApp name when known, else the phone; a Lead's Company. */
  #required(module: ZohoPersonModule, input: ContactWrite): Record<string, string> {
    const out: Record<string, string> = {}
    const name = input.properties.Last_Name
    if (typeof name !== 'string' || name.trim() === '') out.Last_Name = input.uniqueValue
    if (module === 'Leads' && !input.properties.Company) out.Company = UNKNOWN_COMPANY
    return out
  }

  /** An update never empties Last_Name (Zoho requires it): the phone stands in. */
  #keepName(input: ContactWrite): Record<string, FieldValue> {
    return 'Last_Name' in input.properties && (input.properties.Last_Name ?? '') === ''
      ? { ...input.properties, Last_Name: input.uniqueValue }
      : input.properties
  }

  /** A batch write's `data[]`, one element per input (whole-request refusals throw). */
  async #write(
    method: 'POST' | 'PUT',
    path: string,
    body: { data: unknown[] } & Record<string, unknown>,
  ): Promise<ZohoElement[]> {
    const answer = await this.http.call<{ data?: ZohoElement[] }>({
      method,
      path,
      body,
      credits: Math.max(1, Math.ceil(body.data.length / 10)),
    })
    return answer.body?.data ?? []
  }

  #result(ref: string, element: ZohoElement | undefined, module?: ZohoPersonModule): WriteResult {
    if (!element)
      return {
        ref,
        ok: false,
        error: { kind: 'transient', code: 'NO_ANSWER', message: 'Zoho answered no element for this record' },
      }
    const id = element.details?.id
    if (element.status === 'success' && (typeof id === 'string' || typeof id === 'number')) {
      if (module) this.moduleOf.set(String(id), module)
      // An upsert says `insert` (a new record, ours) or `update` (it matched one the org had).
      const created = element.action === 'insert' ? true : element.action === 'update' ? false : undefined
      return { ref, ok: true, recordId: String(id), ...(created === undefined ? {} : { created }) }
    }
    return {
      ref,
      ok: false,
      error: classifyRecordError({ code: element.code, message: element.message, details: element.details }),
    }
  }

  resultOf(ref: string, element: ZohoElement | undefined): WriteResult {
    return this.#result(ref, element)
  }

  writeBatch(method: 'POST' | 'PUT', path: string, body: { data: unknown[] } & Record<string, unknown>) {
    return this.#write(method, path, body)
  }

  /** Finds the module of record ids (Contacts first, then Leads); unknown ids stay unknown. */
  async #locate(ids: string[]): Promise<void> {
    let left = [...new Set(ids)]
    for (const module of PERSON_MODULES) {
      if (left.length === 0) return
      for (let i = 0; i < left.length; i += BATCH_LIMIT) {
        const answer = await this.http.call<{ data?: { id: string }[] }>({
          method: 'GET',
          path: `/${module}?ids=${left.slice(i, i + BATCH_LIMIT).join(',')}&fields=id`,
        })
        for (const r of answer.body?.data ?? []) this.moduleOf.set(String(r.id), module)
      }
      left = left.filter((id) => !this.moduleOf.has(id))
    }
  }

  /** The module of one record (looked up once). */
  async moduleOfRecord(id: string): Promise<ZohoPersonModule | null> {
    if (!this.moduleOf.has(id)) await this.#locate([id])
    return this.moduleOf.get(id) ?? null
  }

  mergeRecords(primaryId: string, mergedId: string): Promise<{ recordId: string }> {
    return mergeZohoRecords(this, primaryId, mergedId)
  }

  findByUnique(property: string, value: string, exceptId: string): Promise<string | null> {
    return findZohoByUnique(this, PERSON_MODULES, property, value, exceptId)
  }

  logMessages(inputs: MessageWrite[]): Promise<WriteResult[]> {
    return this.options.notes.log(this, inputs)
  }

  upsertTasks(inputs: TaskWrite[]): Promise<WriteResult[]> {
    return upsertZohoTasks(this, inputs)
  }

  eraseRecord(erasure: RecordErasure): Promise<ErasureOutcome> {
    return eraseZohoRecord(this, erasure)
  }

  readContacts(ids: string[], properties: string[]): Promise<CrmRecord[]> {
    return readZohoContacts(this, ids, properties)
  }

  formatValue(value: FieldValue, spec: CrmPropertySpec) {
    return toZohoValue(value, spec)
  }

  /** Last_Name is required: a person without a name gets their number there (see #required). */
  emptyStandIn(property: string, uniqueValue: string): string | undefined {
    return property === 'Last_Name' ? uniqueValue : undefined
  }

  parseValue(raw: string | null, spec: CrmPropertySpec): FieldValue {
    return fromZohoValue(raw, spec)
  }

  parseChange(payload: unknown): CrmChange | null {
    return parseZohoChange(payload)
  }

  quota(): CrmQuota | null {
    return this.http.budget.quota()
  }

  classifyError(error: unknown): CrmError {
    return classifyZohoError(error)
  }
}

export { WHATSAPP_NUMBER }
