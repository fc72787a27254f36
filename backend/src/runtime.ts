import type { AppDeps } from './api/app-env'
import { createApp } from './app'
import type { AutomationWorker } from './automation/jobs/worker'
import type { Config } from './config'
import { CrmPropertyCatalog } from './crm/property-catalog'
import type { CrmContext, CrmProvider } from './crm/provider'
import { type CrmSync, createCrmSync } from './crm/sync/create-crm-sync'
import { type DbHandle, openDatabase } from './db/client'
import { migrateDatabase } from './db/migrate'
import { EventDeliveryWorker } from './events/delivery-worker'
import { eventTargetPolicy } from './events/target-policy'
import { IngestThread } from './ingest/thread-host'
import { IngestWorker } from './ingest/worker'
import type { Scheduler } from './jobs/scheduler'
import { LoopRegistry } from './jobs/worker-loop'
import { devEncryptionKey } from './lib/dev-encryption-key'
import { type Logger, warnConnectionLost } from './lib/logger'
import { createMediaServices, createMediaWorker } from './media/media-services'
import type { MediaWorker } from './media/media-worker'
import { metricsExposition } from './metrics/exposition'
import type { BroadcastExpander } from './outbound/broadcasts'
import type { Sender } from './outbound/sender'
import {
  broadcastsRunHere,
  chooseIngestMode,
  createAutomationWorker,
  createBroadcastExpander,
  createCrmRegistry,
  createScheduler,
  createSender,
  crmJobs,
  type IngestMode,
  isStale,
} from './runtime-factories'

export type { IngestMode } from './runtime-factories'

import { CrmEventWriter } from './webhooks/crm-event-writer'
import { WebhookEventWriter } from './webhooks/event-writer'
import { bootstrapAdmin } from './workspaces/bootstrap'

export interface Runtime {
  app: ReturnType<typeof createApp>
  deps: AppDeps
  db: DbHandle
  /** The in-process ingest worker; with `ingestMode` thread its loop runs in `ingestThread` instead. */
  worker: IngestWorker
  /** Where this process processes deliveries (INGEST_WORKER, with thread → inline on PGlite). */
  ingestMode: IngestMode
  ingestThread: IngestThread | null
  sender: Sender
  broadcastExpander: BroadcastExpander
  automationWorker: AutomationWorker
  crmSync: CrmSync
  scheduler: Scheduler
  /** Delivers outbound event webhooks (EVENT_WEBHOOKS). */
  eventDeliveries: EventDeliveryWorker
  /** Fetches and shrinks inbound media (MEDIA_WORKER). */
  mediaWorker: MediaWorker
  /** Every worker loop of this process, started or not, for health checks. */
  loops: LoopRegistry
  close(): Promise<void>
}

export interface RuntimeOptions {
  /** An already open database (tests share one per file); otherwise opened from config. */
  db?: DbHandle
  /** Let the runtime close `db` on close(); default true when it opened the database itself. */
  ownsDb?: boolean
  /** CRM providers registered next to the built-in ones (tests register a fake CRM this way). */
  crmProviders?: ((ctx: CrmContext) => CrmProvider)[]
  /** The URL of an already open `db` on a Postgres server, for the ingest thread's own pool. */
  databaseUrl?: string
}

