import type { FieldValue } from '../contact-values'
import type { CrmFieldSpec, CrmFieldType } from '../fields'
import type {
  ContactWrite,
  CrmChange,
  CrmConnector,
  CrmError,
  CrmPropertyInfo,
  CrmPropertySpec,
  CrmQuota,
  CrmRecord,
  CrmStorageCapacity,
  MessageWrite,
  RecordErasure,
  TaskWrite,
  WriteResult,
} from '../port'
import { parseSalesforceChange } from './poll-events'
import { type PersonObject, personObjectOf, soqlString } from './record-types'
import { logSalesforceMessages, upsertSalesforceTasks } from './salesforce-activities'
import type { SalesforceApi } from './salesforce-api'
import { eraseSalesforceRecord } from './salesforce-erasure'
import { classifySalesforceError, PackageIncompleteError } from './salesforce-errors'
import {
  type DescribedField,
  defaultSalesforceProperty,
  fromSalesforceValue,
  type PackageNames,
  packageNames,
  rawOf,
  salesforcePropertyInfo,
  specFromDescribe,
  toSalesforceJson,
  toSalesforceValue,
} from './salesforce-fields'
import { type SaveResult, toWriteResults } from './salesforce-results'
import { capacityFromLimits, SALESFORCE_STORAGE } from './salesforce-storage'
import type { NewRecordObject } from './settings'

/** sObject Collections take at most 200 records per call. */
export const BATCH_LIMIT = 200
/** A missing package field is looked for again this often (one describe call) while writes wait. */
const REDESCRIBE_MS = 15 * 60_000

/** Lead and Contact require LastName; Lead also Company (shown when WhatsApp gives no name or company). */
const UNKNOWN_COMPANY = 'WhatsApp'

export interface SalesforceConnectorOptions {
  api: SalesforceApi
  prefix: string
  newRecords: NewRecordObject
}

/**
 * The CRM port over one org with jsforce: people are Leads (or Contacts, by configuration) upserted
 * by the WhatsApp phone External ID in sObject Collections of 200; records we already know are
 * updated by Id in one mixed-type collection call; messages and tasks in `salesforce-activities.ts`.
 * Field types come from `describe` (cached for the connector's life), so values go out typed.
 *
 * No `mergeRecords`: the REST API has no merge, only the SOAP API's `merge()` (jsforce 3:
 * `conn.soap.merge`). Our Salesforce simulator speaks REST only, so a SOAP merge could not be
 * tested against the contract; and a Lead cannot be merged with a Contact at all (that is a
 * conversion), which is the common pair here. The sync therefore asks a person to merge in
 * Salesforce; the poll then follows the merge (`MasterRecordId`) like any merge made there.
 */
export class SalesforceConnector implements CrmConnector {
  readonly provider = 'salesforce'
  readonly batchLimit = BATCH_LIMIT
  readonly storage = SALESFORCE_STORAGE
  readonly names: PackageNames
  readonly #described = new Map<string, { fields: DescribedField[]; at: number }>()

  constructor(readonly options: SalesforceConnectorOptions) {
    this.names = packageNames(options.prefix)
  }

  get api(): SalesforceApi {
    return this.options.api
  }

  defaultProperty(spec: CrmFieldSpec) {
    return defaultSalesforceProperty(spec, this.options.prefix)
  }

  /** The object's fields, described once per connector (or again when `fresh`). */
  async describe(sobject: string, fresh = false): Promise<DescribedField[]> {
    const cached = this.#described.get(sobject)
    if (cached && !fresh) return cached.fields
    const answer = await this.api.call((conn) => conn.describe(sobject))
    const fields = answer.fields.map((f) => ({
      name: f.name,
      type: f.type,
      length: f.length,
      restrictedPicklist: f.restrictedPicklist,
      picklistValues: (f.picklistValues ?? []).map((v) => ({ value: v.value, active: v.active })),
      updateable: f.updateable,
      createable: f.createable,
    }))
    this.#described.set(sobject, { fields, at: Date.now() })
    return fields
  }

