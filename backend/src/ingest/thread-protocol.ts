import type { LeaseTiming } from '../jobs/lease-heartbeat'
import type { LoopHealth } from '../jobs/worker-loop'
import type { ProcessOutcome } from './process-events'

/** What the ingest thread is started with (structured-cloned into the thread). */
export interface IngestThreadData {
  /** The Postgres server's URL: the thread opens its own pool there. */
  url: string
  driver: 'pg' | 'neon'
  poolSize: number
  concurrency: number
  batchSize: number
  maxAttempts: number
  pollMs: number
  lease: LeaseTiming
  logLevel: string
}

export type ToIngestThread = { type: 'wake' } | { type: 'stop' }

export type FromIngestThread =
  /** The thread opened its database and started its loop. */
  | { type: 'started' }
  /** A batch stored messages: automation and CRM sync in the main thread have new work. */
  | { type: 'messages' }
  /** Sent every second and after each stop: the loop's health and the running totals. */
  | { type: 'health'; health: LoopHealth; totals: ProcessOutcome }
  | { type: 'stopped' }
