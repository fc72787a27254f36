import './lib/exit-on-unsupported-node'
import { serve } from '@hono/node-server'
import { metricsResponse } from './api/routes/metrics'
import { configFromEnvOrExit } from './config'
import { createLogger } from './lib/logger'
import { startRuntime } from './runtime'

const config = configFromEnvOrExit('Fix the variables above (see README, "Configuration") and start again.')

const logger = createLogger(config.LOG_LEVEL)
const started = Date.now()
logger.info(
  { driver: config.DATABASE_URL ? config.DATABASE_DRIVER : 'pglite (embedded)' },
  'starting: opening database and applying migrations',
)
const runtime = await startRuntime(config, logger)
if (!config.WHATSAPP_APP_SECRET)
  logger.warn('WHATSAPP_APP_SECRET is not set: webhook deliveries are refused with 503')
if (!config.ADMIN_API_KEY) logger.warn('ADMIN_API_KEY is not set: no key can call /api/v1 yet')

const server = serve({ fetch: runtime.app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  logger.info(
    {
      url: `http://localhost:${info.port}`,
      driver: runtime.db.driver,
      ms: Date.now() - started,
      node: process.version,
      pid: process.pid,
    },
    `listening on http://localhost:${info.port} (docs at /docs)`,
  )
})

// The scrape port serves nothing but /metrics, so it can be opened to Prometheus alone.
const metricsServer =
  config.METRICS_PORT === undefined
    ? null
    : serve(
        {
          fetch: (request) =>
            new URL(request.url).pathname === '/metrics'
              ? metricsResponse(runtime.deps.metrics)
              : new Response('Only /metrics is served on this port.\n', { status: 404 }),
          port: config.METRICS_PORT,
          hostname: config.METRICS_HOST,
        },
        (info) =>
          logger.info({ port: info.port }, `metrics on http://${config.METRICS_HOST}:${info.port}/metrics`),
      )

process.on('unhandledRejection', (reason) => {
  logger.error({ err: reason instanceof Error ? reason.message : String(reason) }, 'unhandled rejection')
})

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'shutting down')
  server.close()
  metricsServer?.close()
  await runtime.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
