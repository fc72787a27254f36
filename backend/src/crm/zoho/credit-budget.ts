import { and, eq, like, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { type CrmApiUsage, crmConnections } from '../../db/schema'
import type { Logger } from '../../lib/logger'
import { crmSyncStops } from '../../lib/metrics'
import type { CrmQuota } from '../port'

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
/** While stopped, sync looks again this often whether the rolling 24 h freed credits. */
const RECHECK_MS = 15 * 60_000
const STOP_PREFIX = 'Zoho sync stopped.'

/** Sync holds its calls; the engine retries after `retryAfterMs` without spending an attempt. */
export class CreditStop extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message)
    this.name = 'CreditStop'
  }
}

type StoredUsage = CrmApiUsage & { buckets?: Record<string, number> }

/**
 * One org's rolling 24-hour API credits, counted by us (Zoho reports the remainder only from 50 %
 * usage on, in `X-API-CREDITS-REMAINING`): every call adds its cost to an hourly bucket on the
 * connection in one atomic UPDATE, so all processes share the count. Sync stops at `stopShare`
 * of the limit, leaving the rest to the org's own automations, and alerts (warn log, metric, the
 * connection's api_usage and last_error); it resumes once the oldest hours roll out.
 */
export class CreditBudget {
  #usage: StoredUsage | null

  constructor(
    private readonly db: Executor,
    private readonly connectionId: string,
    initial: CrmApiUsage | null,
    readonly limit: number,
    private readonly stopShare: number,
    private readonly logger: Logger,
  ) {
    this.#usage = initial as StoredUsage | null
  }

  usage(): CrmApiUsage | null {
    return this.#usage
  }

  quota(): CrmQuota | null {
    const u = this.#usage
    if (!u) return null
    return { remaining: Math.max(0, u.limit - u.used), max: u.limit, windowMs: DAY_MS, at: Date.parse(u.at) }
  }

  /** Throws `CreditStop` while sync must hold its calls. */
  gate(now = Date.now()): void {
    const u = this.#usage
    if (!u?.stoppedAt || !u.resumeAt) return
    const wait = Date.parse(u.resumeAt) - now
    if (wait > 0) throw new CreditStop(u.reason ?? 'Zoho credits held', wait)
  }

  /**
   * Adds a call's credits; `remaining` is Zoho's own count when it sent one. Stops or resumes sync
   * on the share.
   */
  async spend(cost: number, remaining: number | null, now = Date.now()): Promise<void> {
    const hour = Math.floor(now / HOUR_MS)
    const [row] = await queryRows<{ api_usage: StoredUsage }>(
      this.db,
      sql`update crm_connections set api_usage = (
            select x || jsonb_build_object('used', (select coalesce(sum((v #>> '{}')::int), 0) from jsonb_each(x->'buckets') e(k, v)))
            from (select '{"stoppedAt": null, "resumeAt": null, "reason": null}'::jsonb || coalesce(crm_connections.api_usage, '{}'::jsonb) || jsonb_build_object(
              'limit', ${this.limit}::int,
              'at', ${new Date(now).toISOString()}::text,
              'buckets', coalesce((select jsonb_object_agg(k, v) from jsonb_each(coalesce(crm_connections.api_usage->'buckets', '{}'::jsonb)) e(k, v)
                                   where k::bigint > ${hour - 24}::bigint), '{}'::jsonb)
                || jsonb_build_object(${String(hour)}::text,
                     coalesce((crm_connections.api_usage->'buckets'->>${String(hour)}::text)::int, 0) + ${cost}::int)
            ) as x) s)
          where id = ${this.connectionId}
          returning api_usage`,
    )
    if (!row) return
    const counted = row.api_usage
    const used = Math.max(counted.used, remaining !== null ? this.limit - remaining : 0)
    const over = used >= this.limit * this.stopShare
    const at = new Date(now).toISOString()
    const prev = this.#usage
    if (over) {
      const reason = `credit share reached: ${used} of ${this.limit} credits used in the last 24 h (stop at ${Math.round(this.stopShare * 100)} %); sync resumes when usage falls below it.`
      this.#usage = {
        ...counted,
        used,
        at,
        stoppedAt: prev?.stoppedAt ?? at,
        resumeAt: new Date(now + RECHECK_MS).toISOString(),
        reason,
      }
      if (!prev?.stoppedAt) {
        crmSyncStops.inc({ provider: 'zoho', reason: 'credit_share_reached' })
        this.logger.warn(
          { connectionId: this.connectionId, used, limit: this.limit },
          `Zoho sync stopped: ${reason}`,
        )
        await this.#save(`${STOP_PREFIX} ${reason}`)
      } else await this.#save()
      return
    }
    this.#usage = { ...counted, used, at, stoppedAt: null, resumeAt: null, reason: null }
    if (prev?.stoppedAt) {
      this.logger.info(
        { connectionId: this.connectionId, used, limit: this.limit },
        'Zoho credits available again; sync resumes',
      )
      await this.#save(null)
    }
  }

  /** Zoho answered 429 with the credits spent: hold every call until the recheck. */
  async exhausted(now = Date.now()): Promise<void> {
    const at = new Date(now).toISOString()
    const prev = this.#usage
    const reason = `Zoho refused calls: the org's credits for the last 24 h are spent; retrying in ${RECHECK_MS / 60_000} min.`
    this.#usage = {
      used: prev?.used ?? this.limit,
      limit: this.limit,
      at,
      stoppedAt: prev?.stoppedAt ?? at,
      resumeAt: new Date(now + RECHECK_MS).toISOString(),
      reason,
    }
    if (!prev?.stoppedAt) crmSyncStops.inc({ provider: 'zoho', reason: 'credits_exhausted' })
    await this.#save(`${STOP_PREFIX} ${reason}`)
  }

  /** `lastError`: a text to set, null to clear only our own, undefined to leave it. */
  async #save(lastError?: string | null): Promise<void> {
    const usage = this.#usage
    await this.db
      .update(crmConnections)
      .set({
        apiUsage: sql`coalesce(api_usage, '{}'::jsonb) || ${JSON.stringify({
          used: usage?.used,
          limit: usage?.limit,
          at: usage?.at,
          stoppedAt: usage?.stoppedAt ?? null,
          resumeAt: usage?.resumeAt ?? null,
          reason: usage?.reason ?? null,
        })}::jsonb`,
        ...(typeof lastError === 'string' ? { lastError } : {}),
      })
      .where(eq(crmConnections.id, this.connectionId))
    if (lastError === null)
      await this.db
        .update(crmConnections)
        .set({ lastError: null })
        .where(
          and(eq(crmConnections.id, this.connectionId), like(crmConnections.lastError, `${STOP_PREFIX}%`)),
        )
  }
}
