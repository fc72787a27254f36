import type { AppDeps } from './api/app-env'
import { createApp } from './app'
import type { Config } from './config'
import { type DbHandle, openDatabase } from './db/client'
import { migrateDatabase } from './db/migrate'
import { IngestWorker } from './ingest/worker'
import { devEncryptionKey } from './lib/dev-encryption-key'
import type { Logger } from './lib/logger'
import { WebhookEventWriter } from './webhooks/event-writer'
import { bootstrapAdmin } from './workspaces/bootstrap'

export interface Runtime {
  app: ReturnType<typeof createApp>
  deps: AppDeps
  db: DbHandle
  worker: IngestWorker
  close(): Promise<void>
}

export interface RuntimeOptions {
  /** An already open database (tests share one per file); otherwise opened from config. */
  db?: DbHandle
  /** Let the runtime close `db` on close(); default true when it opened the database itself. */
  ownsDb?: boolean
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
    }))
  const ownsDb = options.ownsDb ?? !options.db
  // With MIGRATE_ON_START=false, `npm run db:migrate` is the deploy step that owns migrations.
  if (config.MIGRATE_ON_START) await migrateDatabase(db)
  const migrated = true
  if (config.ADMIN_API_KEY) {
    const { created } = await bootstrapAdmin(db.db, config.ADMIN_API_KEY)
    if (created) logger.info('ADMIN_API_KEY registered for the default workspace')
  }

  const worker = new IngestWorker(db.db, {
    concurrency: db.driver === 'pglite' ? 1 : config.INGEST_CONCURRENCY,
    batchSize: config.INGEST_BATCH_SIZE,
    maxAttempts: config.INGEST_MAX_ATTEMPTS,
    pollMs: 1000,
    logger: logger.child({ component: 'ingest' }),
  })
  const inline = config.INGEST_WORKER === 'inline'
  const eventWriter = new WebhookEventWriter(db.db, db.driver === 'pglite' ? 1 : 4, 250, () => {
    if (inline) worker.wake()
  })
  const deps: AppDeps = {
    db: db.db,
    driver: db.driver,
    config,
    logger,
    encryptionKey: config.ENCRYPTION_KEY ?? devEncryptionKey(config.DATA_DIR),
    eventWriter,
    ingestWorker: inline ? worker : undefined,
    isMigrated: () => migrated,
  }
  if (inline) worker.start()
  return {
    app: createApp(deps),
    deps,
    db,
    worker,
    async close() {
      await worker.stop()
      if (ownsDb) await db.close()
    },
  }
}
