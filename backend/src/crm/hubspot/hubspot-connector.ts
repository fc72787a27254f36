import type { FieldValue } from '../contact-values'
import type { CrmFieldSpec } from '../fields'
import type {
  ContactWrite,
  CrmChange,
  CrmConnector,
  CrmError,
  CrmPropertySpec,
  CrmQuota,
  CrmRecord,
  MessageWrite,
  RecordErasure,
  TaskWrite,
  WriteResult,
} from '../port'
import { logHubspotMessages, upsertHubspotTasks } from './hubspot-activities'
import { matchResults, stringProps } from './hubspot-batch-results'
import { eraseHubspotRecord } from './hubspot-erasure'
import { classifyHubspotError } from './hubspot-errors'
import { type HubspotConnectorOptions, HubspotHttp } from './hubspot-http'
import {
  defaultHubspotProperty,
  fromHubspotValue,
  HUBSPOT_GROUP,
  hubspotPropertyInfo,
  MESSAGE_ID_PROPERTY,
  optionOf,
  propertyCreate,
  specFromHubspot,
  TASK_ID_PROPERTY,
  toHubspotValue,
} from './hubspot-properties'
import { capacityFromRecordLimits, HUBSPOT_STORAGE } from './hubspot-storage'
import { hubspotChange, hubspotEventSchema } from './webhook-events'

export type { HubspotConnectorOptions } from './hubspot-http'

const BATCH_LIMIT = 100

interface HubspotProperty {
  name: string
  type: string
  fieldType?: string
  options?: { value: string; label: string; displayOrder?: number; hidden?: boolean }[]
}

/**
 * The CRM port over HubSpot's v3/v4 CRM API: contacts and our properties here, communications
 * and tasks in `hubspot-activities.ts`, the HTTP client, token and quota in `hubspot-http.ts`.
 */
export class HubspotConnector implements CrmConnector {
  readonly provider = 'hubspot'
  readonly batchLimit = BATCH_LIMIT
  readonly storage = HUBSPOT_STORAGE
  readonly #http: HubspotHttp

  constructor(options: HubspotConnectorOptions) {
    this.#http = new HubspotHttp(options)
  }

