import type { SendContent } from '@scrm/shared'
import type { Transaction } from '../../db/client'
import { type Enqueued, enqueueSend } from '../../outbound/enqueue'
import type { ClaimedAutomationJob } from './claim'

/**
 * Every automated send takes the one outbound path (policy, caps, queue) as kind `automation`.
 * The key is the job's: a job run again after a crash or a lost lease finds its first message
 * instead of sending a second one. Runs inside the caller's transaction (as a savepoint), so what
 * the job did besides — a discount code it took — commits or rolls back with the send.
 */
export function sendForJob(
  tx: Transaction,
  job: ClaimedAutomationJob,
  content: SendContent,
  now: Date,
): Promise<Enqueued> {
  return enqueueSend(tx, {
    workspaceId: job.workspaceId,
    contactId: job.contactId,
    content,
    kind: 'automation',
    idempotencyKey: automationIdempotencyKey(job.id),
    now,
  })
}

export const automationIdempotencyKey = (jobId: number) => `automation:${jobId}`

/** What a job's result records about its message. */
export const sentResult = (sent: Enqueued) => ({
  message_id: String(sent.messageId),
  duplicate: sent.duplicate,
})
