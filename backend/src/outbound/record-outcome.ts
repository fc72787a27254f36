import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { channelEvents, contacts, messages, sendJobs, whatsappChannels } from '../db/schema'
import { metaErrors, sendOutcomes } from '../lib/metrics'
import type { SendOutcome } from '../whatsapp/cloud-api-client'
import type { ClaimedJob } from './claim-jobs'
import { classifyError, pairBackoffMs, TRANSIENT_RETRIES, transientBackoffMs } from './error-classes'
import { holdUntil, numberKey, pairKey } from './limiter'

const DAY = 24 * 60 * 60 * 1000

export interface OutcomeContext {
  db: Database
  channelId: string
  workspaceId: string
  reconcileMs: number
  transientRetryBaseMs: number
  now?: Date
}

/** What happened to a send, written to the job, the thread message and, where due, the contact. */
export async function recordOutcome(
  ctx: OutcomeContext,
  job: ClaimedJob,
  outcome: SendOutcome,
): Promise<string> {
  const result = await storeOutcome(ctx, job, outcome)
  sendOutcomes.inc({
    outcome: result.startsWith('failed')
      ? 'failed'
      : result === 'sent' || result === 'unknown'
        ? result
        : 'retry',
  })
  return result
}

async function storeOutcome(ctx: OutcomeContext, job: ClaimedJob, outcome: SendOutcome): Promise<string> {
  const now = ctx.now ?? new Date()
  if (outcome.kind === 'accepted') {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(sendJobs)
        .set({ state: 'sent', sentAt: now, lastError: null })
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
    return 'sent'
  }
  if (outcome.kind === 'unknown') {
    // Only while still `sending`: a status webhook may already have confirmed it (state `sent`).
    await ctx.db
      .update(sendJobs)
      .set({
        state: 'unknown',
        notBefore: new Date(now.getTime() + ctx.reconcileMs),
        lastError: `outcome unknown: ${outcome.reason}`,
      })
      .where(and(eq(sendJobs.id, job.id), eq(sendJobs.state, 'sending')))
    return 'unknown'
  }

  const action = classifyError(outcome.code, outcome.httpStatus)
  metaErrors.inc({ class: action.kind })
  const note = `(#${outcome.code}) ${outcome.title}${outcome.details ? `: ${outcome.details}` : ''}`
  const requeue = (notBefore: Date, extra: Partial<typeof sendJobs.$inferInsert> = {}) =>
    ctx.db
      .update(sendJobs)
      .set({ state: 'queued', notBefore, lastError: note, ...extra })
      .where(eq(sendJobs.id, job.id))
  switch (action.kind) {
    case 'backoff_number': {
      const until = new Date(now.getTime() + action.delayMs)
      await holdUntil(ctx.db, numberKey(ctx.channelId), until)
      await requeue(until, { attempts: Math.max(job.attempts - 1, 0) })
      return 'backoff_number'
    }
    case 'backoff_pair': {
      const until = new Date(now.getTime() + pairBackoffMs(job.pairBackoffs))
      await holdUntil(ctx.db, pairKey(ctx.channelId, job.recipient), until)
      await requeue(until, { pairBackoffs: job.pairBackoffs + 1, attempts: Math.max(job.attempts - 1, 0) })
      return 'backoff_pair'
    }
    case 'transient': {
      const failures = job.transientFailures + 1
      if (failures > TRANSIENT_RETRIES) return fail(ctx, job, outcome, 'server_error')
      await requeue(new Date(now.getTime() + transientBackoffMs(failures, ctx.transientRetryBaseMs)), {
        transientFailures: failures,
      })
      return 'retry'
    }
    case 'retry_after_day': {
      if (job.marketingCapRetries > 0) return fail(ctx, job, outcome, 'marketing_cap')
      await requeue(new Date(now.getTime() + DAY), { marketingCapRetries: 1 })
      return 'retry_after_day'
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
      return fail(ctx, job, outcome, action.reason)
    }
    case 'fail':
      return fail(ctx, job, outcome, action.reason, action)
  }
}

async function fail(
  ctx: OutcomeContext,
  job: ClaimedJob,
  outcome: Extract<SendOutcome, { kind: 'error' }>,
  reason: string,
  effects: { markUnreachable?: boolean; markMarketingOptOut?: boolean } = {},
): Promise<string> {
  const now = ctx.now ?? new Date()
  const template = job.request.template as { name?: string; language?: { code?: string } } | undefined
  const details =
    reason === 'template_error' && template?.name
      ? `template ${template.name} (${template.language?.code ?? '?'}): ${outcome.details ?? outcome.title}`
      : outcome.details
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(sendJobs)
      .set({ state: 'failed', lastError: `${reason}: (#${outcome.code}) ${outcome.title}` })
      .where(eq(sendJobs.id, job.id))
    await tx
      .update(messages)
      .set({
        status: 'failed',
        statusAt: now,
        errorCode: outcome.code,
        errorTitle: outcome.title,
        errorDetails: details,
      })
      .where(eq(messages.id, job.messageId))
    if (effects.markUnreachable)
      await tx.update(contacts).set({ unreachableAt: now }).where(eq(contacts.id, job.contactId))
    if (effects.markMarketingOptOut) {
      await tx.update(contacts).set({ marketingOptOutAt: now }).where(eq(contacts.id, job.contactId))
    }
  })
  return `failed:${reason}`
}
