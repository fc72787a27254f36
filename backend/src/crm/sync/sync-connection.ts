import { eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type CrmConnection, crmConnections } from '../../db/schema'
import type { LeaseHeartbeat } from '../../jobs/lease-heartbeat'
import { mappedFields, mappingRows } from '../mapping'
import type { CrmConnector } from '../port'
import { DEFAULT_BUDGET_BASIS_POINTS } from '../storage/storage-budget'
import { storageProfileOf } from '../storage/storage-profile'
import { evaluateThinning } from '../storage/storage-thinning'
import { ensureConnectionSchema, ensureTagOptions } from './ensure-schema'
import { syncErasures } from './erase-writes'
import { syncLinked } from './linked-writes'
import { syncMerges } from './merge-writes'
import { messageWrites } from './message-writes'
import { type ClaimedChange, claimChanges } from './outbox'
import type { BatchOutcome } from './settle'
import { syncContacts } from './sync-contacts'
import type { SyncOptions } from './sync-options'
import { taskWrites } from './task-writes'
import { thinnedMessageWrites } from './thinned-message-writes'

export interface SyncRound extends BatchOutcome {
  /** Changes claimed this round; 0 = nothing was due. */
  claimed: number
}

/**
 * One round for one connection: queued contact merges, then a batch of contacts (messages and tasks need their
 * records), then a batch of messages and one of tasks. Each batch is one CRM call in the normal
 * case, so a round costs at most three calls however many changes it carries.
 */
export async function syncConnectionRound(
  db: Executor,
  connection: CrmConnection,
  connector: CrmConnector,
  options: SyncOptions,
  heartbeat?: LeaseHeartbeat,
): Promise<SyncRound> {
  const claimed: ClaimedChange[] = []
  try {
    return await runRound(db, connection, connector, options, async (kind) => {
      const changes = await claimChanges(db, connection.id, kind, { limit: connector.batchLimit, ...options })
      heartbeat?.hold(changes)
      claimed.push(...changes)
      return changes
    })
  } finally {
    heartbeat?.release(claimed.map((c) => c.id))
  }
}

async function runRound(
  db: Executor,
  connection: CrmConnection,
  connector: CrmConnector,
  options: SyncOptions,
  claimChangesOf: (kind: 'contact' | 'message' | 'task' | 'merge' | 'erase') => Promise<ClaimedChange[]>,
): Promise<SyncRound> {
  const total: SyncRound = { calls: 0, written: 0, failed: 0, claimed: 0 }
  const add = (o: BatchOutcome) => {
    total.calls += o.calls
    total.written += o.written
    total.failed += o.failed
  }
  // Erasures first: the person asked, and nothing else of theirs is queued any more.
  const eraseChanges = await claimChangesOf('erase')
  total.claimed += eraseChanges.length
  if (eraseChanges.length > 0) add(await syncErasures(db, connection, connector, eraseChanges, options))
  // Merges next: the contact writes of this round then go to the record the CRM kept.
  const mergeChanges = await claimChangesOf('merge')
  total.claimed += mergeChanges.length
  if (mergeChanges.length > 0) add(await syncMerges(db, connection, connector, mergeChanges, options))
  const contactChanges = await claimChangesOf('contact')
  total.claimed += contactChanges.length
  if (contactChanges.length > 0) {
    if (!connection.schemaReadyAt) {
      await ensureConnectionSchema(db, connection, connector)
      total.calls += 1
    }
    let fields = mappedFields(await mappingRows(db, connection.id, (spec) => connector.defaultProperty(spec)))
    fields = await ensureTagOptions(db, connection, connector, fields)
    add(await syncContacts(db, connection, connector, fields, contactChanges, options))
  }
  // While contacts are still queued (a backfill), messages wait: most of theirs would have no
  // record to attach to yet, and half-empty message batches would cost calls.
  if (contactChanges.length >= connector.batchLimit) return total
  const messageChanges = await claimChangesOf('message')
  total.claimed += messageChanges.length
  if (messageChanges.length > 0) {
    // Over the month's storage budget, messages are written thinned (contact fields never are).
    const profile = storageProfileOf(connector)
    const thinning = await evaluateThinning(
      db,
      connection,
      profile,
      options.storageBudgetBasisPoints ?? DEFAULT_BUDGET_BASIS_POINTS,
    )
    const kind = thinning.on
      ? thinnedMessageWrites({
          since: thinning.estimate.thinning_since ?? new Date(),
          coalesce: !profile.messagesByDay,
        })
      : messageWrites
    add(await syncLinked(db, connection, connector, messageChanges, options, kind))
  }
  const taskChanges = await claimChangesOf('task')
  total.claimed += taskChanges.length
  if (taskChanges.length > 0)
    add(await syncLinked(db, connection, connector, taskChanges, options, taskWrites))
  if (total.written > 0) {
    await db
      .update(crmConnections)
      .set({ lastSyncedAt: new Date() })
      .where(eq(crmConnections.id, connection.id))
  }
  return total
}
