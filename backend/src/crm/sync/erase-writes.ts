import { and, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type CrmConnection, type CrmRecordErasure, crmRecordErasures, tags } from '../../db/schema'
import { crmRequests } from '../../lib/metrics'
import { mappingRows } from '../mapping'
import type { CrmConnector, CrmError } from '../port'
import { addReviewItems, type NewReviewItem } from '../review'
import { type ClaimedChange, completeChanges, dropChanges, parkChanges } from './outbox'
import { type BatchOutcome, settleFailures } from './settle'
import type { SyncOptions } from './sync-options'

/**
 * Carries out erased people's CRM records (outbox kind `erase`, one `crm_record_erasures` row
 * each), one record per call: the connector removes our activities there, then deletes the record
 * we created or clears and marks the one the CRM had. Rate limits and outages wait and retry like
 * any write (the worker's rounds, the shared limiter, leases that survive a crash); a refusal for
 * good becomes a review item naming the record — never the person, who is gone by now.
 */
export async function syncErasures(
  db: Executor,
  connection: CrmConnection,
  connector: CrmConnector,
  changes: ClaimedChange[],
  options: SyncOptions,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { calls: 0, written: 0, failed: 0 }
  let clearProperties: string[] | null = null
  let tagKeys: string[] | null = null
  for (const change of changes) {
    const [erasure] = await db
      .select()
      .from(crmRecordErasures)
      .where(
        and(eq(crmRecordErasures.id, change.subjectId), eq(crmRecordErasures.connectionId, connection.id)),
      )
    // Done already (a repeated claim), or gone with its connection: nothing to send.
    if (!erasure || erasure.state === 'done') {
      await dropChanges(db, [change])
      continue
    }
    if (!connector.eraseRecord) {
      await fail(db, erasure, {
        kind: 'permanent',
        code: 'not_supported',
        message: 'no erasure through this API',
      })
      await addReviewItems(db, [reviewItem(connection, erasure, change, null)])
      await completeChanges(db, [change])
      outcome.failed++
      continue
    }
    clearProperties ??= (await mappingRows(db, connection.id, (spec) => connector.defaultProperty(spec)))
      .filter((m) => m.managed && m.enabled)
      .map((m) => m.property)
    tagKeys ??= (
      await db.select({ key: tags.key }).from(tags).where(eq(tags.workspaceId, connection.workspaceId))
    ).map((t) => t.key)
    outcome.calls++
    try {
      const done = await connector.eraseRecord({
        objectType: erasure.objectType,
        recordId: erasure.recordId,
        action: erasure.action,
        clearProperties,
        tagKeys,
      })
      crmRequests.inc({ provider: connector.provider, outcome: 'ok' })
      await db
        .update(crmRecordErasures)
        .set({
          state: 'done',
          outcome: done.outcome,
          activitiesRemoved: done.activitiesRemoved,
          lastError: null,
          doneAt: new Date(),
        })
        .where(eq(crmRecordErasures.id, erasure.id))
      await completeChanges(db, [change])
      outcome.written++
    } catch (error) {
      const classified = connector.classifyError(error)
      crmRequests.inc({ provider: connector.provider, outcome: classified.kind })
      const final =
        classified.kind === 'permanent' ||
        (classified.kind === 'transient' && change.attempts + 1 >= options.maxAttempts)
      if (!final) {
        await db
          .update(crmRecordErasures)
          .set({ lastError: errorText(classified) })
          .where(eq(crmRecordErasures.id, erasure.id))
        await settleFailures(db, connection, [change], classified, options, 'erase')
        continue
      }
      outcome.failed++
      await fail(db, erasure, classified)
      await parkChanges(db, [change], errorText(classified))
      await addReviewItems(db, [reviewItem(connection, erasure, change, classified)])
    }
  }
  return outcome
}

const errorText = (e: CrmError) => `${e.code}: ${e.message}`.slice(0, 1000)

async function fail(db: Executor, erasure: CrmRecordErasure, error: CrmError): Promise<void> {
  await db
    .update(crmRecordErasures)
    .set({ state: 'failed', lastError: errorText(error) })
    .where(eq(crmRecordErasures.id, erasure.id))
}

/** What the admin sees: which record, what was asked, why the CRM would not (ids only). */
function reviewItem(
  connection: CrmConnection,
  erasure: CrmRecordErasure,
  change: ClaimedChange,
  error: CrmError | null,
): NewReviewItem {
  const asked = erasure.action === 'delete' ? 'delete' : 'clear and mark for its privacy deletion'
  return {
    workspaceId: connection.workspaceId,
    connectionId: connection.id,
    contactId: null,
    kind: 'sync_failed',
    field: 'record',
    remoteValue: erasure.recordId,
    detail: {
      reason: 'crm_erasure_failed',
      outbox_id: change.id,
      object: 'erase',
      erasure_id: erasure.erasureId,
      record_erasure_id: erasure.id,
      object_type: erasure.objectType,
      record_id: erasure.recordId,
      action: erasure.action,
      code: error?.code ?? 'not_supported',
      message: error
        ? `An erased person's ${erasure.objectType} ${erasure.recordId}: the CRM refused to ${asked} it ` +
          `(${error.code}: ${error.message}). Retry, or ${erasure.action === 'delete' ? 'delete' : 'handle'} it ` +
          'with the CRM’s own privacy tool.'
        : `An erased person's ${erasure.objectType} ${erasure.recordId}: this CRM's API cannot ${asked} it. ` +
          'Use the CRM’s own privacy tool.',
    },
  }
}
