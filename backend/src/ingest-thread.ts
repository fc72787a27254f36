import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from './db/client'
import type { FromIngestThread, IngestThreadData, ToIngestThread } from './ingest/thread-protocol'
import { IngestWorker } from './ingest/worker'
import { createLogger, warnConnectionLost } from './lib/logger'

/**
 * Entry point of the ingest worker thread (ingest/thread-host.ts starts it): the same ingest
 * worker as inline, on its own event loop and its own connection pool, so the server's event
 * loop is left to webhook acks and API calls.
 */
const port = parentPort
if (!port) throw new Error('ingest-thread runs only as a worker thread')
const data = workerData as IngestThreadData
const post = (message: FromIngestThread) => port.postMessage(message)

const logger = createLogger(data.logLevel).child({ component: 'ingest', thread: 'ingest' })
const handle = await openDatabase({
  url: data.url,
  driver: data.driver,
  poolSize: data.poolSize,
  onConnectionError: warnConnectionLost(logger),
})
const worker = new IngestWorker(handle.db, {
  concurrency: data.concurrency,
  batchSize: data.batchSize,
  maxAttempts: data.maxAttempts,
  pollMs: data.pollMs,
  lease: data.lease,
  logger,
  onMessages: () => post({ type: 'messages' }),
})
const report = () => post({ type: 'health', health: worker.loop.health(), totals: { ...worker.totals } })
const reporter = setInterval(report, 1_000)

port.on('message', (message: ToIngestThread) => {
  if (message.type === 'wake') worker.wake()
  else if (message.type === 'stop') void stop()
})

async function stop() {
  clearInterval(reporter)
  await worker.stop()
  report()
  await handle.close()
  post({ type: 'stopped' })
  port?.close()
}

worker.start()
post({ type: 'started' })
