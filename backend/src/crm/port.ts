import type { FieldValue } from './contact-values'
import type { CrmFieldSpec, CrmFieldType } from './fields'

/**
 * What the sync engine needs from a CRM, one connector per connection (built by the CRM's
 * `CrmProvider`): the engine (outbox, coalescing, batching, limits, retries, conflicts) never
 * names a CRM.
 */

/** A CRM property as it exists in the account, for validating values before sending. */
export interface CrmPropertySpec {
  name: string
  type: CrmFieldType
  options?: string[]
}

/**
 * A contact property as the CRM lists it, for an admin picking where a field goes: `type` is our
 * neutral type (compared with the field's), `crmType` the CRM's own word for it, and `writable`
 * false for what the CRM computes or keeps to itself (formula, calculated, system fields).
 */
export interface CrmPropertyInfo {
  name: string
  label: string
  type: CrmFieldType
  crmType: string
  writable: boolean
}

/** One mapped field: which property, and its type. */
export interface MappedField {
  field: string
  property: string
  spec: CrmPropertySpec
  defaultValue: FieldValue
}

export interface ContactWrite {
  /** Our contact id, echoed back in results. */
  ref: string
  /** Known CRM record id: update it; otherwise upsert by the unique key. */
  recordId: string | null
  uniqueValue: string
  properties: Record<string, FieldValue>
}

export interface MessageWrite {
  ref: string
  /** Our stable message key (channel + wamid): the idempotency key in the CRM. */
  externalId: string
  recordId: string
  direction: 'inbound' | 'outbound'
  body: string
  at: Date
  mediaUrl: string | null
  /**
   * A day's log written while over the storage budget (crm/sync/thinned-message-writes.ts): `body`
   * holds the day's messages as finished lines, written as they are, with no sender prefix.
   */
  dayLog?: boolean
}

export interface TaskWrite {
  ref: string
  recordId: string
  title: string
  body: string
  dueAt: Date
  priority: 'low' | 'medium' | 'high'
  done: boolean
}

export type CrmErrorKind = 'rate_limited' | 'transient' | 'permanent' | 'auth'

export interface CrmError {
  kind: CrmErrorKind
  code: string
  message: string
  retryAfterMs?: number
}

export type WriteResult =
  /**
   * `created`: whether the CRM made a new record for this write (an upsert that matched an existing
   * one, or a line appended to a day's note, did not). Unknown when absent: the storage estimate
   * then counts a new record (an upper bound).
   */
  { ref: string; ok: true; recordId: string; created?: boolean } | { ref: string; ok: false; error: CrmError }

/** One CRM record of an erased person, as the sync hands it to the connector. */
export interface RecordErasure {
  objectType: string
  recordId: string
  /**
   * `delete`: our upsert created the record, so it goes (through the CRM's privacy deletion where
   * it has one). `mark`: the CRM had the record before us; it stays, `clearProperties` are emptied
   * and the record is flagged for the CRM's own privacy process.
   */
  action: 'delete' | 'mark'
  /** The properties we manage on the record (our WhatsApp fields, tags, intent, segment ...). */
  clearProperties: string[]
  /** The workspace's tag keys: where the CRM keeps tags natively (Zoho), these are removed from the record. */
  tagKeys: string[]
}

/** What the CRM did: `already_gone` when the record no longer existed (a 404 on delete counts as done). */
export interface ErasureOutcome {
  outcome: 'deleted' | 'already_gone' | 'marked'
  /** Our notes, communications, messages or tasks removed from the record first. */
  activitiesRemoved: number
}

/** A change the CRM told us about, in neutral form. */
export type CrmChange =
  | { type: 'created'; eventId: string; recordId: string; at: number }
  | {
      type: 'property'
      eventId: string
      recordId: string
      property: string
      value: string | null
      at: number
    }
  | { type: 'merged'; eventId: string; primaryId: string; mergedIds: string[]; at: number }
  | { type: 'deleted'; eventId: string; recordId: string; at: number }
  /** A privacy (GDPR) deletion: our copy of the person must go too. */
  | { type: 'erased'; eventId: string; recordId: string; at: number }

