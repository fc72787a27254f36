import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { claimDue, type LeaseQueue, type LeaseTarget } from '../jobs/lease-claim'

export interface ClaimedJob {
  id: number
  messageId: number
  contactId: string
  recipient: string
  kind: string
  priority: number
  category: string
  businessInitiated: boolean
  request: Record<string, unknown>
  attempts: number
  transientFailures: number
  pairBackoffs: number
  marketingCapRetries: number
  /** When this send first failed to reach the Cloud API; null while it has not. */
  failingSince: Date | null
}

type Row = {
  id: string | number
  message_id: string | number
  contact_id: string
  recipient: string
  kind: string
  priority: number
  category: string
  business_initiated: number
  request: Record<string, unknown>
  attempts: number
  transient_failures: number
  pair_backoffs: number
  marketing_cap_retries: number
  failing_since: string | Date | null
}

/**
 * One number's send queue. The lease lives in `not_before`; a `sending` job whose lease ran out
 * is not claimed again but reconciled (`recoverLostSends`): it may have reached Meta.
 */
const sendJobQueue = (channelId: string): LeaseQueue => ({
  table: 'send_jobs',
  due: (at) => sql`channel_id = ${channelId} and state = 'queued' and not_before <= ${at}`,
  orderBy: sql`priority, not_before, id`,
  leaseColumn: 'not_before',
  attemptsColumn: 'attempts',
  claimSet: sql`state = 'sending'`,
  returning: sql`id, message_id, contact_id, recipient, kind, priority, category, business_initiated,
    request, attempts, transient_failures, pair_backoffs, marketing_cap_retries, failing_since`,
  held: sql`state = 'sending'`,
})

/** Where a claimed send's lease lives, for the heartbeat that renews it until the outcome is recorded. */
export const sendJobLease: LeaseTarget = sendJobQueue('')

/** Takes up to `limit` due jobs of one number, most urgent first, under a lease. */
export async function claimJobs(
  db: Executor,
  channelId: string,
  limit: number,
  leaseMs: number,
): Promise<ClaimedJob[]> {
  const { rows } = await claimDue<Row>(db, sendJobQueue(channelId), { limit, leaseMs })
  return rows
    .map((r) => ({
      id: Number(r.id),
      messageId: Number(r.message_id),
      contactId: r.contact_id,
      recipient: r.recipient,
      kind: r.kind,
      priority: r.priority,
      category: r.category,
      businessInitiated: r.business_initiated === 1,
      request: r.request,
      attempts: r.attempts,
      transientFailures: r.transient_failures,
      pairBackoffs: r.pair_backoffs,
      marketingCapRetries: r.marketing_cap_retries,
      failingSince: r.failing_since === null ? null : new Date(r.failing_since),
    }))
    .sort((a, b) => a.priority - b.priority || a.id - b.id)
}

/** Channels with work due now. */
export async function dueChannels(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ channel_id: string }>(
    db,
    sql`select distinct channel_id from send_jobs where state = 'queued' and not_before <= clock_timestamp()`,
  )
  return rows.map((r) => r.channel_id)
}

/** Puts jobs back without counting the attempt: they waited for a limit, they did not fail. */
export async function requeueJobs(
  db: Executor,
  ids: number[],
  notBefore: Date,
  note: string | null,
): Promise<void> {
  if (ids.length === 0) return
  await db.execute(sql`
    update send_jobs set state = 'queued', attempts = greatest(attempts - 1, 0), not_before = ${notBefore.toISOString()}::timestamptz,
      last_error = coalesce(${note}, last_error)
    where id in (select value::bigint from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)) and state = 'sending'`)
}

/** A send given up after its reconcile window: nothing confirmed it and it was already resent once. */
export interface ExpiredSend {
  jobId: number
  messageId: number
  reason: string
}

/**
 * Sends whose lease ran out (a sender died mid-request) may have reached Meta: they wait for a
 * status webhook carrying our id before anything is sent again. Those still unconfirmed after
 * `reconcileMs` were never accepted and go back to the queue, once: a send whose wait began after
 * its failure window had already run out (`failing_since`) fails instead of going round again.
 * The requeue repeats that test rather than trusting the statement before it: a wait that ends
 * between the two statements would otherwise be sent again instead of failing on the next pass.
 */
export async function recoverLostSends(db: Executor, reconcileMs: number): Promise<ExpiredSend[]> {
  const window = sql`make_interval(secs => ${reconcileMs / 1000})`
  const pastFailureWindow = sql`failing_since is not null and not_before - failing_since > ${window}`
  await db.execute(sql`
    update send_jobs set state = 'unknown', not_before = clock_timestamp() + ${window},
      last_error = 'sender stopped during the request; waiting for Meta''s status webhook'
    where state = 'sending' and not_before <= clock_timestamp()`)
  const expired = await queryRows<{
    id: string | number
    message_id: string | number
    reason: string | null
  }>(
    db,
    sql`
    with expired as (
      update send_jobs set state = 'failed',
        last_error = 'no status from Meta within the reconcile window after sending again; given up (' || coalesce(last_error, '') || ')'
      where state = 'unknown' and not_before <= clock_timestamp() and ${pastFailureWindow}
      returning id, message_id)
    update messages m set status = 'failed', status_at = clock_timestamp(), error_reason = coalesce(m.error_reason, 'timeout')
    from expired e where m.id = e.message_id
    returning e.id, e.message_id, m.error_reason as reason`,
  )
  await db.execute(sql`
    update send_jobs set state = 'queued', not_before = clock_timestamp(),
      last_error = 'no status from Meta after an unknown outcome; sending again'
    where state = 'unknown' and not_before <= clock_timestamp() and not (${pastFailureWindow})`)
  return expired.map((r) => ({
    jobId: Number(r.id),
    messageId: Number(r.message_id),
    reason: r.reason ?? 'timeout',
  }))
}
