import cliProgress from 'cli-progress'
import { eq } from 'drizzle-orm'
import { configFromEnvOrExit } from '../config'
import { outboxDepth, queueBackfill } from '../crm/sync/backfill'
import { createCrmSync } from '../crm/sync/create-crm-sync'
import { openDatabase } from '../db/client'
import { migrateDatabase } from '../db/migrate'
import { crmConnections } from '../db/schema'
import { devEncryptionKey } from '../lib/dev-encryption-key'
import { createLogger } from '../lib/logger'
import { createCrmRegistry } from '../runtime'

export const SYNC_USAGE = `  npm run scrm -- sync backfill --connection <id> [--since 2026-01-01T00:00:00Z] [--no-wait]
  npm run scrm -- sync status --connection <id>`

/**
 * `sync backfill`: queue every contact, message (since the date) and open task for the CRM, then
 * sync them here with a progress bar (unless --no-wait). `sync status`: the outbox of a connection.
 */
export async function runSyncCommand(
  action: string,
  values: { connection?: string; since?: string; 'no-wait'?: boolean },
): Promise<void> {
  if (!values.connection) {
    process.stderr.write(`--connection is required\n${SYNC_USAGE}\n`)
    process.exit(2)
  }
  const since = values.since ? new Date(values.since) : undefined
  if (since && Number.isNaN(since.getTime())) {
    process.stderr.write(`--since "${values.since}" is not a date\n`)
    process.exit(2)
  }

  const config = configFromEnvOrExit()
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL)
  const handle = await openDatabase({
    url: config.DATABASE_URL,
    driver: config.DATABASE_DRIVER,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  })
  try {
    await migrateDatabase(handle)
    const [connection] = await handle.db
      .select()
      .from(crmConnections)
      .where(eq(crmConnections.id, values.connection))
      .catch(() => [])
    if (!connection) {
      process.stderr.write(`There is no CRM connection ${values.connection}.\n`)
      process.exit(1)
    }
    if (action === 'status') {
      const depth = await outboxDepth(handle.db, connection.id)
      process.stdout.write(
        `${JSON.stringify({ state: connection.state, pending: depth, last_synced_at: connection.lastSyncedAt, last_error: connection.lastError })}\n`,
      )
    } else {
      if (connection.state !== 'active') {
        process.stderr.write(`Connection ${connection.id} is disconnected; install the app again first.\n`)
        process.exit(1)
      }
      const queued = await queueBackfill(handle.db, connection, { messagesSince: since })
      const total = queued.contacts + queued.messages + queued.tasks
      process.stdout.write(
        `queued ${queued.contacts} contacts, ${queued.messages} messages, ${queued.tasks} tasks for ${connection.provider} ${connection.accountId}\n`,
      )
      if (!values['no-wait'] && total > 0) {
        const encryptionKey = config.ENCRYPTION_KEY ?? devEncryptionKey(config.DATA_DIR)
        const sync = createCrmSync(
          handle.db,
          config,
          encryptionKey,
          logger,
          createCrmRegistry({ db: handle.db, config, encryptionKey, logger }),
        )
        const bar = new cliProgress.SingleBar(
          {
            format:
              'syncing [{bar}] {percentage}% | {value}/{total} records | {eta_formatted} left | parked {parked}',
          },
          cliProgress.Presets.shades_classic,
        )
        bar.start(total, 0, { parked: 0 })
        // Stops when all is written, or when nothing moved for STALL_MS (e.g. messages of contacts
        // whose writes are parked in the review queue): the worker finishes those later.
        const STALL_MS = 120_000
        let lastLeft = Number.POSITIVE_INFINITY
        let lastMove = Date.now()
        for (;;) {
          const round = await sync.worker.runOnce()
          const depth = await outboxDepth(handle.db, connection.id)
          const left = (depth.contact ?? 0) + (depth.message ?? 0) + (depth.task ?? 0)
          bar.update(Math.max(0, total - left), { parked: depth.parked ?? 0 })
          if (left === 0) break
          if (left < lastLeft) {
            lastLeft = left
            lastMove = Date.now()
          } else if (Date.now() - lastMove > STALL_MS) break
          if (round.claimed === 0) await new Promise((r) => setTimeout(r, 500))
        }
        bar.stop()
        const depth = await outboxDepth(handle.db, connection.id)
        process.stdout.write(
          depth.parked
            ? `done; ${depth.parked} write(s) need a person: GET /api/v1/review\n`
            : 'done; everything is in the CRM\n',
        )
      }
    }
  } finally {
    await handle.close()
  }
}
