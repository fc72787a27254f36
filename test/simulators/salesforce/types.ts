/**
 * Public types of the Salesforce simulator: the options it starts with, the handle tests drive it
 * through, and the shapes of the records it exposes for assertions.
 */

export interface SalesforceSimulatorOptions {
  /** External Client App consumer key (default 'sim-consumer-key'). */
  clientId?: string
  /** External Client App consumer secret (default 'sim-consumer-secret'). */
  clientSecret?: string
  /** Daily API request allocation of every org (default 15,000, a Developer Edition's). */
  dailyApiLimit?: number
  /** Added to every API answer (default 0). */
  latencyMs?: number
  /** Lifetime of an access token, in seconds (default 7200, Salesforce's default session timeout). */
  accessTokenTtlSeconds?: number
  /** Records per query page before `nextRecordsUrl` (default 2000, Salesforce's default batch). */
  queryBatchSize?: number
  /** Listen port (default 0 = any free port) and address (default 127.0.0.1). */
  port?: number
  host?: string
}

export const DEFAULTS = {
  clientId: 'sim-consumer-key',
  clientSecret: 'sim-consumer-secret',
  dailyApiLimit: 15_000,
  latencyMs: 0,
  accessTokenTtlSeconds: 7200,
  queryBatchSize: 2000,
  host: '127.0.0.1',
  scopes: ['api', 'refresh_token', 'offline_access', 'id'],
} as const

/** The login host path of sandboxes on the simulator (`test.salesforce.com`'s stand-in). */
export const SANDBOX_PATH = '/sandbox'

export type FieldValue = string | number | boolean | null

/** A stored sObject record: field API name → value; system fields included. */
export type SimRecord = Record<string, FieldValue> & { Id: string }

export interface SimRequestLog {
  method: string
  path: string
  status: number
  orgId: string | null
  /** Records in a collection request (0 for other requests). */
  records: number
  at: number
}

/** What an injected fault answers: an HTTP status with a generic error, a Salesforce error code, or a dropped connection. */
export type FaultStatus = 500 | 502 | 503 | 'drop' | 'REQUEST_LIMIT_EXCEEDED' | 'INVALID_SESSION_ID'

export interface FaultMatch {
  method?: string
  /** Matched against the path after `/services/data/vNN.N` (e.g. `/composite/sobjects`), or the full path. */
  pathPrefix?: string
}

export interface SimFaults {
  failNext(match: FaultMatch, n: number, status: FaultStatus): void
  clear(): void
}

/** A validation rule: a record whose `field` matches `pattern` is refused with `message`. */
export interface SimValidationRule {
  sobject: string
  field: string
  pattern: string
  message: string
}

export interface SalesforceSimulator {
  url: string
  /** The sandbox login host (`${url}/sandbox`). */
  sandboxLoginUrl: string
  close(): Promise<void>
  /** Creates an org (or returns it): its 18-char id and the admin user id. */
  org(orgId?: string, options?: { sandbox?: boolean }): { orgId: string; userId: string }
  /** An admin approving the External Client App: a code valid once for 15 minutes. */
  authorize(orgId: string, options: { redirectUri: string }): string
  /** Tokens without the OAuth round trip. */
  issueToken(orgId: string): { accessToken: string; refreshToken: string }
  /** Every access token of the org answers INVALID_SESSION_ID from now on. */
  expireSessions(orgId: string): void
  revokedTokens(): string[]
  /** Live (not deleted) records of a type. */
  records(orgId: string, sobject: string): SimRecord[]
  /** Deleted records (the recycle bin), with MasterRecordId when merged. */
  deletedRecords(orgId: string, sobject: string): SimRecord[]
  apiUsage(orgId: string): { used: number; limit: number }
  setApiUsage(orgId: string, used: number, limit?: number): void
  /** The org's storage allocations (MB) and whether `/limits` shows them to the API user. */
  setStorage(orgId: string, storage: { dataMb?: number; fileMb?: number; visible?: boolean }): void
  removeField(orgId: string, sobject: string, field: string): void
  addValidationRule(orgId: string, rule: SimValidationRule): void
  requests: SimRequestLog[]
  resetRequests(): void
  faults: SimFaults
  setLatency(ms: number): void
  /**
   * Stamps every later change of the org with `at` (ms; Salesforce shows it to the second) until
   * called with null: changes that fall within one second, without waiting for one.
   */
  holdClock(orgId: string, at: number | null): void
  /** A rep working in Salesforce's UI (not counted as API use). */
  createRecord(orgId: string, sobject: string, fields: Record<string, FieldValue>): SimRecord
  editRecord(orgId: string, sobject: string, id: string, fields: Record<string, FieldValue>): SimRecord
  deleteRecord(orgId: string, sobject: string, id: string): void
  /** Merges `duplicateIds` into `masterId`: the duplicates are deleted with MasterRecordId set. */
  mergeRecords(orgId: string, sobject: string, masterId: string, duplicateIds: string[]): void
  /** Converts a Lead: a new Contact (or `contactId`) gets the Lead's mapped fields; the Lead is marked converted. */
  convertLead(orgId: string, leadId: string, options?: { contactId?: string }): { contactId: string }
}
