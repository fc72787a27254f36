import type { Config } from '../config'
import type { Database } from '../db/client'
import type { CrmConnection } from '../db/schema'
import type { ScheduledJob } from '../jobs/scheduler'
import type { Logger } from '../lib/logger'
import type { CrmFieldSpec } from './fields'
import type { CrmConnector, CrmStorageProfile } from './port'
import type { CrmRateBudget } from './sync/crm-rate-limiter'

/**
 * Everything that differs from one CRM to the next, in one definition: how an account installs
 * the app, how its change notifications and card calls are verified, what its fields are called,
 * how fast it may be called, and the connector the sync engine writes through. A CRM is a folder
 * `crm/<name>/` exporting one of these, registered once in `runtime.ts`; the engine, the inbound
 * path and the routes only ever ask the registry.
 */
export interface CrmProvider {
  /** The URL segment and the stored `crm_connections.provider` value (`/oauth/{name}/install`). */
  readonly name: string
  /** How people call the CRM, in messages and pages. */
  readonly label: string
  /** "HubSpot portal 123": how an account of this CRM is named in messages. */
  accountLabel(accountId: string): string
  readonly oauth: CrmOAuth
  /** Absent: the CRM has no push notifications (changes are read some other way). */
  readonly changes?: CrmChangeNotifications
  /** Absent: the CRM has no card that calls us with its own signature. */
  readonly cardAuth?: CrmCardAuth
  /** Absent: the CRM pushes its changes (or none are read back); present: we poll for them. */
  readonly polling?: CrmChangePolling
  /**
   * Absent: nothing to keep up. Present: the CRM's own periodic upkeep (Zoho re-arms its expiring
   * notification channels), scheduled by every process that runs the scheduler, like the polls.
   */
  upkeep?(input: { connectorFor: (connection: CrmConnection) => CrmConnector }): ScheduledJob[]
  /** The property a field maps to on a new connection, and whether we create and manage it. */
  defaultProperty(spec: CrmFieldSpec): { property: string; managed: boolean }
  /** The account's request budget, shared by every process through the rate limiter. */
  readonly rateBudget: CrmRateBudget
  /**
   * How the CRM counts what the sync stores in it, for the storage estimate (the connector carries
   * the same profile for the sync). Absent: each record one unit, no capacity known.
   */
  storageProfile?(connection: CrmConnection): CrmStorageProfile
  /** The connector for one connection (called once per connection and process, then kept). */
  connector(input: ConnectorInput): CrmConnector
}

/** What the generic OAuth, connector and notification code hands a provider. */
export interface ConnectorInput {
  connection: CrmConnection
  /** A usable access token; `rejected` is one the CRM just refused (refresh it). */
  accessToken: (rejected?: string) => Promise<string>
  /** Called before every HTTP request: the shared per-account rate limiter. */
  beforeRequest: (bucket: 'default' | 'search') => Promise<void>
}

/** What a code exchange yields: tokens, and whose account they are (identity → account id). */
export interface CrmGrant {
  accountId: string
  accessToken: string
  refreshToken: string
  expiresInSeconds: number
  scopes: string[]
  /** Kept on the connection for the provider alone (`crm_connections.provider_state`), merged into what is there. */
  providerState?: Record<string, unknown>
}

/** What an installer chose on the install URL (validated by `CrmOAuth.installOptions`), kept with the state for the callback. */
export type InstallOptions = Record<string, string>

export interface CrmTokenRefresh {
  accessToken: string
  /** null when the CRM did not rotate the refresh token. */
  refreshToken: string | null
  expiresInSeconds: number
  scopes: string[] | null
}

/**
 * The CRM's side of OAuth. State, token storage (encrypted), refresh under a lock, the callback
 * and disconnect are generic (`crm/oauth/`); these are the calls only the CRM can answer. Every
 * failure is a `CrmAuthError` whose reason says whether to retry, re-install or fix configuration.
 */