/** Opens the database, migrates, bootstraps the admin key and wires the app and the worker. */
export async function startRuntime(
  config: Config,
  logger: Logger,
  options: RuntimeOptions = {},
): Promise<Runtime> {
  const db =
    options.db ??
    (await openDatabase({
      url: config.DATABASE_URL,
      driver: config.DATABASE_DRIVER,
      dataDir: config.DATA_DIR,
      poolSize: config.DATABASE_POOL_SIZE,
      onConnectionError: warnConnectionLost(logger),
    }))
  const ownsDb = options.ownsDb ?? !options.db
  // With MIGRATE_ON_START=false, `npm run db:migrate` is the deploy step that owns migrations.
  if (config.MIGRATE_ON_START) await migrateDatabase(db)
  const migrated = true
  if (config.ADMIN_API_KEY) {
    const boot = await bootstrapAdmin(db.db, config.ADMIN_API_KEY)
    if (boot.created) logger.info({ revoked: boot.revoked }, 'ADMIN_API_KEY registered as the platform key')
    if (boot.revoked > 0)
      logger.warn({ revoked: boot.revoked }, 'ADMIN_API_KEY changed: the previous key is revoked')
    if (boot.configuredKeyRevoked)
      logger.error('ADMIN_API_KEY was revoked through the API and stays revoked; configure a new key')
  }

  const ingestMode = chooseIngestMode(
    config,
    db.driver,
    options.db ? options.databaseUrl : config.DATABASE_URL,
  )
  if (config.INGEST_WORKER === 'thread' && ingestMode === 'inline')
    logger.info(
      { driver: db.driver },
      'ingest runs inline: the embedded database belongs to one thread (a worker thread needs a Postgres server)',
    )
  const worker = new IngestWorker(db.db, {
    concurrency: db.driver === 'pglite' ? 1 : config.INGEST_CONCURRENCY,
    batchSize: config.INGEST_BATCH_SIZE,
    maxAttempts: config.INGEST_MAX_ATTEMPTS,
    pollMs: 1000,
    lease: { leaseMs: config.LEASE_MS, heartbeatMs: config.LEASE_HEARTBEAT_MS },
    logger: logger.child({ component: 'ingest' }),
    onMessages: () => afterIngest(),
  })
  // Set once the workers that react to new messages exist.
  let afterIngest = () => {}
  const inline = ingestMode === 'inline'
  const ingestThread =
    ingestMode === 'thread'
      ? new IngestThread({
          data: {
            url: (options.db ? options.databaseUrl : config.DATABASE_URL) as string,
            driver: db.driver === 'neon' ? 'neon' : 'pg',
            // Each lane holds one connection at a time, plus one for claims meanwhile.
            poolSize: Math.min(config.DATABASE_POOL_SIZE, config.INGEST_CONCURRENCY + 1),
            concurrency: config.INGEST_CONCURRENCY,
            batchSize: config.INGEST_BATCH_SIZE,
            maxAttempts: config.INGEST_MAX_ATTEMPTS,
            pollMs: 1000,
            lease: { leaseMs: config.LEASE_MS, heartbeatMs: config.LEASE_HEARTBEAT_MS },
            logLevel: config.LOG_LEVEL,
          },
          logger: logger.child({ component: 'ingest' }),
          onMessages: () => afterIngest(),
        })
      : null
  const eventWriter = new WebhookEventWriter(db.db, db.driver === 'pglite' ? 1 : 4, 250, () => {
    if (inline) worker.wake()
    else ingestThread?.wake()
  })
  const encryptionKey = config.ENCRYPTION_KEY ?? devEncryptionKey(config.DATA_DIR)
  const sender = createSender(db.db, config, encryptionKey, logger)
  const broadcastExpander = createBroadcastExpander(db.db, config, logger, () => sender.wake())
  const expanding = broadcastsRunHere(config)
  const automationWorker = createAutomationWorker(db, config, encryptionKey, logger, () => sender.wake())
  const crmContext: CrmContext = { db: db.db, config, encryptionKey, logger }
  const crm = createCrmRegistry(crmContext, options.crmProviders)
  const crmSync = createCrmSync(db.db, config, encryptionKey, logger, crm)
  const media = createMediaServices(config, encryptionKey)
  const mediaWorker = createMediaWorker(db.db, db.driver, config, media, encryptionKey, logger)
  afterIngest = () => {
    automationWorker.wake()
    crmSync.worker.wake()
    mediaWorker.wake()
  }
  const crmEvents = new CrmEventWriter(db.db)
  const eventTargets = eventTargetPolicy(config)
  const eventDeliveries = new EventDeliveryWorker(db.db, {
    encryptionKey,
    policy: eventTargets,
    logger,
    timeoutMs: config.EVENT_WEBHOOK_TIMEOUT_MS,
    retryBaseMs: config.EVENT_WEBHOOK_RETRY_BASE_MS,
    pollMs: config.EVENT_WEBHOOK_POLL_MS,
    batchSize: 50,
  })
  const scheduler = createScheduler(
    db.db,
    config,
    logger,
    encryptionKey,
    crmJobs(db.db, crm, crmSync, logger),
    crmSync.connectorFor,
  )
  const loops = new LoopRegistry()
  loops.add(
    worker.loop,
    sender.loop,
    broadcastExpander.loop,
    automationWorker.loop,
    crmSync.worker.loop,
    scheduler.loop,
    eventDeliveries.loop,
    mediaWorker.loop,
  )
  const deps: AppDeps = {
    db: db.db,
    driver: db.driver,
    config,
    logger,
    encryptionKey,
    eventWriter,
    crm,
    crmEvents,
    eventTargets,
    media,
    ingestWorker: inline ? worker : (ingestThread ?? undefined),
    sender: config.SENDER === 'inline' ? sender : undefined,
    broadcastExpander: expanding ? broadcastExpander : undefined,
    crmSync: config.CRM_SYNC === 'inline' ? crmSync.worker : undefined,
    crmInstall: { onInstalled: (id) => crmSync.onInstalled(id) },
    crmQuota: (connection) => crmSync.connectorFor(connection).quota(),
    crmProperties: new CrmPropertyCatalog(crmSync.connectorFor, (provider) => crm.get(provider).label),
    isMigrated: () => migrated,
    loops: () =>
      [
        ...loops.stale(config.READY_MAX_LOOP_SILENCE_MS),
        ...(ingestThread && isStale(ingestThread.health(), config.READY_MAX_LOOP_SILENCE_MS)
          ? [ingestThread.health()]
          : []),
      ].map((h) => h.name),
    metrics: metricsExposition(
      {
        db: db.db,
        pool: db.poolStats,
        crmBudgets: () =>
          crmSync.connectorFor.quotas().map((q) => ({
            connectionId: q.connectionId,
            provider: q.provider,
            remaining: q.quota.remaining,
            max: q.quota.max,
          })),
        workerTicks: () =>
          [
            ...loops.health().filter((h) => !(ingestThread && h.name === ingestThread.name)),
            ...(ingestThread ? [ingestThread.health()] : []),
          ].map((h) => ({
            name: h.name,
            lastTickAt: h.lastTickAt?.getTime() ?? null,
          })),
      },
      logger,
    ),
  }
  if (inline) worker.start()
  ingestThread?.start()
  if (config.SENDER === 'inline') sender.start()
  if (expanding) broadcastExpander.start()
  if (config.AUTOMATION_WORKER === 'inline') automationWorker.start()
  if (config.CRM_SYNC === 'inline') crmSync.worker.start()
  if (config.SCHEDULER === 'inline') scheduler.start()
  if (config.EVENT_WEBHOOKS === 'inline') eventDeliveries.start()
  if (config.MEDIA_WORKER === 'inline') mediaWorker.start()
  return {
    app: createApp(deps),
    deps,
    db,
    worker,
    ingestMode,
    ingestThread,
    sender,
    broadcastExpander,
    automationWorker,
    crmSync,
    scheduler,
    eventDeliveries,
    mediaWorker,
    loops,
    async close() {
      await eventDeliveries.stop()
      await scheduler.stop()
      await mediaWorker.stop()
      await crmSync.worker.stop()
      await automationWorker.stop()
      await broadcastExpander.stop()
      await sender.stop()
      await worker.stop()
      await ingestThread?.stop()
      if (ownsDb) await db.close()
    },
  }
}

export {
  broadcastsRunHere,
  chooseIngestMode,
  createAutomationWorker,
  createBroadcastExpander,
  createCrmRegistry,
  createScheduler,
  createSender,
  crmJobs,
} from './runtime-factories'
