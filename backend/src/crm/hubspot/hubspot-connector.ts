import { Client } from '@hubspot/api-client'
import type { FieldValue } from '../contact-values'
import type {
  ContactWrite,
  CrmChange,
  CrmConnector,
  CrmError,
  CrmPropertySpec,
  CrmQuota,
  CrmRecord,
  MessageWrite,
  TaskWrite,
  WriteResult,
} from '../port'
import { classifyHubspotError, HubspotHttpError } from './hubspot-errors'
import {
  fromHubspotValue,
  HUBSPOT_GROUP,
  MESSAGE_ID_PROPERTY,
  optionOf,
  propertyCreate,
  specFromHubspot,
  TASK_ID_PROPERTY,
  toHubspotValue,
} from './hubspot-properties'
import { hubspotChange, hubspotEventSchema } from './webhook-events'

/** HubSpot-defined association types (see `AssociationTypes` in @hubspot/api-client). */
const COMMUNICATION_TO_CONTACT = 81
const TASK_TO_CONTACT = 204
const BATCH_LIMIT = 100

interface HubspotProperty {
  name: string
  type: string
  fieldType?: string
  options?: { value: string; label: string; displayOrder?: number; hidden?: boolean }[]
}

export interface HubspotConnectorOptions {
  basePath: string
  /** A usable access token; `rejected` is one HubSpot just refused (refresh it). */
  accessToken: (rejected?: string) => Promise<string>
  /** Called before every HTTP request: the shared per-account rate limiter. */
  beforeRequest: (bucket: 'default' | 'search') => Promise<void>
}

/**
 * The CRM port over HubSpot's v3/v4 CRM API, through the official client (pointed at the
 * simulator in tests by `basePath`). Retries are the engine's job, so the client's are off.
 */
export class HubspotConnector implements CrmConnector {
  readonly provider = 'hubspot' as const
  readonly batchLimit = BATCH_LIMIT
  #client: Client | null = null
  #token = ''
  #quota: CrmQuota | null = null

  constructor(private readonly options: HubspotConnectorOptions) {}

  ensureSchema(fields: { field: string; property: string; managed: boolean }[], tagOptions: string[]) {
    return this.#authorized(() => this.#ensureSchemaOnce(fields, tagOptions))
  }
  ensureOptions(property: string, options: string[]) {
    return this.#authorized(() => this.#ensureOptionsOnce(property, options))
  }
  upsertContacts(inputs: ContactWrite[], uniqueProperty: string) {
    return this.#authorized(() => this.#upsertContactsOnce(inputs, uniqueProperty))
  }
  logMessages(inputs: MessageWrite[]) {
    return this.#authorized(() => this.#logMessagesOnce(inputs))
  }
  upsertTasks(inputs: TaskWrite[]) {
    return this.#authorized(() => this.#upsertTasksOnce(inputs))
  }
  readContacts(ids: string[], properties: string[]) {
    return this.#authorized(() => this.#readContactsOnce(ids, properties))
  }

  /** HubSpot may revoke a token before its expiry: on a 401, refresh once and try again. */
  async #authorized<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (error) {
      if (classifyHubspotError(error).kind !== 'auth' || !this.#token) throw error
      await this.options.accessToken(this.#token)
      this.#client = null
      return run()
    }
  }

  quota(): CrmQuota | null {
    return this.#quota
  }

