/**
 * Meta's side of webhook delivery: POSTs envelopes to the backend signed exactly as Meta signs them
 * (metaDelivery: Meta-escaped JSON + X-Hub-Signature-256), later or now, with a bounded number of
 * connections and retries on a non-2xx answer or a failed connection.
 */
import { type ClientRequest, Agent as HttpAgent, request as httpRequest } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { metaDelivery } from '../webhook-sender'

export interface DispatcherConfig {
  url: string | undefined
  appSecret: string
  retries: number
  retryDelayMs: number
  timeoutMs: number
  concurrency: number
}

export interface DispatcherEvents {
  /** A POST carrying `items` status objects got a 2xx answer. */
  delivered(items: number): void
  /** A POST was given up after every retry. */
  gaveUp(): void
}

export class WebhookDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly waitingForSlot: (() => void)[] = []
  private idleWaiters: (() => void)[] = []
  private inFlight = 0
  private pending = 0
  private generation = 0
  private readonly requests = new Set<ClientRequest>()
  private readonly agents = {
    http: new HttpAgent({ keepAlive: true }),
    https: new HttpsAgent({ keepAlive: true }),
  }

  constructor(
    private readonly config: () => DispatcherConfig,
    private readonly events: DispatcherEvents,
  ) {}

  /** Posts `payload` after `delayMs` (fire and forget; see idle()). No-op without a webhook URL. */
  schedule(delayMs: number, payload: unknown, items: number): void {
    if (!this.config().url) return
    const gen = this.generation
    this.pending += 1
    this.later(delayMs, () => {
      void this.post(payload, items, gen).finally(() => this.settle(gen))
    })
  }

  /**
   * Posts payloads one after another, each `gapMs` after the previous one was answered: one
   * message's statuses arrive in order unless reordering is asked for.
   */
  scheduleInOrder(steps: { gapMs: number; payload: unknown }[]): void {
    if (!this.config().url || steps.length === 0) return
    const gen = this.generation
    this.pending += steps.length
    const next = (i: number) => {
      const step = steps[i]
      if (!step || gen !== this.generation) return
      this.later(step.gapMs, () => {
        void this.post(step.payload, 1, gen).finally(() => {
          this.settle(gen)
          next(i + 1)
        })
      })
    }
    next(0)
  }

  /** Posts now and resolves with whether the backend answered 2xx (within the retries). */
  async deliverNow(payload: unknown, items: number): Promise<boolean> {
    if (!this.config().url) return false
    const gen = this.generation
    this.pending += 1
    try {
      return await this.post(payload, items, gen)
    } finally {
      this.settle(gen)
    }
  }

  /** Resolves when nothing is scheduled or in flight. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  get pendingCount(): number {
    return this.pending
  }

  /** Drops everything scheduled and aborts what is in flight. */
  cancel(): void {
    this.generation += 1
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    for (const req of this.requests) req.destroy()
    this.requests.clear()
    for (const go of this.waitingForSlot.splice(0)) go()
    this.inFlight = 0
    this.pending = 0
    this.wakeIdle()
  }

  /** cancel(), and close the kept-alive connections. */
  close(): void {
    this.cancel()
    this.agents.http.destroy()
    this.agents.https.destroy()
  }

  private async post(payload: unknown, items: number, gen: number): Promise<boolean> {
    const { url, appSecret, retries, retryDelayMs, timeoutMs } = this.config()
    if (!url) return false
    const delivery = metaDelivery(payload, appSecret)
    for (let attempt = 0; ; attempt += 1) {
      await this.slot()
      if (gen !== this.generation) return false
      let ok = false
      try {
        const status = await this.postOnce(url, delivery.headers, delivery.body, timeoutMs)
        ok = status >= 200 && status < 300
      } catch {
        ok = false
      } finally {
        this.release(gen)
      }
      if (gen !== this.generation) return false
      if (ok) {
        this.events.delivered(items)
        return true
      }
      if (attempt >= retries) {
        this.events.gaveUp()
        return false
      }
      await new Promise<void>((resolve) => this.later(retryDelayMs * 2 ** attempt, resolve))
    }
  }

  /** One POST over a keep-alive connection (node:http is much lighter than fetch at thousands per second). */
  private postOnce(
    url: string,
    headers: Record<string, string>,
    body: string,
    timeoutMs: number,
  ): Promise<number> {
    return new Promise((resolve, reject) => {
      const target = new URL(url)
      const secure = target.protocol === 'https:'
      const req = (secure ? httpsRequest : httpRequest)(
        target,
        {
          method: 'POST',
          agent: secure ? this.agents.https : this.agents.http,
          headers: {
            ...headers,
            'content-length': Buffer.byteLength(body),
            'user-agent': 'facebookexternalua',
          },
        },
        (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode ?? 0))
          res.on('error', reject)
        },
      )
      this.requests.add(req)
      req.on('close', () => this.requests.delete(req))
      req.setTimeout(timeoutMs, () => req.destroy(new Error('webhook timed out')))
      req.on('error', reject)
      req.end(body)
    })
  }

  private later(ms: number, run: () => void): void {
    const t = setTimeout(
      () => {
        this.timers.delete(t)
        run()
      },
      Math.max(0, ms),
    )
    this.timers.add(t)
  }

  private slot(): Promise<void> {
    if (this.inFlight < this.config().concurrency) {
      this.inFlight += 1
      return Promise.resolve()
    }
    return new Promise((resolve) =>
      this.waitingForSlot.push(() => {
        this.inFlight += 1
        resolve()
      }),
    )
  }

  private release(gen: number): void {
    if (gen !== this.generation) return
    this.inFlight -= 1
    this.waitingForSlot.shift()?.()
  }

  private settle(gen: number): void {
    if (gen !== this.generation) return
    this.pending -= 1
    if (this.pending === 0) this.wakeIdle()
  }

  private wakeIdle(): void {
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const w of waiters) w()
  }
}
