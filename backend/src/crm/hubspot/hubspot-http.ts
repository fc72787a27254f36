import { Client } from '@hubspot/api-client'
import type { CrmQuota } from '../port'
import { classifyHubspotError, HubspotHttpError } from './hubspot-errors'

export interface HubspotConnectorOptions {
  basePath: string
  /** A usable access token; `rejected` is one HubSpot just refused (refresh it). */
  accessToken: (rejected?: string) => Promise<string>
  /** Called before every HTTP request: the shared per-account rate limiter. */
  beforeRequest: (bucket: 'default' | 'search') => Promise<void>
}

/**
 * One HubSpot account's HTTP access: the official client (pointed at the simulator in tests by
 * `basePath`) with its token kept fresh, the shared rate limiter before every call, and the
 * budget HubSpot reports on each answer. Retries are the engine's job, so the client's are off.
 */
export class HubspotHttp {
  #client: Client | null = null
  #token = ''
  #quota: CrmQuota | null = null

  constructor(private readonly options: HubspotConnectorOptions) {}

  beforeRequest(bucket: 'default' | 'search'): Promise<void> {
    return this.options.beforeRequest(bucket)
  }

  /** HubSpot may revoke a token before its expiry: on a 401, refresh once and try again. */
  async authorized<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (error) {
      if (classifyHubspotError(error).kind !== 'auth' || !this.#token) throw error
      await this.options.accessToken(this.#token)
      this.#client = null
      return run()
    }
  }

  quota(): CrmQuota | null {
    return this.#quota
  }

  /** HubSpot reports the account's budget on every answer (X-HubSpot-RateLimit-*). */
  #noteQuota(header: (name: string) => string | null | undefined): void {
    const remaining = Number(header('x-hubspot-ratelimit-remaining'))
    const max = Number(header('x-hubspot-ratelimit-max'))
    if (!Number.isFinite(remaining) || !Number.isFinite(max) || max <= 0) return
    const windowMs = Number(header('x-hubspot-ratelimit-interval-milliseconds')) || 10_000
    this.#quota = { remaining, max, windowMs, at: Date.now() }
  }

  /** A call the generated client has no convenient typed method for, through its `apiRequest`. */
  async json<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const client = await this.sdk()
    await this.options.beforeRequest('default')
    const response = await client.apiRequest({ method, path, body: body as object | undefined })
    this.#noteQuota((name) => response.headers.get(name))
    const text = await response.text()
    const parsed = text ? safeJson(text) : {}
    if (!response.ok) {
      throw new HubspotHttpError(response.status, parsed, Object.fromEntries(response.headers.entries()))
    }
    return parsed as T
  }

  async sdk(): Promise<Client> {
    const token = await this.options.accessToken()
    if (!this.#client || token !== this.#token) {
      this.#token = token
      this.#client = new Client({
        accessToken: token,
        basePath: this.options.basePath,
        numberOfApiCallRetries: 0,
        // Pacing is the engine's shared per-account limiter; the client's own would only add delay.
        // The SDK keeps these settings process-wide, so every client is built with the same ones.
        limiterOptions: { maxConcurrent: 8, minTime: 0 },
        middleware: [
          {
            pre: (ctx: unknown) => ctx,
            post: (ctx: unknown) => {
              const headers = (ctx as { headers?: Record<string, string> }).headers ?? {}
              this.#noteQuota((name) => headers[name] ?? headers[name.toLowerCase()])
              return ctx
            },
          },
        ],
      })
    }
    return this.#client
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return { message: text.slice(0, 500) }
  }
}
