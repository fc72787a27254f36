import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { channelEvents, contacts, messages, sendJobs, whatsappChannels } from '../db/schema'
import { metaErrors, sendOutcomes } from '../lib/metrics'
import type { SendOutcome } from '../whatsapp/cloud-api-client'
import type { ClaimedJob } from './claim-jobs'
import { classifyError, pairBackoffMs, TRANSIENT_RETRIES, transientBackoffMs } from './error-classes'
import { holdUntil, numberKey, pairKey } from './limiter'
import { backToQueued, markRetrying, type ShownError } from './mark-retrying'

const DAY = 24 * 60 * 60 * 1000

export interface OutcomeContext {
  db: Database
  channelId: string
  workspaceId: string
  reconcileMs: number
  transientRetryBaseMs: number
  now?: Date
}

/** Why a send did not go out, for the sender's warning: our reason, the cause, and whether it is final. */
export interface SendProblem {
  reason: string
  detail: string
  final: boolean
}

export interface OutcomeResult {
  /** `sent`, `unknown`, `retry`, a back-off kind, or `failed:<reason>`. */
  result: string
  /** Set when the send failed or could not reach the Cloud API; rate-limit waits are not problems. */
  problem: SendProblem | null
}

/** What happened to a send, written to the job, the thread message and, where due, the contact. */
export async function recordOutcome(
  ctx: OutcomeContext,
  job: ClaimedJob,
  outcome: SendOutcome,
): Promise<OutcomeResult> {
  const recorded = await storeOutcome(ctx, job, outcome)
  const { result } = recorded
  sendOutcomes.inc({
    outcome: result.startsWith('failed')
      ? 'failed'
      : result === 'sent' || result === 'unknown'
        ? result
        : 'retry',
  })
  return recorded
}

const noProblem = (result: string): OutcomeResult => ({ result, problem: null })

async function storeOutcome(
  ctx: OutcomeContext,
  job: ClaimedJob,
  outcome: SendOutcome,
): Promise<OutcomeResult> {
  const now = ctx.now ?? new Date()
  if (outcome.kind === 'accepted') {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(sendJobs)
        .set({ state: 'sent', sentAt: now, lastError: null, failingSince: null })
        .where(eq(sendJobs.id, job.id))
      await tx
        .update(messages)
        .set({
          wamid: outcome.wamid,
          status: 'pending',
          statusAt: now,
          errorCode: null,
          errorTitle: null,
          errorDetails: null,
          errorReason: null,
        })
        .where(eq(messages.id, job.messageId))
      // Statuses that raced ahead of this answer (stored by the ingest) apply now.
      await tx.execute(sql`
        update messages m set status = e.status, status_at = e.occurred_at,
          error_code = e.error_code, error_title = e.error_title, error_details = e.error_details
        from (select * from message_status_events where channel_id = ${ctx.channelId} and wamid = ${outcome.wamid}
              order by case status when 'failed' then 5 when 'played' then 4 when 'read' then 3 when 'delivered' then 2 else 1 end desc
              limit 1) e
        where m.id = ${job.messageId}`)
      await tx
        .update(contacts)
        .set({ lastOutboundAt: sql`greatest(${contacts.lastOutboundAt}, ${now.toISOString()}::timestamptz)` })
        .where(eq(contacts.id, job.contactId))
    })
    return noProblem('sent')
  }
  if (outcome.kind === 'unknown') {
    await ctx.db.transaction(async (tx) => {
      // Only while still `sending`: a status webhook may already have confirmed it (state `sent`).
      const held = await tx
        .update(sendJobs)
        .set({
          state: 'unknown',
          notBefore: new Date(now.getTime() + ctx.reconcileMs),
          lastError: `outcome unknown: ${outcome.reason} (${outcome.detail})`,
          failingSince: job.failingSince ?? now,
        })
        .where(and(eq(sendJobs.id, job.id), eq(sendJobs.state, 'sending')))
        .returning({ id: sendJobs.id })
      if (held.length > 0) await markRetrying(tx, job.messageId, now, outcome.reason, NO_META_ERROR)
    })
    return { result: 'unknown', problem: { reason: outcome.reason, detail: outcome.detail, final: false } }
  }
  if (outcome.kind === 'unreachable') {
    return retryUntilWindow(ctx, job, outcome.reason, outcome.detail, NO_META_ERROR)
  }

  const action = classifyError(outcome.code, outcome.httpStatus)
  metaErrors.inc({ class: action.kind })
  const note = `(#${outcome.code}) ${outcome.title}${outcome.details ? `: ${outcome.details}` : ''}`
  const metaError: ShownError = { code: outcome.code, title: outcome.title, details: outcome.details }
  // Meta answered, so it is reachable again: a wait for a limit is not a failure to reach it, and a
  // message shown as retrying for one goes back to plain `queued`.
  const requeue = (notBefore: Date, extra: Partial<typeof sendJobs.$inferInsert> = {}) =>
    ctx.db.transaction(async (tx) => {
      await tx
        .update(sendJobs)
        .set({ state: 'queued', notBefore, lastError: note, failingSince: null, ...extra })
        .where(eq(sendJobs.id, job.id))
      if (job.failingSince) await backToQueued(tx, job.messageId)
    })
  switch (action.kind) {
    case 'backoff_number': {
      const until = new Date(now.getTime() + action.delayMs)
      await holdUntil(ctx.db, numberKey(ctx.channelId), until)
      await requeue(until, { attempts: Math.max(job.attempts - 1, 0) })
      return noProblem('backoff_number')
    }
    case 'backoff_pair': {
      const until = new Date(now.getTime() + pairBackoffMs(job.pairBackoffs))
      await holdUntil(ctx.db, pairKey(ctx.channelId, job.recipient), until)
      await requeue(until, { pairBackoffs: job.pairBackoffs + 1, attempts: Math.max(job.attempts - 1, 0) })
      return noProblem('backoff_pair')
    }
    case 'transient': {
      const failures = job.transientFailures + 1
      if (failures > TRANSIENT_RETRIES) return fail(ctx, job, 'server_error', metaError, note)
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(sendJobs)
          .set({
            state: 'queued',
            notBefore: new Date(now.getTime() + transientBackoffMs(failures, ctx.transientRetryBaseMs)),
            lastError: note,
            transientFailures: failures,
            failingSince: null,
          })
          .where(eq(sendJobs.id, job.id))
        await markRetrying(tx, job.messageId, now, 'server_error', metaError)
      })
      return { result: 'retry', problem: { reason: 'server_error', detail: note, final: false } }
    }
    case 'retry_until_window':
      return retryUntilWindow(ctx, job, action.reason, note, metaError)
    case 'retry_after_day': {
      if (job.marketingCapRetries > 0) return fail(ctx, job, 'marketing_cap', metaError, note)
      await requeue(new Date(now.getTime() + DAY), { marketingCapRetries: 1 })
      return noProblem('retry_after_day')
    }
    case 'pause_channel': {
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(whatsappChannels)
          .set({ pausedUntil: new Date('9999-12-31T00:00:00Z'), pausedReason: `${action.reason} ${note}` })
          .where(eq(whatsappChannels.id, ctx.channelId))
        await tx
          .insert(channelEvents)
          .values({
            workspaceId: ctx.workspaceId,
            channelId: ctx.channelId,
            field: 'sender',
            kind: 'alert',
            errorCode: outcome.code,
            payload: {
              reason: action.reason,
              title: outcome.title,
              details: outcome.details,
              message_id: job.messageId,
            },
            occurredAt: now,
            dedupeKey: `pause:${ctx.channelId}:${now.getTime()}`,
            webhookEventId: 0,
          })
          .onConflictDoNothing()
      })
      return fail(ctx, job, action.reason, metaError, note)
    }
    case 'fail':
      return fail(ctx, job, action.reason, metaError, note, action)
  }
}

