/**
 * Public types of the HubSpot simulator: the options it starts with, the handle tests drive it
 * through, and the shapes of the records it exposes for assertions.
 */

export interface HubspotSimulatorOptions {
  /** OAuth app client id (default 'sim-client-id'). */
  clientId?: string
  /** OAuth app client secret; also the key of the v3 webhook signature (default 'sim-client-secret-0123456789'). */
  clientSecret?: string
  /** Requests per portal in a rolling 10 s window, search excluded (default 110). */
  rateLimitPerTenSeconds?: number
  /** Search requests per portal per second (default 5). */
  searchPerSecond?: number
  /** Added to every API answer (default 0). */
  latencyMs?: number
  /** Lifetime of an access token (default 1800). */
  accessTokenTtlSeconds?: number
  /** Also deliver webhooks for writes the app made through the API (default false). */
  deliverOwnChanges?: boolean
  /** Webhook target at start (default none). */
  webhookUrl?: string | null
  /** Extra tries of a webhook answered non-2xx or not answered (default 3). */
  webhookRetries?: number
  /** Delay before the first retry, doubling after each (default 50 ms). */
  webhookRetryDelayMs?: number
  /** App id put in webhook events and the OAuth answers (default 1000001). */
  appId?: number
  /** Records created less than this long ago are not yet found by search, like HubSpot's index lag (default 0). */
  searchIndexLagMs?: number
  /** Listen port (default 0 = any free port) and address (default 127.0.0.1). */
  port?: number
  host?: string
}

export const DEFAULTS = {
  clientId: 'sim-client-id',
  clientSecret: 'sim-client-secret-0123456789',
  rateLimitPerTenSeconds: 110,
  searchPerSecond: 5,
  latencyMs: 0,
  accessTokenTtlSeconds: 1800,
  deliverOwnChanges: false,
  webhookRetries: 3,
  webhookRetryDelayMs: 50,
  appId: 1000001,
  host: '127.0.0.1',
  scopes: [
    'oauth',
    'crm.objects.contacts.read',
    'crm.objects.contacts.write',
    'crm.schemas.contacts.read',
    'crm.schemas.contacts.write',
  ],
} as const

/** A CRM record as HubSpot stores it: every property value a string (or null). */
export interface SimRecord {
  id: string
  properties: Record<string, string | null>
  createdAt: string
  updatedAt: string
  archived: boolean
  archivedAt?: string
}

export interface SimPropertyOption {
  label: string
  value: string
  description?: string
  displayOrder?: number
  hidden?: boolean
}

/** A property definition in HubSpot's v3 shape. */
export interface SimProperty {
  name: string
  label: string
  type: 'string' | 'number' | 'datetime' | 'date' | 'enumeration' | 'bool' | 'phone_number'
  fieldType: string
  groupName: string
  description: string
  options: SimPropertyOption[]
  displayOrder: number
  hasUniqueValue: boolean
  hidden: boolean
  formField: boolean
  calculated: boolean
  externalOptions: boolean
  /** false for HubSpot's own properties. */
  hubspotDefined?: boolean
  createdAt: string
  updatedAt: string
  archived: boolean
  modificationMetadata: {
    archivable: boolean
    readOnlyDefinition: boolean
    readOnlyValue: boolean
  }
}

export interface SimPropertyGroup {
  name: string
  label: string
  displayOrder: number
  archived: boolean
}

export interface SimAssociation {
  toType: string
  toId: string
  typeId: number
}

/** One API request the simulator answered (control routes excluded). */
export interface SimRequestLog {
  method: string
  path: string
  /** HTTP status answered (429s included); 0 when an injected 'drop' closed the connection. */
  status: number
  /** Portal of the token, when the request carried a known one. */
  portalId: number | null
  /** Epoch ms when the request arrived. */
  at: number
  /** Number of `inputs` of a batch body (1 for single-object calls, 0 otherwise). */
  inputs: number
}

/**
 * An HTTP error, a dropped connection, or `garbage`: 200 with an HTML body where JSON was due.
 * 403 answers HubSpot's MISSING_SCOPES body (a refusal that retrying does not cure).
 */
export type FaultStatus = 403 | 429 | 500 | 502 | 503 | 'drop' | 'garbage'

export interface FaultMatch {
  method?: string
  pathPrefix?: string
}

export interface SimFaults {
  /** Fail the next `n` requests matching `match` with `status` ('drop' = close the socket unanswered). */
  failNext(match: FaultMatch, n: number, status: FaultStatus): void
  clear(): void
}

/** A webhook delivery attempt, for assertions. */
export interface SimWebhookAttempt {
  url: string
  attemptNumber: number
  /** HTTP status, or 0 when the target did not answer. */
  status: number
  eventIds: number[]
  at: number
}

export interface HubspotSimulator {
  /** e.g. http://127.0.0.1:PORT (basePath for the SDK). */
  url: string
  close(): Promise<void>
  /** Simulates a user installing the app in `portalId`: returns an authorization code valid once for 10 min. */
  authorize(portalId: number, opts?: { scopes?: string[]; redirectUri?: string }): string
  /** Issues an access token for the portal directly (tests that are not about OAuth). */
  issueToken(portalId: number): { accessToken: string; refreshToken: string }
  contacts(portalId: number): SimRecord[]
  communications(portalId: number): SimRecord[]
  tasks(portalId: number): SimRecord[]
  /** Records of any object type (`contacts`, `communications`, `tasks`, …). */
  records(portalId: number, objectType: string): SimRecord[]
  associations(portalId: number, fromType: string, fromId: string): SimAssociation[]
  properties(portalId: number, objectType: string): SimProperty[]
  groups(portalId: number, objectType: string): { name: string; label: string }[]
  /** Every API request received (429s included). */
  requests: SimRequestLog[]
  resetRequests(): void
  faults: SimFaults
  /** Where HubSpot delivers webhooks (signed v3 with the client secret). */
  setWebhookTarget(url: string | null): void
  /** Every webhook delivery attempt so far. */
  webhookAttempts: SimWebhookAttempt[]
  /** Resolves when no webhook delivery is pending or in flight. */
  webhooksIdle(): Promise<void>
  /** A rep edits a contact in HubSpot's UI: changes the record and delivers contact.propertyChange events. */
  editContact(
    portalId: number,
    id: string,
    properties: Record<string, string | null>,
    opts?: { at?: number },
  ): Promise<void>
  /** Delivers contact.creation. */
  createContact(portalId: number, properties: Record<string, string | null>): Promise<string>
  /** Delivers contact.merge. */
  mergeContacts(portalId: number, primaryId: string, mergedId: string): Promise<void>
  /** Archives, delivers contact.deletion. */
  deleteContact(portalId: number, id: string): Promise<void>
  /** GDPR delete in HubSpot: archives, delivers contact.privacyDeletion. */
  gdprDeleteContact(portalId: number, id: string): Promise<void>
  /** Revoked refresh tokens stop working (uninstall). */
  revokedTokens(): string[]
  /** The portal's record limits in the limits tracking API (`GET /crm/v3/limits/records`). */
  setRecordLimits(
    portalId: number,
    limits: Partial<Record<'contacts' | 'communications' | 'tasks', number>>,
  ): void
}
