import { and, eq, like } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type CrmApiUsage, crmConnections } from '../../db/schema'
import type { Logger } from '../../lib/logger'
import { crmSyncStops } from '../../lib/metrics'
import type { CrmQuota } from '../port'

const DAY_MS = 86_400_000
/** While stopped at the share, one call this often finds out whether the rolling 24 h freed budget. */
const RECHECK_MS = 15 * 60_000
const LIMIT_BACKOFF_START_MS = 60_000
const LIMIT_BACKOFF_MAX_MS = 60 * 60_000
const STOP_PREFIX = 'Salesforce sync stopped.'

/** Sync is holding its calls; the engine retries the changes after `retryAfterMs` without spending an attempt. */
export class ApiBudgetStop extends Error {
  constructor(
    readonly code: 'api_share_reached' | 'REQUEST_LIMIT_EXCEEDED',
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message)
    this.name = 'ApiBudgetStop'
  }
}

/**
 * One org's daily API allocation as Salesforce reports it on every answer (`Sforce-Limit-Info:
 * api-usage=used/limit`, read by jsforce into `limitInfo`). Sync stops once `stopShare` of the
 * allocation is used, so the org's own integrations keep the rest, and alerts (warn log, metric,
 * the connection's api_usage and last_error). REQUEST_LIMIT_EXCEEDED backs off, doubling, until a
 * probe call succeeds. The state is stored on the connection for the admin view.
 */
export class ApiBudget {
  #usage: CrmApiUsage | null
  #backoffMs = LIMIT_BACKOFF_START_MS

  constructor(
    private readonly db: Executor,
    private readonly connectionId: string,
    initial: CrmApiUsage | null,
    private readonly stopShare: number,
    private readonly logger: Logger,
  ) {
    this.#usage = initial
  }

  usage(): CrmApiUsage | null {
    return this.#usage
  }

  quota(): CrmQuota | null {
    const u = this.#usage
    if (!u) return null
    return { remaining: Math.max(0, u.limit - u.used), max: u.limit, windowMs: DAY_MS, at: Date.parse(u.at) }
  }

  /** Throws `ApiBudgetStop` while sync must hold its calls. */
  gate(now = Date.now()): void {
    const u = this.#usage
    if (!u?.stoppedAt || !u.resumeAt) return
    const wait = Date.parse(u.resumeAt) - now
    if (wait > 0)
      throw new ApiBudgetStop(
        u.reason?.startsWith('REQUEST_LIMIT_EXCEEDED') ? 'REQUEST_LIMIT_EXCEEDED' : 'api_share_reached',
        u.reason ?? 'Salesforce API budget held',
        wait,
      )
  }

  /** The usage of an answer; stops or resumes sync on the share. */
  async observe(apiUsage: { used: number; limit: number } | undefined, now = Date.now()): Promise<void> {
    if (!apiUsage || !(apiUsage.limit > 0)) return
    const prev = this.#usage
    const over = apiUsage.used >= apiUsage.limit * this.stopShare
    const at = new Date(now).toISOString()
    if (over) {
      const reason = `API share reached: ${apiUsage.used} of ${apiUsage.limit} daily requests used (stop at ${Math.round(this.stopShare * 100)} %); sync resumes when usage falls below it.`
      this.#usage = {
        used: apiUsage.used,
        limit: apiUsage.limit,
        at,
        stoppedAt: prev?.stoppedAt ?? at,
        resumeAt: new Date(now + RECHECK_MS).toISOString(),
        reason,
      }
      if (!prev?.stoppedAt) await this.#stopped('api_share_reached', reason)
      else await this.#save(now, true)
      return
    }
    this.#backoffMs = LIMIT_BACKOFF_START_MS
    this.#usage = {
      used: apiUsage.used,
      limit: apiUsage.limit,
      at,
      stoppedAt: null,
      resumeAt: null,
      reason: null,
    }
    if (prev?.stoppedAt) {
      this.logger.info(
        { connectionId: this.connectionId, ...apiUsage },
        'Salesforce API budget available again; sync resumes',
      )
      await this.#save(now, true, true)
    } else await this.#save(now, false)
  }

  /** Salesforce refused a call with REQUEST_LIMIT_EXCEEDED: hold every call, doubling the wait. */
  async limitExceeded(
    apiUsage: { used: number; limit: number } | undefined,
    now = Date.now(),
  ): Promise<number> {
    const wait = this.#backoffMs
    this.#backoffMs = Math.min(LIMIT_BACKOFF_MAX_MS, this.#backoffMs * 2)
    const at = new Date(now).toISOString()
    const used = apiUsage?.used ?? this.#usage?.used ?? 0
    const limit = apiUsage?.limit ?? this.#usage?.limit ?? 0
    const reason = `REQUEST_LIMIT_EXCEEDED: Salesforce refused calls (${used} of ${limit} daily requests used); retrying in ${Math.round(wait / 1000)} s.`
    const wasStopped = Boolean(this.#usage?.stoppedAt)
    this.#usage = {
      used,
      limit,
      at,
      stoppedAt: this.#usage?.stoppedAt ?? at,
      resumeAt: new Date(now + wait).toISOString(),
      reason,
    }
    if (!wasStopped) await this.#stopped('REQUEST_LIMIT_EXCEEDED', reason)
    else await this.#save(now, true)
    return wait
  }

  async #stopped(reason: string, text: string): Promise<void> {
    crmSyncStops.inc({ provider: 'salesforce', reason })
    this.logger.warn(
      { connectionId: this.connectionId, usage: this.#usage },
      `Salesforce sync stopped: ${text}`,
    )
    await this.db
      .update(crmConnections)
      .set({ apiUsage: this.#usage, lastError: `${STOP_PREFIX} ${text}` })
      .where(eq(crmConnections.id, this.connectionId))
  }

  async #save(_now: number, _force: boolean, clearError = false): Promise<void> {
    await this.db
      .update(crmConnections)
      .set({ apiUsage: this.#usage })
      .where(eq(crmConnections.id, this.connectionId))
    if (clearError)
      await this.db
        .update(crmConnections)
        .set({ lastError: null })
        .where(
          and(eq(crmConnections.id, this.connectionId), like(crmConnections.lastError, `${STOP_PREFIX}%`)),
        )
  }
}