const NO_META_ERROR: ShownError = { code: null, title: null, details: null }

/**
 * A send that cannot reach WhatsApp (network, DNS, a refused token) is tried again, each wait as
 * long as the time already spent (base, then doubling), until SENDER_RECONCILE_MS after its first
 * failure; the attempt at the end of that window is the last. Meanwhile the message shows
 * `retrying` with the reason.
 */
async function retryUntilWindow(
  ctx: OutcomeContext,
  job: ClaimedJob,
  reason: string,
  detail: string,
  shown: ShownError,
): Promise<OutcomeResult> {
  const now = ctx.now ?? new Date()
  const since = job.failingSince ?? now
  const deadline = since.getTime() + ctx.reconcileMs
  if (now.getTime() >= deadline) return fail(ctx, job, reason, shown, detail)
  const elapsed = now.getTime() - since.getTime()
  const wait = Math.min(Math.max(ctx.transientRetryBaseMs, elapsed), deadline - now.getTime())
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(sendJobs)
      .set({
        state: 'queued',
        notBefore: new Date(now.getTime() + wait),
        lastError: `${reason}: ${detail}`,
        failingSince: since,
      })
      .where(eq(sendJobs.id, job.id))
    await markRetrying(tx, job.messageId, now, reason, shown)
  })
  return { result: 'retry', problem: { reason, detail, final: false } }
}

async function fail(
  ctx: OutcomeContext,
  job: ClaimedJob,
  reason: string,
  shown: ShownError,
  detail: string,
  effects: { markUnreachable?: boolean; markMarketingOptOut?: boolean } = {},
): Promise<OutcomeResult> {
  const now = ctx.now ?? new Date()
  const template = job.request.template as { name?: string; language?: { code?: string } } | undefined
  const details =
    reason === 'template_error' && template?.name
      ? `template ${template.name} (${template.language?.code ?? '?'}): ${shown.details ?? shown.title}`
      : shown.details
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(sendJobs)
      .set({ state: 'failed', lastError: `${reason}: ${detail}` })
      .where(eq(sendJobs.id, job.id))
    await tx
      .update(messages)
      .set({
        status: 'failed',
        statusAt: now,
        errorCode: shown.code,
        errorTitle: shown.title,
        errorDetails: details,
        errorReason: reason,
      })
      .where(eq(messages.id, job.messageId))
    if (effects.markUnreachable)
      await tx.update(contacts).set({ unreachableAt: now }).where(eq(contacts.id, job.contactId))
    if (effects.markMarketingOptOut) {
      await tx.update(contacts).set({ marketingOptOutAt: now }).where(eq(contacts.id, job.contactId))
    }
  })
  return { result: `failed:${reason}`, problem: { reason, detail, final: true } }
}
