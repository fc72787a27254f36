/**
 * Public types of the Zoho CRM simulator: data centres, the options it starts with, and the handle
 * tests drive it through.
 */

/** Zoho's data centres, by the top-level domain their hosts end in. */
export const DATA_CENTRES = ['com', 'eu', 'in', 'com.au', 'jp', 'com.cn', 'ca', 'sa'] as const
export type DataCentre = (typeof DATA_CENTRES)[number]

/** Editions and their rolling-24 h credit base and concurrency (shared/reference/zoho.md §2.8). */
export const EDITIONS = {
  free: { credits: 5_000, concurrency: 5, customFields: 0 },
  standard: { credits: 50_000, concurrency: 10, customFields: 10 },
  professional: { credits: 50_000, concurrency: 15, customFields: 150 },
  enterprise: { credits: 50_000, concurrency: 20, customFields: 500 },
  ultimate: { credits: 50_000, concurrency: 25, customFields: 500 },
} as const
export type Edition = keyof typeof EDITIONS

export interface ZohoSimulatorOptions {
  clientId?: string
  clientSecret?: string
  /** Added to every API answer (default 0): makes concurrency observable. */
  latencyMs?: number
  /** Access-token lifetime in seconds (default 3600). */
  accessTokenTtlSeconds?: number
  /** Access tokens one refresh token may mint per 10 minutes (default 10, Zoho's rule). */
  tokensPer10Min?: number
  port?: number
  host?: string
}

export const DEFAULTS = {
  clientId: '1000.SIMCLIENTID',
  clientSecret: 'sim-zoho-client-secret',
  latencyMs: 0,
  accessTokenTtlSeconds: 3600,
  tokensPer10Min: 10,
  host: '127.0.0.1',
} as const

export type FieldValue = string | number | boolean | null | FieldValue[] | { [k: string]: FieldValue }
/** A stored record: API name → value; system fields (id, Created_Time, Modified_Time, Modified_By, Tag) included. */
export type SimRecord = Record<string, FieldValue>

export interface SimFieldMeta {
  id: string
  api_name: string
  field_label: string
  data_type: string
  length?: number
  custom_field: boolean
  unique?: { casesensitive: boolean }
  pick_list_values?: { display_value: string; actual_value: string }[]
  system_mandatory?: boolean
  /** The label the UI shows (Zoho lists it beside field_label). */
  display_label?: string
  /** Read-only for the user's profile; `field_read_only`: for everyone (system fields). */
  read_only?: boolean
  field_read_only?: boolean
  /** `data_type: 'formula'`: what the expression yields. */
  formula?: { return_type: string; expression: string }
}

export interface SimChannel {
  channel_id: string
  events: string[]
  notify_url: string
  token?: string
  channel_expiry: string
  return_affected_field_values: boolean
  notification_condition?: unknown
}

export interface SimDelivery {
  url: string
  body: Record<string, unknown>
  status: number
  at: number
}

export interface SimRequestLog {
  method: string
  path: string
  dc: DataCentre | null
  status: number
  orgId: string | null
  credits: number
  records: number
  at: number
}

export type FaultStatus = 429 | 500 | 503 | 'drop' | 'INVALID_TOKEN'
export interface FaultMatch {
  method?: string
  /** Matched against the path after `/crm/v8` (e.g. `/Contacts/upsert`). */
  pathPrefix?: string
}

export interface ZohoSimulator {
  url: string
  /** Where a data centre's accounts server and API domain live on the simulator. */
  accountsUrl(dc: DataCentre): string
  apiDomain(dc: DataCentre): string
  close(): Promise<void>
  org(opts?: { dc?: DataCentre; edition?: Edition; users?: number; orgId?: string }): {
    orgId: string
    userId: string
    dc: DataCentre
  }
  /**
   * An admin approving the app at the org's data centre: the code, plus what Zoho adds to the
   * redirect (`location`, `accounts-server`).
   */
  authorize(
    orgId: string,
    opts: { redirectUri: string; scope?: string },
  ): { code: string; location: string; accountsServer: string }
  issueToken(orgId: string): { accessToken: string; refreshToken: string }
  expireAccessTokens(orgId: string): void
  revokedTokens(): string[]
  records(orgId: string, module: string): SimRecord[]
  fields(orgId: string, module: string): SimFieldMeta[]
  tags(orgId: string, module: string): { id: string; name: string }[]
  channels(orgId: string): SimChannel[]
  credits(orgId: string): { used: number; limit: number }
  setCredits(orgId: string, used: number, limit?: number): void
  /** The most calls the org had in flight at once. */
  peakConcurrency(orgId: string): number
  lockRecord(orgId: string, id: string): void
  /** A rep in the CRM UI (no credits); fires notifications. */
  createRecord(orgId: string, module: string, fields: SimRecord): SimRecord
  editRecord(orgId: string, module: string, id: string, fields: SimRecord): SimRecord
  deleteRecord(orgId: string, module: string, id: string): void
  /** A rep merges `childId` into `masterId` in Zoho's UI (Merge Records): the child's delete is notified. */
  mergeRecords(orgId: string, module: 'Contacts' | 'Leads', masterId: string, childId: string): SimRecord
  /**
   * A rep converts a Lead (to a new Contact, or onto `contactId`): the Lead's delete and the new
   * Contact's insert are notified. Returns the Contact's id.
   */
  convertLead(orgId: string, leadId: string, opts?: { contactId?: string; carryOverTags?: boolean }): string
  /** Stamps every change of the org (Modified_Time) at `at` until called with null: one busy second. */
  holdClock(orgId: string, at: number | null): void
  /** Callbacks wait until `flushNotifications` (tests reorder or repeat them). */
  holdNotifications(hold: boolean): void
  flushNotifications(opts?: { reverse?: boolean; repeat?: boolean }): Promise<void>
  /** Hands callbacks to `deliver` instead of `fetch` (a backend served in-process). */
  routeNotifications(deliver: (url: string, init: RequestInit) => Promise<Response>): void
  /** Drops a channel as Zoho does when it expires (the backend must notice and subscribe again). */
  dropChannel(orgId: string, channelId: string): void
  deliveries: SimDelivery[]
  requests: SimRequestLog[]
  resetRequests(): void
  faults: { failNext(match: FaultMatch, n: number, status: FaultStatus): void; clear(): void }
  setLatency(ms: number): void
}
