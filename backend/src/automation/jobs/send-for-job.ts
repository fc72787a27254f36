import type { SendContent } from '@scrm/shared'
import { sql } from 'drizzle-orm'
import type { Transaction } from '../../db/client'
import { type Enqueued, enqueueSend } from '../../outbound/enqueue'
import type { ClaimedAutomationJob } from './claim'

/**
 * Every automated send takes the one outbound path (policy, caps, queue) as kind `automation`.
 * The key is the job's: a job run again after a crash or a lost lease finds its first message
 * instead of sending a second one. Runs inside the caller's transaction (as a savepoint), so what
 * the job did besides — a discount code it took — commits or rolls back with the send.
 *
 * The contact row is locked first: the policy's caps count the contact's committed sends, so two
 * jobs for one person (in this worker or another process) must check and queue one after the
 * other, or both would pass a cap only one of them may.
 */
export async function sendForJob(
  tx: Transaction,
  job: ClaimedAutomationJob,
  content: SendContent,
  now: Date,
): Promise<Enqueued> {
  await tx.execute(sql`select id from contacts where id = ${job.contactId} for update`)
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
