import { join } from 'node:path'
import { analyticsJobs } from './analytics/analytics-jobs'
import { unreadExportJob } from './analytics/unread-export'
import { AutomationWorker } from './automation/jobs/worker'
import { rulesSweepJob } from './automation/rules/sweep'
import { GraphRoutes } from './channels/graph-routes'
import type { Config } from './config'
import { dedupScanJob } from './contacts/dedup/scan-job'
import type { ConnectorFor } from './crm/connectors'
import { hubspotProvider } from './crm/hubspot/provider'
import { crmPollJob } from './crm/inbound/poll-crm-changes'
import { reportMergeToCrms } from './crm/merge-review-items'
import type { CrmContext, CrmProvider } from './crm/provider'
import { CrmRegistry } from './crm/registry'
import { salesforceProvider } from './crm/salesforce/provider'
import { storageCapacityJob } from './crm/storage/capacity-job'
import type { CrmSync } from './crm/sync/create-crm-sync'
import { zohoProvider } from './crm/zoho/provider'
import type { DbHandle } from './db/client'
import { intentRetrainJob } from './intelligence/retrain-job'
import { type ScheduledJob, Scheduler } from './jobs/scheduler'
import type { LoopHealth } from './jobs/worker-loop'
import type { Logger } from './lib/logger'
import { auditRetentionJob } from './lifecycle/audit-retention'
import { dailyBackupJob } from './lifecycle/backup/daily-backup'
import { retentionArchiveJob } from './lifecycle/retention/archive-job'
import { openMediaStorage } from './media/media-services'
import { BroadcastExpander } from './outbound/broadcasts'
import { Sender } from './outbound/sender'
import { apiHealthJob } from './watchdogs/api-health-job'
import { syncAccuracyJob } from './watchdogs/sync-accuracy-job'
import { CrmEventWriter } from './webhooks/crm-event-writer'

/** A health probe slower than this is no answer at all (the failing threshold is 1.5 s). */
const PROBE_TIMEOUT_MS = 5_000

export type IngestMode = 'thread' | 'inline' | 'off'

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
export function isStale(h: LoopHealth, maxAgeMs: number, now = Date.now()): boolean {
  const since = h.lastTickAt ?? h.startedAt
  return h.running && since !== null && now - since.getTime() > maxAgeMs
}

/** The CRMs this server speaks: one `register` per provider, plus any a test adds. */
export function createCrmRegistry(
  ctx: CrmContext,
  extra: ((ctx: CrmContext) => CrmProvider)[] = [],
): CrmRegistry {
  const crm = new CrmRegistry()
  crm.register(hubspotProvider(ctx.config))
  crm.register(salesforceProvider(ctx))
  crm.register(zohoProvider(ctx))
  for (const provider of extra) crm.register(provider(ctx))
  return crm
}

/**
 * Every CRM's scheduled jobs: the change polls of CRMs that do not push their changes (Salesforce)
 * and each provider's own upkeep (Zoho's notification channel renewal). The API process and every
 * worker schedule the same list; the scheduler's slot lease runs each slot once among them.
 */
export function crmJobs(
  db: DbHandle['db'],
  crm: CrmRegistry,
  crmSync: CrmSync,
  logger: Logger,
): ScheduledJob[] {
  const events = new CrmEventWriter(db)
  return crm.names().flatMap((name) => {
    const provider = crm.get(name)
    const poll = crmPollJob(provider, {
      db,
      connectorFor: crmSync.connectorFor,
      store: (provider, rows) => events.append(provider, rows),
      onEvents: () => crmSync.worker.wake(),
      logger: logger.child({ component: 'crm-poll' }),
    })
    return [...(poll ? [poll] : []), ...(provider.upkeep?.({ connectorFor: crmSync.connectorFor }) ?? [])]
  })
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
    graphRoutes: new GraphRoutes(db, config.WHATSAPP_GRAPH_URL, config.WHATSAPP_STANDBY_GRAPH_URL),
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
  encryptionKey: Buffer,
  extra: ScheduledJob[] = [],
  /** The CRM sync's connectors; without them (no CRM sync in this process) no accuracy sample. */
  connectorFor?: ConnectorFor,
): Scheduler {
  const jobs: ScheduledJob[] = [...extra]
  if (config.WHATSAPP_HEALTH_SCHEDULE !== 'off')
    jobs.push(
      apiHealthJob(db, {
        schedule: config.WHATSAPP_HEALTH_SCHEDULE,
        cloudApi: {
          graphUrl: config.WHATSAPP_GRAPH_URL,
          apiVersion: config.WHATSAPP_API_VERSION,
          timeoutMs: PROBE_TIMEOUT_MS,
        },
        standbyGraphUrl: config.WHATSAPP_STANDBY_GRAPH_URL,
        encryptionKey,
        retryMs: config.WHATSAPP_HEALTH_RETRY_MS,
        logger: logger.child({ component: 'whatsapp-health' }),
      }),
    )
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
  jobs.push(...analyticsJobs(db))
  jobs.push(
    auditRetentionJob(db, {
      schedule: '30 3 * * *',
      retentionDays: config.AUDIT_RETENTION_DAYS,
      logger: logger.child({ component: 'audit-retention' }),
    }),
  )
  if (config.ARCHIVE_SCHEDULE !== 'off')
    jobs.push(
      retentionArchiveJob(db, openMediaStorage(config), {
        schedule: config.ARCHIVE_SCHEDULE,
        logger: logger.child({ component: 'retention-archive' }),
      }),
    )
  if (config.UNREAD_EXPORT_SCHEDULE !== 'off')
    jobs.push(
      unreadExportJob(db, {
        schedule: config.UNREAD_EXPORT_SCHEDULE,
        dir: config.UNREAD_EXPORT_DIR ?? join(config.DATA_DIR, 'exports'),
        keepDays: config.UNREAD_EXPORT_KEEP_DAYS,
        logger: logger.child({ component: 'unread-export' }),
      }),
    )
  if (connectorFor && config.SYNC_ACCURACY_SCHEDULE !== 'off')
    jobs.push(
      syncAccuracyJob(db, {
        schedule: config.SYNC_ACCURACY_SCHEDULE,
        connectorFor,
        logger: logger.child({ component: 'sync-accuracy' }),
      }),
    )
  if (connectorFor && config.CRM_STORAGE_SCHEDULE !== 'off')
    jobs.push(
      storageCapacityJob(db, {
        schedule: config.CRM_STORAGE_SCHEDULE,
        connectorFor,
        logger: logger.child({ component: 'crm-storage' }),
      }),
    )
  if (config.BACKUP_PASSPHRASE && config.BACKUP_SCHEDULE !== 'off')
    jobs.push(
      dailyBackupJob(db, {
        schedule: config.BACKUP_SCHEDULE,
        dir: config.BACKUP_DIR ?? join(config.DATA_DIR, 'backups'),
        passphrase: config.BACKUP_PASSPHRASE,
        fullEveryDays: config.BACKUP_FULL_EVERY_DAYS,
        keepDays: config.BACKUP_KEEP_DAYS,
        logger: logger.child({ component: 'daily-backup' }),
      }),
    )
  return new Scheduler(db, {
    jobs,
    leaseMs: config.LEASE_MS,
    logger: logger.child({ component: 'scheduler' }),
  })
}
