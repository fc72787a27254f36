import './lib/exit-on-unsupported-node'
import { configFromEnvOrExit } from './config'
import { createCrmSync } from './crm/sync/create-crm-sync'
import { openDatabase } from './db/client'
import { migrateDatabase } from './db/migrate'
import { IngestWorker } from './ingest/worker'
import { devEncryptionKey } from './lib/dev-encryption-key'
import { createLogger } from './lib/logger'
import { BroadcastExpander } from './outbound/broadcasts'
import {
  createAutomationWorker,
  createCrmRegistry,
  createScheduler,
  createSender,
  crmPollJobs,
} from './runtime'

/**
 * The ingest worker (and the sender) as its own process, for deployments that scale webhook intake and processing
 * separately (run the API with INGEST_WORKER=off). Needs a shared Postgres: an embedded PGlite
 * database belongs to one process.
 */
const config = configFromEnvOrExit()
if (!config.DATABASE_URL) {
  process.stderr.write(
    'The standalone worker needs DATABASE_URL: the embedded database can only be used by the API process.\n',
  )
  process.exit(1)
}

const logger = createLogger(config.LOG_LEVEL).child({ component: 'ingest' })
const handle = await openDatabase({
  url: config.DATABASE_URL,
  driver: config.DATABASE_DRIVER,
  poolSize: config.DATABASE_POOL_SIZE,
})
if (config.MIGRATE_ON_START) await migrateDatabase(handle)
const worker = new IngestWorker(handle.db, {
  concurrency: config.INGEST_CONCURRENCY,
  batchSize: config.INGEST_BATCH_SIZE,
  maxAttempts: config.INGEST_MAX_ATTEMPTS,
  // Without the API's in-process wake-up, polling bounds the delay between ack and processing.
  pollMs: 200,
  logger,
})
worker.start()
logger.info({ concurrency: config.INGEST_CONCURRENCY, driver: handle.driver }, 'ingest worker started')

// The sender and the broadcast expander run here too unless SENDER=off; limits are shared
// through Postgres, so this process and the API process obey one budget.
const sender =
  config.SENDER === 'inline'
    ? createSender(handle.db, config, config.ENCRYPTION_KEY ?? devEncryptionKey(config.DATA_DIR), logger)
    : null
const expander = sender
  ? new BroadcastExpander(handle.db, {
      chunk: 200,
      pollMs: 1000,
      logger: logger.child({ component: 'broadcasts' }),
      onQueued: () => sender.wake(),
    })
  : null
sender?.start()
expander?.start()

// Automation jobs (rule sends, discount codes, order look-ups) too unless AUTOMATION_WORKER=off.
const automation =
  config.AUTOMATION_WORKER === 'inline'
    ? createAutomationWorker(
        handle,
        config,
        config.ENCRYPTION_KEY ?? devEncryptionKey(config.DATA_DIR),
        logger,
        () => sender?.wake(),
      )
    : null
automation?.start()

// CRM sync (outbox → CRM, CRM notifications → contacts) unless CRM_SYNC=off; claims are SKIP
// LOCKED and the per-account rate limiter lives in Postgres, so it can run beside the API's.
const crmRegistry = createCrmRegistry({
  db: handle.db,
  config,
  encryptionKey: config.ENCRYPTION_KEY ?? devEncryptionKey(config.DATA_DIR),
  logger,
})
const crmSync =
  config.CRM_SYNC === 'inline'
    ? createCrmSync(
        handle.db,
        config,
        config.ENCRYPTION_KEY ?? devEncryptionKey(config.DATA_DIR),
        logger,
        crmRegistry,
      )
    : null
crmSync?.worker.start()

// Periodic jobs (the rules sweep, CRM change polls) unless SCHEDULER=off; each slot runs in one
// process only (a lease row in job_runs), whichever of this one and the API's claims it first.
const scheduler =
  config.SCHEDULER === 'inline'
    ? createScheduler(
        handle.db,
        config,
        logger,
        crmSync ? crmPollJobs(handle.db, crmRegistry, crmSync, logger) : [],
      )
    : null
scheduler?.start()

const report = setInterval(() => logger.info({ totals: worker.totals }, 'ingest progress'), 60_000)
report.unref()

async function shutdown(signal: string) {
  logger.info({ signal }, 'ingest worker stopping after the current batch')
  await crmSync?.worker.stop()
  await scheduler?.stop()
  await automation?.stop()
  await expander?.stop()
  await sender?.stop()
  await worker.stop()
  await handle.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
