import './lib/exit-on-unsupported-node'
import { configFromEnvOrExit } from './config'
import { createCrmSync } from './crm/sync/create-crm-sync'
import { openDatabase } from './db/client'
import { migrateDatabase } from './db/migrate'
import { IngestWorker } from './ingest/worker'
import { devEncryptionKey } from './lib/dev-encryption-key'
import { createLogger, warnConnectionLost } from './lib/logger'
import { createMediaServices, createMediaWorker } from './media/media-services'
import {
  broadcastsRunHere,
  createAutomationWorker,
  createBroadcastExpander,
  createCrmRegistry,
  createScheduler,
  createSender,
  crmJobs,
} from './runtime'

/**
 * The background work as its own process, for deployments that scale webhook intake and
 * processing separately (run the API with INGEST_WORKER=off, SENDER=off ...). Each loop runs
 * here unless its variable says `off`: ingest (INGEST_WORKER; `thread` means inline here: this
 * process serves no acks), the sender (SENDER), broadcast expansion (BROADCAST_WORKER, default
 * as SENDER), automation jobs, the scheduler, CRM sync and media fetches. Any number of these processes share
 * the work through SKIP LOCKED claims. Needs a shared Postgres: an embedded PGlite database
 * belongs to one process.
 */
const config = configFromEnvOrExit()
if (!config.DATABASE_URL) {
  process.stderr.write(
    'The standalone worker needs DATABASE_URL: the embedded database can only be used by the API process.\n',
  )
  process.exit(1)
}

const root = createLogger(config.LOG_LEVEL).child({ process: 'worker' })
const logger = root.child({ component: 'ingest' })
const handle = await openDatabase({
  url: config.DATABASE_URL,
  driver: config.DATABASE_DRIVER,
  poolSize: config.DATABASE_POOL_SIZE,
  onConnectionError: warnConnectionLost(logger),
})
if (config.MIGRATE_ON_START) await migrateDatabase(handle)
const worker =
  config.INGEST_WORKER === 'off'
    ? null
    : new IngestWorker(handle.db, {
        concurrency: config.INGEST_CONCURRENCY,
        batchSize: config.INGEST_BATCH_SIZE,
        maxAttempts: config.INGEST_MAX_ATTEMPTS,
        // Without the API's in-process wake-up, polling bounds the delay between ack and processing.
        pollMs: 200,
        lease: { leaseMs: config.LEASE_MS, heartbeatMs: config.LEASE_HEARTBEAT_MS },
        logger,
        onMessages: () => {
          automation?.wake()
          crmSync?.worker.wake()
          media?.wake()
        },
      })

// The sender and the broadcast expander; limits are shared through Postgres, so this process
// and the API process obey one budget.
const sender =
  config.SENDER === 'inline'
    ? createSender(handle.db, config, config.ENCRYPTION_KEY ?? devEncryptionKey(config.DATA_DIR), root)
    : null
const expander = broadcastsRunHere(config)
  ? createBroadcastExpander(handle.db, config, root, () => sender?.wake())
  : null

// Automation jobs (rule sends, discount codes, order look-ups) too unless AUTOMATION_WORKER=off.
const automation =
  config.AUTOMATION_WORKER === 'inline'
    ? createAutomationWorker(
        handle,
        config,
        config.ENCRYPTION_KEY ?? devEncryptionKey(config.DATA_DIR),
        root,
        () => sender?.wake(),
      )
    : null

// CRM sync (outbox → CRM, CRM notifications → contacts) unless CRM_SYNC=off; claims are SKIP
// LOCKED and the per-account rate limiter lives in Postgres, so it can run beside the API's.
const crmRegistry = createCrmRegistry({
  db: handle.db,
  config,
  encryptionKey: config.ENCRYPTION_KEY ?? devEncryptionKey(config.DATA_DIR),
  logger: root,
})
const crmSync =
  config.CRM_SYNC === 'inline'
    ? createCrmSync(
        handle.db,
        config,
        config.ENCRYPTION_KEY ?? devEncryptionKey(config.DATA_DIR),
        root,
        crmRegistry,
      )
    : null

// Periodic jobs (the rules sweep, CRM change polls) unless SCHEDULER=off; each slot runs in one
// process only (a lease row in job_runs), whichever of this one and the API's claims it first.
const scheduler =
  config.SCHEDULER === 'inline'
    ? createScheduler(
        handle.db,
        config,
        root,
        config.ENCRYPTION_KEY ?? devEncryptionKey(config.DATA_DIR),
        crmSync ? crmJobs(handle.db, crmRegistry, crmSync, root) : [],
        crmSync?.connectorFor,
      )
    : null

// Media fetches (MEDIA_WORKER); with MEDIA_STORAGE=local this process must share DATA_DIR with the API.
const media =
  config.MEDIA_WORKER === 'inline'
    ? createMediaWorker(
        handle.db,
        handle.driver,
        config,
        createMediaServices(config, config.ENCRYPTION_KEY ?? devEncryptionKey(config.DATA_DIR)),
        config.ENCRYPTION_KEY ?? devEncryptionKey(config.DATA_DIR),
        root,
      )
    : null

worker?.start()
sender?.start()
media?.start()
expander?.start()
automation?.start()
scheduler?.start()
crmSync?.worker.start()
const loops = [
  worker?.loop,
  sender?.loop,
  expander?.loop,
  automation?.loop,
  crmSync?.worker.loop,
  scheduler?.loop,
  media?.loop,
]
root.info(
  { loops: loops.filter((l) => l !== undefined).map((l) => l.name), pid: process.pid, driver: handle.driver },
  'worker started',
)

const report = setInterval(() => {
  if (worker) logger.info({ totals: worker.totals }, 'ingest progress')
}, 60_000)
report.unref()

async function shutdown(signal: string) {
  root.info({ signal }, 'worker stopping after the current passes')
  await crmSync?.worker.stop()
  await scheduler?.stop()
  await media?.stop()
  await automation?.stop()
  await expander?.stop()
  await sender?.stop()
  await worker?.stop()
  await handle.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
