import type { AppDeps } from './api/app-env'
import { createApp } from './app'
import { AutomationWorker } from './automation/jobs/worker'
import { rulesSweepJob } from './automation/rules/sweep'
import type { Config } from './config'
import { dedupScanJob } from './contacts/dedup/scan-job'
import { hubspotProvider } from './crm/hubspot/provider'
import { crmPollJob } from './crm/inbound/poll-crm-changes'
import { reportMergeToCrms } from './crm/merge-review-items'
import type { CrmContext, CrmProvider } from './crm/provider'
import { CrmRegistry } from './crm/registry'
import { salesforceProvider } from './crm/salesforce/provider'
import { type CrmSync, createCrmSync } from './crm/sync/create-crm-sync'
import { zohoProvider } from './crm/zoho/provider'
import { zohoWatchJob } from './crm/zoho/zoho-watch-job'
import { type DbHandle, openDatabase } from './db/client'
import { migrateDatabase } from './db/migrate'
import { EventDeliveryWorker } from './events/delivery-worker'
import { eventTargetPolicy } from './events/target-policy'
import { IngestThread } from './ingest/thread-host'
import { IngestWorker } from './ingest/worker'
import { intentRetrainJob } from './intelligence/retrain-job'
import { type ScheduledJob, Scheduler } from './jobs/scheduler'
import { type LoopHealth, LoopRegistry } from './jobs/worker-loop'
import { devEncryptionKey } from './lib/dev-encryption-key'
import { type Logger, warnConnectionLost } from './lib/logger'
import { auditRetentionJob } from './lifecycle/audit-retention'
import { createMediaServices, createMediaWorker } from './media/media-services'
import type { MediaWorker } from './media/media-worker'
import { metricsExposition } from './metrics/exposition'
import { BroadcastExpander } from './outbound/broadcasts'
import { Sender } from './outbound/sender'
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

export type IngestMode = 'thread' | 'inline' | 'off'

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
  const scheduler = createScheduler(db.db, config, logger, [
    ...crmPollJobs(db.db, crm, crmSync, logger),
    ...zohoJobs(db.db, config, crm, crmSync, logger),
  ])
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

/**
 * `thread` needs a Postgres server and its URL (the thread opens its own pool); on the embedded
 * database, which lives in this thread's memory, processing stays inline.
 */
export function chooseIngestMode(
  config: Config,
  driver: DbHandle['driver'],
  url: string | undefined,
): IngestMode {
  if (config.INGEST_WORKER !== 'thread') return config.INGEST_WORKER
  return driver === 'pglite' || !url ? 'inline' : 'thread'
}

/** Broadcast expansion runs where BROADCAST_WORKER says, by default wherever the sender runs. */
export function broadcastsRunHere(config: Config): boolean {
  return (config.BROADCAST_WORKER ?? config.SENDER) === 'inline'
}

export function createBroadcastExpander(
  db: DbHandle['db'],
  config: Config,
  logger: Logger,
  onQueued: () => void,
): BroadcastExpander {
  return new BroadcastExpander(db, {
    chunk: config.BROADCAST_CHUNK,
    pollMs: 1000,
    logger: logger.child({ component: 'broadcasts' }),
    onQueued,
  })
}

/** A running loop whose last pass ended (or, before the first, that started) over `maxAgeMs` ago. */
function isStale(h: LoopHealth, maxAgeMs: number, now = Date.now()): boolean {
  const since = h.lastTickAt ?? h.startedAt
  return h.running && since !== null && now - since.getTime() > maxAgeMs
}

/** The CRMs this server speaks: one `register` per provider, plus any a test adds. */
export function createCrmRegistry(ctx: CrmContext, extra: RuntimeOptions['crmProviders'] = []): CrmRegistry {
  const crm = new CrmRegistry()
  crm.register(hubspotProvider(ctx.config))
  crm.register(salesforceProvider(ctx))
  crm.register(zohoProvider(ctx))
  for (const provider of extra) crm.register(provider(ctx))
  return crm
}

/** The change polls of CRMs that do not push their changes (Salesforce), as scheduled jobs. */
export function crmPollJobs(
  db: DbHandle['db'],
  crm: CrmRegistry,
  crmSync: CrmSync,
  logger: Logger,
): ScheduledJob[] {
  const events = new CrmEventWriter(db)
  return crm.names().flatMap((name) => {
    const job = crmPollJob(crm.get(name), {
      db,
      connectorFor: crmSync.connectorFor,
      store: (provider, rows) => events.append(provider, rows),
      onEvents: () => crmSync.worker.wake(),
      logger: logger.child({ component: 'crm-poll' }),
    })
    return job ? [job] : []
  })
}