export interface CrmRecord {
  id: string
  properties: Record<string, string | null>
}

/** What the CRM last said about the account's request budget. */
export interface CrmQuota {
  remaining: number
  max: number
  windowMs: number
  at: number
}

/**
 * How a CRM counts what the sync stores in it (`crm/storage/`). `unit` is what its capacity is
 * measured in; `recordCost` what one record the sync creates costs in that unit, per kind of write.
 */
export interface CrmStorageProfile {
  unit: 'bytes' | 'records'
  recordCost: { contact: number; message: number; task: number }
  /**
   * Messages already go into one record per contact and day (Zoho's day notes): the generic
   * coalescing step of thinning has nothing to add.
   */
  messagesByDay: boolean
  /** The capacity assumed when neither the CRM nor an admin gave one (null: none known). */
  defaultCapacity: CrmStorageCapacity | null
}

/** A storage capacity in the profile's unit, and where the figure came from. */
export interface CrmStorageCapacity {
  value: number
  source: string
}

export interface CrmConnector {
  /** The provider name (`CrmProvider.name`). */
  readonly provider: string
  /** Most inputs one batch call accepts. */
  readonly batchLimit: number
  /** The property a field maps to on a new connection (the provider's `defaultProperty`). */
  defaultProperty(spec: CrmFieldSpec): { property: string; managed: boolean }
  /** Creates or updates our property group and properties; returns the specs of mapped ones. */
  ensureSchema(
    fields: { field: string; property: string; managed: boolean }[],
    tagOptions: string[],
  ): Promise<CrmPropertySpec[]>
  /** The contact properties the account has now, read from the CRM (no cache here). */
  listProperties(): Promise<CrmPropertyInfo[]>
  /** Adds enumeration options that are missing (new tags). */
  ensureOptions(property: string, options: string[]): Promise<void>
  upsertContacts(inputs: ContactWrite[], uniqueProperty: string): Promise<WriteResult[]>
  logMessages(inputs: MessageWrite[]): Promise<WriteResult[]>
  upsertTasks(inputs: TaskWrite[]): Promise<WriteResult[]>
  readContacts(ids: string[], properties: string[]): Promise<CrmRecord[]>
  /**
   * Merges `mergedId` into `primaryId` in the CRM; returns the record that holds both now (a CRM
   * may give the result a new id). Absent where the CRM's API cannot merge: the sync then asks a
   * person instead. A CRM merge cannot be undone, so only a merge of ours calls it.
   */
  mergeRecords?(primaryId: string, mergedId: string): Promise<{ recordId: string }>
  /**
   * Carries out an erasure on one record: removes the activities we logged there (they hold the
   * person's words), then deletes the record or clears and flags it. Idempotent: run again after
   * a crash it finds nothing left to remove. Absent where the CRM's API cannot: a person is asked.
   */
  eraseRecord?(erasure: RecordErasure): Promise<ErasureOutcome>
  /** Our value as the property wants it, or why it cannot take it (checked before sending). */
  formatValue(
    value: FieldValue,
    spec: CrmPropertySpec,
  ): { ok: true; value: string } | { ok: false; reason: string }
  /**
   * What the connector writes instead of an empty value where the CRM requires one (a required
   * name: the number stands in); undefined where an empty value is written as empty.
   */
  emptyStandIn?(property: string, uniqueValue: string): string | undefined
  /** The CRM's stored string → our neutral value, for changes coming back. */
  parseValue(raw: string | null, spec: CrmPropertySpec): FieldValue
  /** One stored change notification → a neutral change; null for events we do not act on. */
  parseChange(payload: unknown): CrmChange | null
  /** The request budget the CRM reported on its latest answer; null before the first call. */
  quota(): CrmQuota | null
  /** Maps a thrown error (HTTP answer, network) to what the engine should do. */
  classifyError(error: unknown): CrmError
  /** How the CRM counts storage; absent: one record counts one unit and no capacity is known. */
  readonly storage?: CrmStorageProfile
  /** The account's storage capacity where the CRM's API reports it (null: not reported now). */
  storageCapacity?(): Promise<CrmStorageCapacity | null>
}