export interface CrmOAuth {
  /** Throws `CrmAuthError('not_configured')` when the app's credentials are not set. */
  authorizeUrl(input: { state: string; redirectUri: string; options?: InstallOptions }): string
  exchangeCode(input: {
    code: string
    redirectUri: string
    options?: InstallOptions
    /** The callback's other query parameters (Zoho names the org's data centre there). */
    callback?: (name: string) => string | undefined
  }): Promise<CrmGrant>
  /** `connection`: whose token it is (a CRM whose token host differs per account reads it there). */
  refresh(refreshToken: string, connection?: CrmConnection): Promise<CrmTokenRefresh>
  revoke(refreshToken: string, connection?: CrmConnection): Promise<'revoked' | 'already_invalid'>
  /**
   * The install URL's query parameters this CRM understands (Salesforce: `sandbox`), validated;
   * throws an `InvalidInputError` for a bad value. Absent: the install takes no options.
   */
  installOptions?(query: (name: string) => string | undefined): InstallOptions
  /** Scopes the install must grant; missing ones are reported on the connection. */
  requiredScopes(): string[]
  /** Refresh an access token this long before it expires. */
  refreshMarginMs(): number
  /** Where a browser goes after a successful install of an existing workspace; undefined: our page. */
  successUrl(): string | undefined
  /** The environment variables an operator must check when the CRM refuses the app's credentials. */
  readonly credentialSettings: string
  /** Where an admin uninstalls the app when we could not revoke its token. */
  readonly uninstallHint: string
  /** Extra set-up of this CRM after every install, before the engine's own (schema, backfill). */
  afterInstall?(connection: CrmConnection): Promise<void>
}

/** A request as the provider hooks see it (method, the public URL the CRM called, headers, body). */
export interface SignedRequest {
  method: string
  /** The URL the CRM called, with our public origin when behind a proxy. */
  url: string
  header(name: string): string | undefined
  query(name: string): string | undefined
  body(): Promise<string>
}

/** One change notification, ready for the inbound event table. */
export interface CrmInboundEvent {
  accountId: string
  /** The CRM's id of the event: a redelivery of it is dropped. */
  eventId: string
  occurredAt: Date
  payload: Record<string, unknown>
}

/** `POST /webhooks/{name}`: verify the delivery, then split it into events to store. */
export interface CrmChangeNotifications {
  /** Largest delivery accepted, in bytes. */
  readonly maxBytes: number
  /** Throws a DomainError (unauthorized, invalid_signature, not_configured) unless authentic. */
  verify(request: SignedRequest, body: string): void | Promise<void>
  /** Throws a DomainError (invalid_json, bad_request) when the body is not a delivery. */
  parse(body: string): CrmInboundEvent[]
}

/**
 * Card calls to `/api/v1` signed by the CRM (HubSpot's v3 signature; a per-org key for
 * Salesforce Apex; a Zoho connection key). The generic auth asks every provider whether it
 * recognises the request, then lets that one verify it.
 */
export interface CrmCardAuth {
  /**
   * Set when the card sends a key we issue (`POST /api/v1/connections/{id}/card-key`) in this
   * header, rather than a signature of the CRM's own.
   */
  readonly issuedKeyHeader?: string
  /** True when the request carries this CRM's card credentials (a header of its own). */
  recognises(header: (name: string) => string | undefined): boolean
  /** The verified account id; throws a DomainError when the request is not authentic. */
  verify(request: SignedRequest): Promise<string>
}

/**
 * A CRM whose changes we read by polling (Salesforce without Change Data Capture). The generic job
 * calls `poll` for each active connection on the schedule; the provider decides from the account's
 * API budget whether a poll is due, and hands back the changes as inbound events (stored, then
 * applied like pushed notifications). `store` must be called before the provider moves its cursor.
 */
export interface CrmChangePolling {
  /** Cron pattern of the job pass (each connection is polled at most as often as its budget allows). */
  readonly schedule: string
  poll(input: {
    connection: CrmConnection
    connector: CrmConnector
    store: (events: CrmInboundEvent[]) => Promise<number>
  }): Promise<{ polled: boolean; events: number }>
}

/** What a provider factory may read; `AppDeps` satisfies it. */
export interface CrmContext {
  db: Database
  config: Config
  encryptionKey: Buffer
  logger: Logger
}
