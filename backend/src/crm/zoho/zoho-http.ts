import { randomInt } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import type { CrmConnection } from '../../db/schema'
import { CrmAuthError } from '../oauth/auth-error'
import type { ConnectorInput } from '../provider'
import type { CreditBudget } from './credit-budget'
import { zohoStateOf } from './org-state'

const TIMEOUT_MS = 30_000
/** A held call slot frees itself after this long even if its process died mid-call. */
const SLOT_LEASE_MS = TIMEOUT_MS + 5_000
const BACKOFF_BASE_MS = 500
const BACKOFF_MAX_MS = 30_000
const MAX_429_RETRIES = 5

/** Zoho's error envelope (`{ code, details, message, status: "error" }`) or a transport failure. */
export class ZohoApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'ZohoApiError'
  }
}

export interface ZohoAnswer<T> {
  status: number
  body: T | null
}

export interface ZohoRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Under `/crm/v8`, with its query. */
  path: string
  body?: unknown
  /** Credits the call costs (Zoho: 1; batch writes 1 per 10 records). */
  credits?: number
}

export interface ZohoHttpOptions {
  db: Executor
  connection: CrmConnection
  input: ConnectorInput
  budget: CreditBudget
  /** Calls in flight per org, shared by every process. */
  concurrency: number
  /** The connection as stored now (a re-install may have moved the org). */
  current: () => Promise<CrmConnection | undefined>
  sleep?: (ms: number) => Promise<void>
}

/**
 * One org's v8 client over `fetch`: the API domain is the org's own (from the token answer), the
 * access token comes from the shared token store (an INVALID_TOKEN answer refreshes it once), and
 * every call passes the credit gate, the shared rate limiter and one of the org's call slots.
 * A 429 (credits or concurrency; Zoho sends no Retry-After) backs off with full jitter.
 */
export class ZohoHttp {
  #apiDomain: string | null = null
  readonly #sleep: (ms: number) => Promise<void>
  /** 429 answers seen (for the benchmark and the connection's health). */
  throttled = 0

  constructor(private readonly o: ZohoHttpOptions) {
    this.#sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)))
  }

  get budget(): CreditBudget {
    return this.o.budget
  }

  async #domain(): Promise<string> {
    if (this.#apiDomain) return this.#apiDomain
    const row = (await this.o.current()) ?? this.o.connection
    const domain = zohoStateOf(row).apiDomain
    if (!domain)
      throw new CrmAuthError(
        'reauth_required',
        `Zoho org ${row.accountId} has no API domain: install the app (OAuth) to connect it.`,
      )
    this.#apiDomain = domain
    return domain
  }

  /** One call; throws `ZohoApiError` for an error answer (other than per-record `data[]` errors). */
  async call<T>(req: ZohoRequest): Promise<ZohoAnswer<T>> {
    let rejected: string | undefined
    for (let attempt = 0; ; attempt++) {
      this.o.budget.gate()
      const domain = await this.#domain()
      const token = await this.o.input.accessToken(rejected)
      await this.o.input.beforeRequest('default')
      const slot = await this.#acquireSlot()
      let res: Response
      let text: string
      try {
        res = await fetch(`${domain}/crm/v8${req.path}`, {
          method: req.method,
          headers: {
            authorization: `Zoho-oauthtoken ${token}`,
            ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        })
        text = await res.text()
      } finally {
        await this.#releaseSlot(slot)
      }
      const body = parse(text)
      if (res.status === 401 && body?.code === 'INVALID_TOKEN' && rejected === undefined) {
        rejected = token
        continue
      }
      if (res.status === 429) {
        this.throttled += 1
        if (/credit/i.test(String(body?.message ?? ''))) {
          await this.o.budget.exhausted()
          throw new ZohoApiError(429, 'TOO_MANY_REQUESTS', String(body?.message ?? 'credits exhausted'))
        }
        if (attempt < MAX_429_RETRIES) {
          await this.#sleep(randomInt(0, Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt) + 1))
          continue
        }
      }
      if (res.status < 500 && res.status !== 429 && res.status !== 401) {
        const remaining = res.headers.get('x-api-credits-remaining')
        await this.o.budget.spend(req.credits ?? 1, remaining !== null ? Number(remaining) : null)
      }
      if (res.status === 204) return { status: 204, body: null }
      if (res.ok || res.status === 207) return { status: res.status, body: body as T }
      // A batch whose every element failed answers 400 with data[]: the caller reads the elements.
      if (res.status === 400 && body && Array.isArray(firstArray(body)))
        return { status: 400, body: body as T }
      throw new ZohoApiError(
        res.status,
        typeof body?.code === 'string' ? body.code : `HTTP_${res.status}`,
        typeof body?.message === 'string' ? body.message : `Zoho answered ${res.status}`,
        (body?.details as Record<string, unknown>) ?? {},
      )
    }
  }

  /** One of the org's `concurrency` slots (rows of `rate_slots` leased by expiry), waiting while all are taken. */
  async #acquireSlot(): Promise<string> {
    const n = this.o.concurrency
    for (let round = 0; ; round++) {
      const start = randomInt(0, n)
      for (let i = 0; i < n; i++) {
        const key = `zoho-call:${this.o.connection.id}:${(start + i) % n}`
        const rows = await queryRows(
          this.o.db,
          sql`insert into rate_slots as r (key, next_at)
              values (${key}, clock_timestamp() + make_interval(secs => ${SLOT_LEASE_MS / 1000}))
              on conflict (key) do update set next_at = excluded.next_at
                where r.next_at <= clock_timestamp()
              returning key`,
        )
        if (rows.length > 0) return key
      }
      await this.#sleep(Math.min(200, 10 + round * 10))
    }
  }

  async #releaseSlot(key: string): Promise<void> {
    await this.o.db.execute(sql`update rate_slots set next_at = clock_timestamp() where key = ${key}`)
  }
}

function parse(text: string): Record<string, unknown> | null {
  if (!text) return null
  try {
    const v = JSON.parse(text)
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function firstArray(body: Record<string, unknown>): unknown {
  return body.data ?? body.fields ?? body.watch
}
