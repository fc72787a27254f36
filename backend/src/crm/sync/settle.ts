import { eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type CrmConnection, type CrmOutboxKind, crmConnections } from '../../db/schema'
import type { CrmError, WriteResult } from '../port'
import { addReviewItems } from '../review'
import { type ClaimedChange, completeChanges, parkChanges, retryChanges } from './outbox'
import type { SyncOptions } from './sync-options'

export interface BatchOutcome {
  calls: number
  written: number
  failed: number
}

const AUTH_RETRY_MS = 60_000

/**
 * What happens to changes the CRM did not take: slow down on rate limits (no attempt spent),
 * retry transient errors a few times then ask a person, ask a person at once for permanent ones.
 */
export async function settleFailures(
  db: Executor,
  connection: CrmConnection,
  changes: ClaimedChange[],
  error: CrmError,
  options: SyncOptions,
  kind: CrmOutboxKind,
): Promise<void> {
  if (changes.length === 0) return
  const text = `${error.code}: ${error.message}`
  if (error.kind === 'rate_limited') {
    await retryChanges(db, changes, error.retryAfterMs ?? 10_000, text, false)
    return
  }
  if (error.kind === 'auth') {
    await db.update(crmConnections).set({ lastError: text }).where(eq(crmConnections.id, connection.id))
    await retryChanges(db, changes, AUTH_RETRY_MS, text, false)
    return
  }
  const exhausted =
    error.kind === 'permanent' ? changes : changes.filter((c) => c.attempts + 1 >= options.maxAttempts)
  const again = changes.filter((c) => !exhausted.includes(c))
  await retryChanges(db, again, options.retryDelayMs, text, true)
  await parkChanges(db, exhausted, text)
  await addReviewItems(
    db,
    exhausted.map((c) => ({
      workspaceId: connection.workspaceId,
      connectionId: connection.id,
      contactId: kind === 'contact' ? c.subjectId : null,
      kind: 'sync_failed' as const,
      detail: {
        outbox_id: c.id,
        object: kind,
        subject_id: c.subjectId,
        code: error.code,
        message: error.message,
        attempts: c.attempts + 1,
      },
    })),
  )
}

/**
 * After a batch call: accepted writes leave the outbox, the others are settled by their error.
 * `accepted` runs first for bookkeeping that must precede (record links).
 */
export async function finishBatch(
  db: Executor,
  connection: CrmConnection,
  changes: ClaimedChange[],
  batch: { results: WriteResult[]; calls: number },
  options: SyncOptions,
  kind: CrmOutboxKind,
): Promise<BatchOutcome> {
  const byRef = new Map(changes.map((c) => [c.subjectId, c]))
  const change = (ref: string) => byRef.get(ref) as ClaimedChange
  await completeChanges(
    db,
    batch.results.filter((r) => r.ok).map((r) => change(r.ref)),
  )
  let failed = 0
  for (const r of batch.results) {
    if (r.ok) continue
    failed++
    await settleFailures(db, connection, [change(r.ref)], r.error, options, kind)
  }
  return { calls: batch.calls, written: batch.results.length - failed, failed }
}