  /** HubSpot reports the account's budget on every answer (X-HubSpot-RateLimit-*). */
  #noteQuota(header: (name: string) => string | null | undefined): void {
    const remaining = Number(header('x-hubspot-ratelimit-remaining'))
    const max = Number(header('x-hubspot-ratelimit-max'))
    if (!Number.isFinite(remaining) || !Number.isFinite(max) || max <= 0) return
    const windowMs = Number(header('x-hubspot-ratelimit-interval-milliseconds')) || 10_000
    this.#quota = { remaining, max, windowMs, at: Date.now() }
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
      const created = await this.#json<{ results: HubspotProperty[] }>(
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
        await this.#json('POST', `/crm/v3/properties/${objectType}`, {
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
    const current = await this.#json<HubspotProperty>(
      'GET',
      `/crm/v3/properties/contacts/${encodeURIComponent(property)}`,
    )
    const have = current.options ?? []
    const add = options.filter((o) => !have.some((h) => h.value === o))
    if (add.length === 0) return
    await this.#json('PATCH', `/crm/v3/properties/contacts/${encodeURIComponent(property)}`, {
      options: [...have, ...add.map((v, i) => optionOf(v, have.length + i))],
    })
  }

  async #upsertContactsOnce(inputs: ContactWrite[], uniqueProperty: string): Promise<WriteResult[]> {
    const linked = inputs.filter((i) => i.recordId)
    const unlinked = inputs.filter((i) => !i.recordId)
    const results: WriteResult[] = []
    const client = await this.#sdk()
    if (unlinked.length > 0) {
      await this.options.beforeRequest('default')
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
      await this.options.beforeRequest('default')
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

  /**
   * One create call per batch, with the contact association in it. Every communication carries our
   * unique message id, so after a crash the same batch is refused as duplicate and written with
   * an upsert by that id plus associations instead (two calls, only on that rare path).
   */
  async #logMessagesOnce(inputs: MessageWrite[]): Promise<WriteResult[]> {
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
    return this.#createOrUpsert('communications', MESSAGE_ID_PROPERTY, COMMUNICATION_TO_CONTACT, rows)
  }

  async #upsertTasksOnce(inputs: TaskWrite[]): Promise<WriteResult[]> {
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
    return this.#createOrUpsert('tasks', TASK_ID_PROPERTY, TASK_TO_CONTACT, rows)
  }

  async #readContactsOnce(ids: string[], properties: string[]): Promise<CrmRecord[]> {
    if (ids.length === 0) return []
    const client = await this.#sdk()
    await this.options.beforeRequest('default')
    const answer = await client.crm.contacts.batchApi.read({
      inputs: ids.map((id) => ({ id })),
      properties,
      propertiesWithHistory: [],
    })
    return answer.results.map((r) => ({ id: r.id, properties: { ...r.properties } }))
  }

  async #createOrUpsert(
    objectType: 'communications' | 'tasks',
    idProperty: string,
    associationTypeId: number,
    rows: { ref: string; key: string; recordId: string; properties: Record<string, string> }[],
  ): Promise<WriteResult[]> {
    if (rows.length === 0) return []
    try {
      const answer = await this.#json<{ results: { id: string; properties: Record<string, string> }[] }>(
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
          ? { ref: r.ref, ok: true as const, recordId: id }
          : { ref: r.ref, ok: false as const, error: missingResult() }
      })
    } catch (error) {
      const classified = classifyHubspotError(error)
      if (classified.kind !== 'permanent') throw error
    }
    // Some of them exist already (a retried batch): upsert by our id, then associate.
    const upserted = await this.#json<{
      results: { id: string; properties: Record<string, string> }[]
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
    const ok = rows.filter((r) => byKey.has(r.key))
    if (ok.length > 0) {
      await this.#json('POST', `/crm/v4/associations/${objectType}/contacts/batch/create`, {
        inputs: ok.map((r) => ({
          from: { id: byKey.get(r.key) },
          to: { id: r.recordId },
          types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId }],
        })),
      })
    }
    return rows.map((r) => {
      const id = byKey.get(r.key)
      if (id) return { ref: r.ref, ok: true as const, recordId: id }
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

  async #ensureGroup(objectType: string): Promise<void> {
    const groups = await this.#json<{ results: { name: string }[] }>(
      'GET',
      `/crm/v3/properties/${objectType}/groups`,
    )
    if (groups.results.some((g) => g.name === HUBSPOT_GROUP.name)) return
    await this.#json('POST', `/crm/v3/properties/${objectType}/groups`, HUBSPOT_GROUP)
  }

  async #properties(objectType: string): Promise<HubspotProperty[]> {
    const answer = await this.#json<{ results: HubspotProperty[] }>('GET', `/crm/v3/properties/${objectType}`)
    return answer.results
  }

  /** A call the generated client has no convenient typed method for, through its `apiRequest`. */
  async #json<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const client = await this.#sdk()
    await this.options.beforeRequest('default')
    const response = await client.apiRequest({ method, path, body: body as object | undefined })
    this.#noteQuota((name) => response.headers.get(name))
    const text = await response.text()
    const parsed = text ? safeJson(text) : {}
    if (!response.ok) {
      throw new HubspotHttpError(response.status, parsed, Object.fromEntries(response.headers.entries()))
    }
    return parsed as T
  }

  async #sdk(): Promise<Client> {
    const token = await this.options.accessToken()
    if (!this.#client || token !== this.#token) {
      this.#token = token
      this.#client = new Client({
        accessToken: token,
        basePath: this.options.basePath,
        numberOfApiCallRetries: 0,
        // Pacing is the engine's shared per-account limiter; the client's own would only add delay.
        // The SDK keeps these settings process-wide, so every client is built with the same ones.
        limiterOptions: { maxConcurrent: 8, minTime: 0 },
        middleware: [
          {
            pre: (ctx: unknown) => ctx,
            post: (ctx: unknown) => {
              const headers = (ctx as { headers?: Record<string, string> }).headers ?? {}
              this.#noteQuota((name) => headers[name] ?? headers[name.toLowerCase()])
              return ctx
            },
          },
        ],
      })
    }
    return this.#client
  }
}

function stringProps(props: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(props)) out[k] = v === null || v === undefined ? '' : String(v)
  return out
}

function messageBody(m: MessageWrite): string {
  const who = m.direction === 'inbound' ? 'Customer' : 'Us'
  const media = m.mediaUrl ? `\n${m.mediaUrl}` : ''
  return `${who}: ${m.body}${media}`
}

function missingResult(): CrmError {
  return { kind: 'transient', code: 'missing_result', message: 'HubSpot did not return this input.' }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return { message: text.slice(0, 500) }
  }
}

interface BatchAnswer {
  results: { id: string; properties?: Record<string, string | null> }[]
  errors?: { message: string; category?: string; context?: Record<string, string[]> }[]
}

/** Pairs HubSpot's results (in no guaranteed order) with our inputs; 207 errors by trace id. */
function matchResults<I extends { ref: string }>(
  inputs: I[],
  answer: BatchAnswer,
  resultKey: (r: BatchAnswer['results'][number]) => string | null | undefined,
  inputKey: (i: I) => string,
): WriteResult[] {
  const byKey = new Map(answer.results.map((r) => [resultKey(r) ?? '', r.id]))
  return inputs.map((i) => {
    const id = byKey.get(inputKey(i))
    if (id) return { ref: i.ref, ok: true as const, recordId: id }
    const err = answer.errors?.find(
      (e) => e.context?.objectWriteTraceId?.includes(i.ref) || e.context?.ids?.includes(inputKey(i)),
    )
    return {
      ref: i.ref,
      ok: false as const,
      error: err
        ? { kind: 'permanent' as const, code: err.category ?? 'VALIDATION_ERROR', message: err.message }
        : missingResult(),
    }
  })
}