  /**
   * Contact's fields from a fresh `describe` (the mapping picker caches it per connection). The
   * person object people are created as may be Lead; mapped fields must exist on both anyway.
   */
  async listProperties(): Promise<CrmPropertyInfo[]> {
    const answer = await this.api.call((conn) => conn.describe('Contact'))
    return answer.fields.map((f) =>
      salesforcePropertyInfo({
        name: f.name,
        label: f.label,
        type: f.type,
        calculated: f.calculated,
        updateable: f.updateable,
        createable: f.createable,
      }),
    )
  }

  /** Field name → neutral type of an object, for typing the JSON we send. */
  async typesOf(sobject: string): Promise<Map<string, CrmFieldType>> {
    const fields = await this.describe(sobject)
    return new Map(fields.map((f) => [f.name, specFromDescribe(f).type]))
  }

  /**
   * Checks that the package's fields exist (we never create fields: the package does). Mapped
   * fields must exist on both Contact and Lead; the ones that do not are left out (the engine
   * reports them on the connection). Message and task fields are checked when they are written.
   */
  async ensureSchema(fields: { field: string; property: string; managed: boolean }[], _tagOptions: string[]) {
    const lead = await this.describe('Lead', true)
    const contact = await this.describe('Contact', true)
    const leadByName = new Map(lead.map((f) => [f.name, f]))
    const contactByName = new Map(contact.map((f) => [f.name, f]))
    const primary = this.options.newRecords === 'Lead' ? leadByName : contactByName
    return fields.flatMap((f): CrmPropertySpec[] => {
      const described = primary.get(f.property)
      if (!described || !leadByName.has(f.property) || !contactByName.has(f.property)) return []
      return [specFromDescribe(described)]
    })
  }

  /**
   * The package's WhatsApp Tags field is an unrestricted multi-select picklist: Salesforce stores
   * values it does not list, so new tags need no metadata change (and no API call).
   */
  async ensureOptions(_property: string, _options: string[]): Promise<void> {}

  /** Throws `PackageIncompleteError` when the object lacks a field we write (describe cached, refreshed every 15 min). */
  async requireFields(sobject: string, names: string[]): Promise<void> {
    const cached = this.#described.get(sobject)
    const fresh = !cached || Date.now() - cached.at > REDESCRIBE_MS
    let fields: DescribedField[]
    try {
      fields = cached && !fresh ? cached.fields : await this.describe(sobject, true)
    } catch (error) {
      const code = (error as { errorCode?: string }).errorCode
      if (code === 'NOT_FOUND') throw new PackageIncompleteError([sobject])
      throw error
    }
    const have = new Set(fields.map((f) => f.name))
    const missing = names.filter((n) => !have.has(n)).map((n) => `${sobject}.${n}`)
    if (missing.length > 0) throw new PackageIncompleteError(missing)
  }

