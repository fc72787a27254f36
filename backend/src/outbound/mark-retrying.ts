import { and, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { messages } from '../db/schema'

/** What the thread shows of Meta's answer; all null when Meta never answered. */
export interface ShownError {
  code: number | null
  title: string | null
  details: string | null
}

/**
 * The thread message of a send that is being tried again shows `retrying` with the reason, so a
 * rep sees at once that it has not gone out and why. Only a message not yet accepted moves.
 */
export async function markRetrying(
  tx: Executor,
  messageId: number,
  now: Date,
  reason: string,
  shown: ShownError,
): Promise<void> {
  await tx
    .update(messages)
    .set({
      status: 'retrying',
      statusAt: now,
      errorCode: shown.code,
      errorTitle: shown.title,
      errorDetails: shown.details,
      errorReason: reason,
    })
    .where(and(eq(messages.id, messageId), inArray(messages.status, ['queued', 'retrying'])))
}

/** A retrying message whose send now only waits for a limit shows `queued` again, without an error. */
export async function backToQueued(tx: Executor, messageId: number): Promise<void> {
  await tx
    .update(messages)
    .set({ status: 'queued', errorCode: null, errorTitle: null, errorDetails: null, errorReason: null })
    .where(and(eq(messages.id, messageId), eq(messages.status, 'retrying')))
}
