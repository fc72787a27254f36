import type { Config } from '../config'
import type { CrmInstallHooks } from '../crm/oauth'
import type { CrmQuota } from '../crm/port'
import type { CrmPropertyCatalog } from '../crm/property-catalog'
import type { CrmRegistry } from '../crm/registry'
import type { Database, DriverName } from '../db/client'
import type { CrmConnection } from '../db/schema'
import type { TargetPolicy } from '../events/target-policy'
import type { Logger } from '../lib/logger'
import type { MediaServices } from '../media/media-services'
import type { MetricsExposition } from '../metrics/exposition'
import type { BroadcastExpander } from '../outbound/broadcasts'
import type { Sender } from '../outbound/sender'
import type { CrmEventWriter } from '../webhooks/crm-event-writer'
import type { WebhookEventWriter } from '../webhooks/event-writer'

/** What the routes need, built once by the server (or by a test) and passed to `createApp`. */
export interface AppDeps {
  db: Database
  driver: DriverName
  config: Config
  logger: Logger
  encryptionKey: Buffer
  eventWriter: WebhookEventWriter
  /** The CRMs this server speaks; routes and card auth ask it, never name a CRM themselves. */
  crm: CrmRegistry
  /** Stores CRM change notifications before they are acknowledged. */
  crmEvents: CrmEventWriter
  /** Which URLs may receive event webhooks (private addresses only outside production). */
  eventTargets: TargetPolicy
  /** Present when ingest runs in this process (inline or in its thread); routes wake it after storing work. */
  ingestWorker?: { wake(): void }
  /** Present when the sender runs in this process; the send route wakes it. */
  sender?: Sender
  broadcastExpander?: BroadcastExpander
  /** Present when the CRM sync runs in this process; webhook routes wake it. */
  crmSync?: { wake(): void }
  /** The request budget a CRM account last reported to this process's connector. */
  crmQuota?: (connection: CrmConnection) => CrmQuota | null
  /** Lists each connection's CRM contact properties for the mapping editor (cached briefly). */
  crmProperties?: CrmPropertyCatalog
  /** Work after every CRM install (ensure our properties, first backfill); read per request. */
  crmInstall?: CrmInstallHooks
  /** What GET /metrics renders (this process's counters and the shared queues' gauges). */
  metrics?: MetricsExposition
  /** Background loops of this process that have not ticked within READY_MAX_LOOP_SILENCE_MS. */
  loops?: () => string[]
  /** Our media store and link signer: signed links in thread views and the file route. */
  media?: MediaServices
  /** The built admin console served at /admin (default: admin-console/dist beside the backend). */
  consoleDir?: string
  /** Set once migrations are applied; `/readyz` reports it. */
  isMigrated: () => boolean
}

export interface AuthContext {
  workspaceId: string
  /** The API key, or for card calls the CRM connection, that authenticated the request. */
  keyId: string
  /** `card`: a signed call from a CRM card, acting for the rep looking at a record. */
  scope: 'admin' | 'platform' | 'card'
  crm?: { provider: string; connectionId: string }
}

export interface AppEnv {
  Variables: {
    requestId: string
    auth: AuthContext
  }
}