  async upsertContacts(inputs: ContactWrite[], uniqueProperty: string): Promise<WriteResult[]> {
    const unlinked = inputs.filter((i) => !i.recordId)
    const linked = inputs.filter((i) => i.recordId)
    const results: WriteResult[] = []
    for (let i = 0; i < unlinked.length; i += BATCH_LIMIT)
      results.push(...(await this.#upsertNew(unlinked.slice(i, i + BATCH_LIMIT), uniqueProperty)))
    for (let i = 0; i < linked.length; i += BATCH_LIMIT)
      results.push(...(await this.#updateLinked(linked.slice(i, i + BATCH_LIMIT))))
    return results
  }

  async #upsertNew(inputs: ContactWrite[], uniqueProperty: string): Promise<WriteResult[]> {
    if (inputs.length === 0) return []
    const sobject = this.options.newRecords
    const types = await this.typesOf(sobject)
    const records = inputs.map((i) => ({
      ...this.#typed(i.properties, types),
      ...this.#required(sobject, i),
      [uniqueProperty]: i.uniqueValue,
    }))
    const answer = (await this.api.call((conn) =>
      conn.sobject(sobject).upsert(records, uniqueProperty, { allOrNone: false }),
    )) as SaveResult[]
    return toWriteResults(
      inputs.map((i) => i.ref),
      answer,
    )
  }

  async #updateLinked(inputs: ContactWrite[]): Promise<WriteResult[]> {
    if (inputs.length === 0) return []
    const types: Record<PersonObject, Map<string, CrmFieldType>> = {
      Lead: await this.typesOf('Lead'),
      Contact: await this.typesOf('Contact'),
    }
    const results = new Map<string, WriteResult>()
    const sendable: { input: ContactWrite; sobject: PersonObject }[] = []
    for (const input of inputs) {
      const sobject = personObjectOf(input.recordId as string)
      if (sobject) sendable.push({ input, sobject })
      else
        results.set(input.ref, {
          ref: input.ref,
          ok: false,
          error: {
            kind: 'permanent',
            code: 'NOT_A_PERSON',
            message: `${input.recordId} is not a Contact or Lead id`,
          },
        })
    }
    const written = await this.#updateByIds(
      sendable.map(({ input, sobject }) => ({
        ref: input.ref,
        sobject,
        id: input.recordId as string,
        values: { ...this.#typed(input.properties, types[sobject]), ...this.#keepName(input, sobject) },
      })),
    )
    // A Lead converted in Salesforce refuses updates: the write goes to its Contact, which the link then follows.
    const converted = written.filter((r) => !r.ok && r.error.code === 'CANNOT_UPDATE_CONVERTED_LEAD')
    for (const r of written) if (!converted.includes(r)) results.set(r.ref, r)
    if (converted.length > 0) {
      for (const r of await this.#followConversions(
        sendable.filter(({ input }) => converted.some((c) => c.ref === input.ref)).map(({ input }) => input),
        types.Contact,
      ))
        results.set(r.ref, r)
    }
    return inputs.map((i) => results.get(i.ref) as WriteResult)
  }

  async #followConversions(
    inputs: ContactWrite[],
    contactTypes: Map<string, CrmFieldType>,
  ): Promise<WriteResult[]> {
    const ids = inputs.map((i) => soqlString(i.recordId as string)).join(', ')
    const answer = await this.api.call((conn) =>
      conn.query<{ Id: string; ConvertedContactId: string | null }>(
        `SELECT Id, ConvertedContactId FROM Lead WHERE Id IN (${ids})`,
      ),
    )
    const contactOf = new Map(answer.records.map((r) => [r.Id, r.ConvertedContactId]))
    const targets = inputs.flatMap((i) => {
      const contactId = contactOf.get(i.recordId as string)
      return typeof contactId === 'string' ? [{ input: i, contactId }] : []
    })
    const written = await this.#updateByIds(
      targets.map(({ input, contactId }) => ({
        ref: input.ref,
        sobject: 'Contact' as const,
        id: contactId,
        values: this.#typed(input.properties, contactTypes),
      })),
    )
    const byRef = new Map(written.map((r) => [r.ref, r]))
    return inputs.map(
      (i) =>
        byRef.get(i.ref) ?? {
          ref: i.ref,
          ok: false as const,
          error: {
            kind: 'permanent' as const,
            code: 'CANNOT_UPDATE_CONVERTED_LEAD',
            message: `Lead ${i.recordId} was converted without a Contact to write to`,
          },
        },
    )
  }

  /** One `PATCH /composite/sobjects` with records of any type; results in input order. */
  async #updateByIds(
    records: { ref: string; sobject: string; id: string; values: Record<string, unknown> }[],
  ): Promise<WriteResult[]> {
    if (records.length === 0) return []
    const answer = await this.api.call((conn) =>
      conn.request<SaveResult[]>({
        method: 'PATCH',
        url: '/composite/sobjects',
        body: JSON.stringify({
          allOrNone: false,
          records: records.map((r) => ({ attributes: { type: r.sobject }, id: r.id, ...r.values })),
        }),
        headers: { 'content-type': 'application/json' },
      }),
    )
    return toWriteResults(
      records.map((r) => r.ref),
      answer,
    ).map((r, i) => (r.ok ? { ...r, recordId: records[i]?.id ?? r.recordId } : r))
  }

  /** Required name fields on create: the WhatsApp name when known, else the phone; Lead's Company. */
  #required(sobject: NewRecordObject, input: ContactWrite): Record<string, string> {
    const name = input.properties.LastName
    const out: Record<string, string> = {}
    if (typeof name !== 'string' || name.trim() === '') out.LastName = input.uniqueValue
    if (sobject === 'Lead') out.Company = UNKNOWN_COMPANY
    return out
  }

  /** An update never empties LastName (Salesforce requires it): the phone stands in. */
  #keepName(input: ContactWrite, _sobject: PersonObject): Record<string, string> {
    return 'LastName' in input.properties && (input.properties.LastName ?? '') === ''
      ? { LastName: input.uniqueValue }
      : {}
  }

  #typed(properties: Record<string, FieldValue>, types: Map<string, CrmFieldType>): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(properties).map(([name, value]) => [name, toSalesforceJson(value, types.get(name))]),
    )
  }

  /** Data storage from `/limits` (jsforce `limits()`); null where the API user may not see it. */
  async storageCapacity(): Promise<CrmStorageCapacity | null> {
    const limits = await this.api.call((conn) => conn.limits())
    return capacityFromLimits(limits as unknown as Record<string, unknown>)
  }

  logMessages(inputs: MessageWrite[]): Promise<WriteResult[]> {
    return logSalesforceMessages(this, inputs)
  }

  upsertTasks(inputs: TaskWrite[]): Promise<WriteResult[]> {
    return upsertSalesforceTasks(this, inputs)
  }

  eraseRecord(erasure: RecordErasure) {
    return eraseSalesforceRecord(this, erasure)
  }

  async readContacts(ids: string[], properties: string[]): Promise<CrmRecord[]> {
    const out: CrmRecord[] = []
    for (const sobject of ['Lead', 'Contact'] as const) {
      const mine = ids.filter((id) => personObjectOf(id) === sobject)
      if (mine.length === 0) continue
      const have = new Set((await this.describe(sobject)).map((f) => f.name))
      const wanted = [...new Set([...properties, 'Phone', 'MobilePhone'])].filter(
        (p) => have.has(p) && p !== 'Id',
      )
      for (let i = 0; i < mine.length; i += BATCH_LIMIT) {
        const list = mine
          .slice(i, i + BATCH_LIMIT)
          .map(soqlString)
          .join(', ')
        const answer = await this.api.call((conn) =>
          conn.query<Record<string, unknown>>(
            `SELECT Id, ${wanted.join(', ')} FROM ${sobject} WHERE Id IN (${list})`,
          ),
        )
        for (const r of answer.records) {
          const props: Record<string, string | null> = {}
          for (const p of wanted) props[p] = rawOf(r[p])
          // The engine's fallbacks for matching a record by phone use these names.
          props.phone = rawOf(r.Phone)
          props.mobilephone = rawOf(r.MobilePhone)
          out.push({ id: String(r.Id), properties: props })
        }
      }
    }
    return out
  }

  formatValue(value: FieldValue, spec: CrmPropertySpec) {
    return toSalesforceValue(value, spec)
  }

  /** LastName is required: a person without a name gets their number there (see #required). */
  emptyStandIn(property: string, uniqueValue: string): string | undefined {
    return property === 'LastName' ? uniqueValue : undefined
  }

  parseValue(raw: string | null, spec: CrmPropertySpec): FieldValue {
    return fromSalesforceValue(raw, spec)
  }

  parseChange(payload: unknown): CrmChange | null {
    return parseSalesforceChange(payload)
  }

  quota(): CrmQuota | null {
    return this.api.budget.quota()
  }

  classifyError(error: unknown): CrmError {
    return classifySalesforceError(error)
  }
}
