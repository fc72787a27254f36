import { Worker } from 'node:worker_threads'
import type { LoopHealth } from '../jobs/worker-loop'
import type { Logger } from '../lib/logger'
import type { ProcessOutcome } from './process-events'
import type { FromIngestThread, IngestThreadData, ToIngestThread } from './thread-protocol'

export interface IngestThreadOptions {
  data: IngestThreadData
  logger: Logger
  /** A batch in the thread stored messages. */
  onMessages?: () => void
  /** Wait before a thread that died is started again. */
  restartMs?: number
  /** How long stop() waits for the current batch before it terminates the thread. */
  stopTimeoutMs?: number
}

/**
 * Runs the ingest worker in a worker thread (entry: src/ingest-thread.ts, bundled as
 * dist/ingest-thread.js) and speaks for it in the main thread: wake-ups go in, health and
 * "messages stored" come out. A thread that dies is started again; its claimed events come back
 * when their lease runs out, like a crashed process's.
 */
export class IngestThread {
  readonly name = 'ingest'
  private worker: Worker | null = null
  private active = false
  private startedAt: Date | null = null
  private lastHealth: LoopHealth | null = null
  private wakeQueued = false
  private restartTimer: NodeJS.Timeout | null = null
  private stopped: Promise<void> | null = null
  #totals: ProcessOutcome | null = null

  constructor(private readonly options: IngestThreadOptions) {}

  /** The thread's processing totals as of its last report (every second). */
  get totals(): ProcessOutcome | null {
    return this.#totals
  }

  get running(): boolean {
    return this.active
  }

  start(): void {
    if (this.active) return
    this.active = true
    this.spawn()
  }

  /** Coalesced: one message per turn of the event loop however many deliveries were stored. */
  wake(): void {
    if (!this.active || this.wakeQueued) return
    this.wakeQueued = true
    setImmediate(() => {
      this.wakeQueued = false
      this.post({ type: 'wake' })
    })
  }

  /** Lets the thread finish its batch and close its pool; terminates it after stopTimeoutMs. */
  async stop(): Promise<void> {
    this.active = false
    if (this.restartTimer) clearTimeout(this.restartTimer)
    const worker = this.worker
    if (!worker) return
    this.stopped ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => void worker.terminate(), this.options.stopTimeoutMs ?? 30_000)
      worker.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
      this.post({ type: 'stop' })
    })
    await this.stopped
  }

  health(): LoopHealth {
    return {
      name: this.name,
      running: this.active,
      startedAt: this.startedAt,
      lastTickAt: this.lastHealth?.lastTickAt ?? null,
      consecutiveFailures: this.lastHealth?.consecutiveFailures ?? 0,
      lastError: this.lastHealth?.lastError ?? null,
    }
  }

  private post(message: ToIngestThread): void {
    this.worker?.postMessage(message)
  }

  private spawn(): void {
    this.startedAt = new Date()
    this.stopped = null
    const worker = new Worker(entryUrl(), {
      workerData: this.options.data,
      execArgv: threadExecArgv(),
      name: 'ingest',
    })
    this.worker = worker
    worker.on('message', (message: FromIngestThread) => {
      if (message.type === 'messages') this.options.onMessages?.()
      else if (message.type === 'health') {
        this.lastHealth = message.health
        this.#totals = message.totals
      } else if (message.type === 'started')
        this.options.logger.info({ threadId: worker.threadId }, 'ingest thread started')
    })
    worker.on('error', (error) => {
      this.options.logger.error({ err: error.message }, 'ingest thread failed')
    })
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null
      if (!this.active) return
      const retryInMs = this.options.restartMs ?? 1_000
      this.options.logger.error({ code, retryInMs }, 'ingest thread exited; starting it again')
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null
        if (this.active) this.spawn()
      }, retryInMs)
      this.restartTimer.unref()
    })
  }
}

/**
 * The compiled build mirrors src/ in dist/ (this module's URL is rewritten to
 * dist/ingest/thread-host.js), so the entry sits one folder up with this module's extension.
 */
function entryUrl(): URL {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js'
  return new URL(`../ingest-thread.${extension}`, import.meta.url)
}

/**
 * From the TypeScript sources (npm run dev, tests, benches) the thread needs tsx's loader; tsx
 * passes it to threads through execArgv already, a test runner does not.
 */
function threadExecArgv(): string[] {
  const argv = process.execArgv
  if (!import.meta.url.endsWith('.ts') || argv.some((a) => a.includes('tsx'))) return argv
  return [...argv, '--import', 'tsx']
}
