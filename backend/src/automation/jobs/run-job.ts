import type { SendContent } from '@scrm/shared'
import { and, eq } from 'drizzle-orm'
import type { Database, Executor } from '../../db/client'
import { type Contact, contacts, workspaces } from '../../db/schema'
import type { Logger } from '../../lib/logger'
import { windowOpen } from '../../outbound/policy'
import { policyOf } from '../../outbound/policy-settings'
import { type JobAction, jobActionSchema, type OutsideWindowTemplate } from '../actions'
import { AUTOMATIC_SENDS_OFF, packSendHeldBack } from '../automatic-sends'
import type { ClaimedAutomationJob } from './claim'
import { findLatestOrder, orderVariables } from './find-order'
import { JobError, LeaseLost } from './job-error'
import { finishJob } from './record-outcome'
import { sendForJob, sentResult } from './send-for-job'
import { settleFailure } from './settle-failure'
import { takeDiscountCode } from './take-discount-code'
import { templateContent } from './template-content'

export interface JobRunDeps {
  logger: Logger
  /** Opens the order-lookup secret. */
  encryptionKey: Buffer
  maxAttempts: number
  retryBaseMs: number
}

export type JobRunResult = 'done' | 'refused' | 'failed' | 'retry' | 'lost'

/**
 * Runs one claimed job to its end state. A send the policy refuses ends `refused` with the
 * reason and is never retried (the same send would be refused again, or worse, go out late); a
 * failure that may pass is tried again with growing waits, up to `maxAttempts`; anything else
 * ends `failed` with its code.
 */
export async function runJob(
  db: Database,
  deps: JobRunDeps,
  job: ClaimedAutomationJob,
  now: Date,
): Promise<JobRunResult> {
  const log = deps.logger.child({ jobId: job.id, workspaceId: job.workspaceId })
  try {
    if (job.attempts > deps.maxAttempts) {
      throw new JobError(
        'lease_expired',
        `The job's worker stopped ${job.attempts - 1} times before finishing it.`,
        false,
      )
    }
    const parsed = jobActionSchema.safeParse(job.action)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new JobError(
        'invalid_action',
        `The queued action is not valid: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
        false,
      )
    }
    const heldBack = await packSendHeldBack(db, job)
    if (heldBack) {
      await finishJob(db, job, {
        state: 'refused',
        outcome: AUTOMATIC_SENDS_OFF,
        result: { reason: AUTOMATIC_SENDS_OFF, message: heldBack },
        now,
      })
      log.info('automated send held back: the default pack may not send in this workspace yet')
      return 'refused'
    }
    await perform(db, deps, job, parsed.data, now)
    return 'done'
  } catch (error) {
    if (error instanceof LeaseLost) {
      log.warn('automation job was taken over after its lease ran out; its result stands')
      return 'lost'
    }
    return settleFailure(db, deps, job, error, now, log).catch((settleError: unknown) => {
      if (settleError instanceof LeaseLost) return 'lost' as const
      throw settleError
    })
  }
}

async function perform(
  db: Database,
  deps: JobRunDeps,
  job: ClaimedAutomationJob,
  action: JobAction,
  now: Date,
): Promise<void> {
  switch (action.type) {
    case 'send_quick_reply': {
      const content = await replyOrTemplate(db, job, action, {}, now)
      return sendAndFinish(db, job, content, now)
    }
    case 'send_template': {
      const contact = await loadContact(db, job)
      return sendAndFinish(db, job, await templateContent(db, contact, action, now), now)
    }
    case 'send_discount_code':
      await db.transaction(async (tx) => {
        const held = await takeDiscountCode(tx, {
          workspaceId: job.workspaceId,
          contactId: job.contactId,
          pool: action.pool,
          now,
        })
        const content = await replyOrTemplate(tx, job, action, { discount_code: held.code }, now)
        const sent = await sendForJob(tx, job, content, now)
        await finishJob(tx, job, {
          state: 'done',
          outcome: null,
          result: { ...sentResult(sent), pool: action.pool, code: held.code, reused: !held.newlyAssigned },
          now,
        })
      })
      return
    case 'reply_order_status':
      return replyOrderStatus(db, deps, job, action, now)
  }
}

/**
 * The action's quick reply, or — when the customer-service window is closed and the action names
 * one — its approved template (someone the sweep found gone quiet cannot get free text).
 */
async function replyOrTemplate(
  db: Executor,
  job: ClaimedAutomationJob,
  action: { quick_reply: string; outside_window_template?: OutsideWindowTemplate },
  given: Record<string, string>,
  now: Date,
): Promise<SendContent> {
  const reply: SendContent = { type: 'quick_reply', key: action.quick_reply, variables: given }
  if (!action.outside_window_template) return reply
  const contact = await loadContact(db, job)
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, job.workspaceId))
  if (windowOpen(contact, policyOf(workspace?.settings ?? {}), now)) return reply
  return templateContent(db, contact, action.outside_window_template, now, given)
}

/** Finds the order (network I/O, so outside any transaction), then answers with it or the not-found reply. */
async function replyOrderStatus(
  db: Database,
  deps: JobRunDeps,
  job: ClaimedAutomationJob,
  action: Extract<JobAction, { type: 'reply_order_status' }>,
  now: Date,
): Promise<void> {
  const found = await findLatestOrder(db, await loadContact(db, job), deps.encryptionKey, now)
  if (found.order) {
    const { id, status, eta, trackingUrl } = found.order
    return sendAndFinish(
      db,
      job,
      { type: 'quick_reply', key: action.quick_reply, variables: orderVariables(found.order) },
      now,
      { result: { source: found.source, order: { id, status, eta, tracking_url: trackingUrl } } },
    )
  }
  const result = { source: found.source, order: null }
  if (!action.not_found_quick_reply) {
    await finishJob(db, job, { state: 'done', outcome: 'order_not_found', result, now })
    return
  }
  return sendAndFinish(db, job, { type: 'quick_reply', key: action.not_found_quick_reply }, now, {
    result,
    outcome: 'order_not_found',
  })
}

/** Queues the send and ends the job in one transaction: both happen or neither does. */
async function sendAndFinish(
  db: Database,
  job: ClaimedAutomationJob,
  content: SendContent,
  now: Date,
  end: { outcome?: string; result?: Record<string, unknown> } = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    const sent = await sendForJob(tx, job, content, now)
    await finishJob(tx, job, {
      state: 'done',
      outcome: end.outcome ?? null,
      result: { ...sentResult(sent), ...end.result },
      now,
    })
  })
}

async function loadContact(db: Executor, job: ClaimedAutomationJob): Promise<Contact> {
  const [contact] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, job.workspaceId), eq(contacts.id, job.contactId)))
  if (!contact) throw new JobError('contact_not_found', 'The contact no longer exists.', false)
  return contact
}