/** Zoho's daily renewal of its notification channels, when Zoho is registered and the schedule is on. */
function zohoJobs(
  db: DbHandle['db'],
  config: Config,
  crm: CrmRegistry,
  crmSync: CrmSync,
  logger: Logger,
): ScheduledJob[] {
  if (!crm.has('zoho') || config.ZOHO_WATCH_SCHEDULE === 'off') return []
  return [
    zohoWatchJob({
      db,
      schedule: config.ZOHO_WATCH_SCHEDULE,
      publicUrl: config.PUBLIC_URL,
      connectorFor: crmSync.connectorFor,
      logger: logger.child({ component: 'zoho-watch' }),
    }),
  ]
}

export function createSender(
  db: DbHandle['db'],
  config: Config,
  encryptionKey: Buffer,
  logger: Logger,
): Sender {
  return new Sender(db, {
    cloudApi: {
      graphUrl: config.WHATSAPP_GRAPH_URL,
      apiVersion: config.WHATSAPP_API_VERSION,
      timeoutMs: config.SENDER_REQUEST_TIMEOUT_MS,
    },
    encryptionKey,
    logger: logger.child({ component: 'sender' }),
    horizonMs: config.SENDER_HORIZON_MS,
    pollMs: config.SENDER_POLL_MS,
    leaseMs: config.SENDER_LEASE_MS ?? config.LEASE_MS,
    heartbeatMs: config.LEASE_HEARTBEAT_MS,
    reconcileMs: config.SENDER_RECONCILE_MS,
    pairSpacingMs: config.SENDER_PAIR_SPACING_MS,
    throughputShare: config.SENDER_THROUGHPUT_SHARE,
    transientRetryBaseMs: config.SENDER_RETRY_BASE_MS,
  })
}

/** Runs the jobs rules queued (sends, discount codes, order look-ups) through the outbound policy. */
export function createAutomationWorker(
  db: DbHandle,
  config: Config,
  encryptionKey: Buffer,
  logger: Logger,
  onQueued?: () => void,
): AutomationWorker {
  return new AutomationWorker(db.db, {
    logger: logger.child({ component: 'automation' }),
    encryptionKey,
    maxAttempts: config.AUTOMATION_MAX_ATTEMPTS,
    retryBaseMs: config.AUTOMATION_RETRY_BASE_MS,
    // Renewed by heartbeat while a job runs (an order look-up may take 30 s), so a live job is never taken twice.
    leaseMs: config.LEASE_MS,
    heartbeatMs: config.LEASE_HEARTBEAT_MS,
    concurrency: db.driver === 'pglite' ? 1 : 4,
    pollMs: config.AUTOMATION_POLL_MS,
    batchSize: 10,
    onQueued,
  })
}

/** Periodic jobs, each on its cron schedule in every workspace's time zone. */
export function createScheduler(
  db: DbHandle['db'],
  config: Config,
  logger: Logger,
  extra: ScheduledJob[] = [],
): Scheduler {
  const jobs: ScheduledJob[] = [...extra]
  if (config.RULES_SWEEP_SCHEDULE !== 'off')
    jobs.push(
      rulesSweepJob(db, {
        schedule: config.RULES_SWEEP_SCHEDULE,
        logger: logger.child({ component: 'rules-sweep' }),
      }),
    )
  if (config.DEDUP_SCAN_SCHEDULE !== 'off') {
    jobs.push(
      dedupScanJob(db, {
        schedule: config.DEDUP_SCAN_SCHEDULE,
        logger: logger.child({ component: 'dedup-scan' }),
        onMerge: reportMergeToCrms,
      }),
    )
  }
  if (config.INTENT_RETRAIN_SCHEDULE !== 'off')
    jobs.push(
      intentRetrainJob(db, {
        schedule: config.INTENT_RETRAIN_SCHEDULE,
        logger: logger.child({ component: 'intent-retrain' }),
      }),
    )
  jobs.push(
    auditRetentionJob(db, {
      schedule: '30 3 * * *',
      retentionDays: config.AUDIT_RETENTION_DAYS,
      logger: logger.child({ component: 'audit-retention' }),
    }),
  )
  return new Scheduler(db, {
    jobs,
    leaseMs: config.LEASE_MS,
    logger: logger.child({ component: 'scheduler' }),
  })
}