  ensureSchema(fields: { field: string; property: string; managed: boolean }[], tagOptions: string[]) {
    return this.#http.authorized(() => this.#ensureSchemaOnce(fields, tagOptions))
  }
  ensureOptions(property: string, options: string[]) {
    return this.#http.authorized(() => this.#ensureOptionsOnce(property, options))
  }
  /** `GET /crm/v3/properties/contacts` through the SDK; archived ones are not offered. */
  listProperties() {
    return this.#http.authorized(async () => {
      const client = await this.#http.sdk()
      await this.#http.beforeRequest('default')
      const answer = await client.crm.properties.coreApi.getAll('contacts', false)
      return answer.results.filter((p) => !p.archived).map((p) => hubspotPropertyInfo(p))
    })
  }
  upsertContacts(inputs: ContactWrite[], uniqueProperty: string) {
    return this.#http.authorized(() => this.#upsertContactsOnce(inputs, uniqueProperty))
  }
  logMessages(inputs: MessageWrite[]) {
    return this.#http.authorized(() => logHubspotMessages(this.#http, inputs))
  }
  upsertTasks(inputs: TaskWrite[]) {
    return this.#http.authorized(() => upsertHubspotTasks(this.#http, inputs))
  }
  readContacts(ids: string[], properties: string[]) {
    return this.#http.authorized(() => this.#readContactsOnce(ids, properties))
  }
  /** HubSpot merges into a new record (both old ids become its aliases) and answers with it. */
  mergeRecords(primaryId: string, mergedId: string) {
    return this.#http.authorized(async () => {
      const client = await this.#http.sdk()
      await this.#http.beforeRequest('default')
      const merged = await client.crm.contacts.basicApi.merge({
        primaryObjectId: primaryId,
        objectIdToMerge: mergedId,
      })
      return { recordId: merged.id }
    })
  }

  /** The record limits of the objects we write (`/crm/v3/limits/records`). */
  storageCapacity() {
    return this.#http.authorized(async () =>
      capacityFromRecordLimits(await this.#http.json('GET', '/crm/v3/limits/records')),
    )
  }

  eraseRecord(erasure: RecordErasure) {
    return this.#http.authorized(() => eraseHubspotRecord(this.#http, erasure))
  }

  quota(): CrmQuota | null {
    return this.#http.quota()
  }

  defaultProperty(spec: CrmFieldSpec) {
    return defaultHubspotProperty(spec)
  }

  parseChange(payload: unknown): CrmChange | null {
    const parsed = hubspotEventSchema.safeParse(payload)
    return parsed.success ? hubspotChange(parsed.data) : null
  }

  classifyError(error: unknown): CrmError {
    return classifyHubspotError(error)
  }

  formatValue(value: FieldValue, spec: CrmPropertySpec) {
    return toHubspotValue(value, spec)
  }

  parseValue(raw: string | null, spec: CrmPropertySpec): FieldValue {
    return fromHubspotValue(raw, spec)
  }

  async #ensureSchemaOnce(
    fields: { field: string; property: string; managed: boolean }[],
    tagOptions: string[],
  ): Promise<CrmPropertySpec[]> {
    await this.#ensureGroup('contacts')
    const existing = new Map((await this.#properties('contacts')).map((p) => [p.name, p]))
    const missing = fields.filter((f) => f.managed && !existing.has(f.property))
    if (missing.length > 0) {
      const created = await this.#http.json<{ results: HubspotProperty[] }>(
        'POST',
        '/crm/v3/properties/contacts/batch/create',
        { inputs: missing.map((f) => propertyCreate(f.field, f.property, tagOptions)) },
      )
      for (const p of created.results) existing.set(p.name, p)
    }
    for (const [objectType, property] of [
      ['communications', MESSAGE_ID_PROPERTY],
      ['tasks', TASK_ID_PROPERTY],
    ] as const) {
      await this.#ensureGroup(objectType)
      const props = await this.#properties(objectType)
      if (!props.some((p) => p.name === property)) {
        await this.#http.json('POST', `/crm/v3/properties/${objectType}`, {
          name: property,
          label: 'WhatsApp SCRM id',
          description: 'Our id of this record, so a retried write never duplicates it.',
          groupName: HUBSPOT_GROUP.name,
          type: 'string',
          fieldType: 'text',
          hasUniqueValue: true,
        })
      }
    }
    return fields.flatMap((f) => {
      const p = existing.get(f.property)
      return p ? [specFromHubspot(p)] : []
    })
  }

  async #ensureOptionsOnce(property: string, options: string[]): Promise<void> {
    const current = await this.#http.json<HubspotProperty>(
      'GET',
      `/crm/v3/properties/contacts/${encodeURIComponent(property)}`,
    )
    const have = current.options ?? []
    const add = options.filter((o) => !have.some((h) => h.value === o))
    if (add.length === 0) return
    await this.#http.json('PATCH', `/crm/v3/properties/contacts/${encodeURIComponent(property)}`, {
      options: [...have, ...add.map((v, i) => optionOf(v, have.length + i))],
    })
  }

  async #upsertContactsOnce(inputs: ContactWrite[], uniqueProperty: string): Promise<WriteResult[]> {
    const linked = inputs.filter((i) => i.recordId)
    const unlinked = inputs.filter((i) => !i.recordId)
    const results: WriteResult[] = []
    const client = await this.#http.sdk()
    if (unlinked.length > 0) {
      await this.#http.beforeRequest('default')
      const answer = await client.crm.contacts.batchApi.upsert({
        inputs: unlinked.map((i) => ({
          id: i.uniqueValue,
          idProperty: uniqueProperty,
          objectWriteTraceId: i.ref,
          properties: stringProps(i.properties),
        })),
      })
      results.push(
        ...matchResults(
          unlinked,
          answer,
          (r) => r.properties?.[uniqueProperty],
          (i) => i.uniqueValue,
        ),
      )
    }
    if (linked.length > 0) {
      await this.#http.beforeRequest('default')
      const answer = await client.crm.contacts.batchApi.update({
        inputs: linked.map((i) => ({
          id: i.recordId as string,
          objectWriteTraceId: i.ref,
          properties: stringProps(i.properties),
        })),
      })
      results.push(
        ...matchResults(
          linked,
          answer,
          (r) => r.id,
          (i) => i.recordId as string,
        ),
      )
    }
    return results
  }

  async #readContactsOnce(ids: string[], properties: string[]): Promise<CrmRecord[]> {
    if (ids.length === 0) return []
    const client = await this.#http.sdk()
    await this.#http.beforeRequest('default')
    const answer = await client.crm.contacts.batchApi.read({
      inputs: ids.map((id) => ({ id })),
      properties,
      propertiesWithHistory: [],
    })
    return answer.results.map((r) => ({ id: r.id, properties: { ...r.properties } }))
  }

  async #ensureGroup(objectType: string): Promise<void> {
    const groups = await this.#http.json<{ results: { name: string }[] }>(
      'GET',
      `/crm/v3/properties/${objectType}/groups`,
    )
    if (groups.results.some((g) => g.name === HUBSPOT_GROUP.name)) return
    await this.#http.json('POST', `/crm/v3/properties/${objectType}/groups`, HUBSPOT_GROUP)
  }

  async #properties(objectType: string): Promise<HubspotProperty[]> {
    const answer = await this.#http.json<{ results: HubspotProperty[] }>(
      'GET',
      `/crm/v3/properties/${objectType}`,
    )
    return answer.results
  }
}
