import { and, desc, eq, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { type CrmReviewItem, crmReviewItems } from '../db/schema'
import { ConflictError, InvalidInputError, NotFoundError } from '../lib/errors'
import type { FieldValue } from './contact-values'
import { writeLocalField } from './local-fields'

export interface NewReviewItem {
  workspaceId: string
  connectionId: string
  contactId: string | null
  kind: 'conflict' | 'sync_failed'
  field?: string | null
  localValue?: unknown
  remoteValue?: unknown
  localAt?: Date | null
  remoteAt?: Date | null
  winner?: 'local' | 'remote' | null
  detail?: Record<string, unknown>
}

/**
 * Records items for people to look at. A value a CRM property cannot take is reported once while
 * its item is open, not again on every later sync of the contact.
 */
export async function addReviewItems(db: Executor, items: NewReviewItem[]): Promise<void> {
  const fresh: NewReviewItem[] = []
  for (const i of items) {
    if (i.kind === 'sync_failed' && i.field && i.contactId) {
      const [open] = await db
        .select({ id: crmReviewItems.id })
        .from(crmReviewItems)
        .where(
          and(
            eq(crmReviewItems.connectionId, i.connectionId),
            eq(crmReviewItems.contactId, i.contactId),
            eq(crmReviewItems.field, i.field),
            eq(crmReviewItems.status, 'open'),
            sql`${crmReviewItems.localValue} = ${JSON.stringify(i.localValue ?? null)}::jsonb`,
          ),
        )
        .limit(1)
      if (open) continue
    }
    fresh.push(i)
  }
  if (fresh.length === 0) return
  await db.insert(crmReviewItems).values(
    fresh.map((i) => ({
      ...i,
      localValue: i.localValue ?? null,
      remoteValue: i.remoteValue ?? null,
      detail: i.detail ?? {},
    })),
  )
}

export async function listReviewItems(
  db: Executor,
  workspaceId: string,
  filter: { status?: 'open' | 'resolved'; limit: number },
): Promise<CrmReviewItem[]> {
  return db
    .select()
    .from(crmReviewItems)
    .where(
      and(
        eq(crmReviewItems.workspaceId, workspaceId),
        filter.status ? eq(crmReviewItems.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(crmReviewItems.createdAt))
    .limit(filter.limit)
}

export type Resolution = 'accept' | 'use_local' | 'use_remote' | 'retry' | 'dismiss'

/**
 * A person decides. For a conflict: keep what the rule chose (`accept`) or put the other value
 * back on both sides (`use_local` / `use_remote`: written locally now, so it is the newest and
 * syncs out). For a failed write: `retry` puts it back in the queue, `dismiss` drops it.
 */
export async function resolveReviewItem(
  db: Executor,
  workspaceId: string,
  id: string,
  resolution: Resolution,
): Promise<CrmReviewItem> {
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(crmReviewItems)
      .where(and(eq(crmReviewItems.id, id), eq(crmReviewItems.workspaceId, workspaceId)))
      .for('update')
    if (!item) throw new NotFoundError('There is no such review item.')
    if (item.status === 'resolved') throw new ConflictError('This review item is resolved already.')
    const conflictOnly = resolution === 'use_local' || resolution === 'use_remote'
    if (conflictOnly && (item.kind !== 'conflict' || !item.field || !item.contactId)) {
      throw new InvalidInputError(`"${resolution}" applies to field conflicts only.`)
    }
    if (resolution === 'retry' && item.kind !== 'sync_failed') {
      throw new InvalidInputError('"retry" applies to failed writes only.')
    }
    if (conflictOnly && item.field && item.contactId) {
      const value = (resolution === 'use_local' ? item.localValue : item.remoteValue) as FieldValue
      await writeLocalField(tx, item.contactId, item.field, value, Date.now())
    }
    if (resolution === 'retry') {
      const outboxId = item.detail.outbox_id
      if (typeof outboxId === 'number') {
        await tx.execute(sql`
          update crm_outbox set parked_at = null, attempts = 0, available_at = clock_timestamp(), lease_until = null
           where id = ${outboxId}`)
      }
    }
    const [updated] = await tx
      .update(crmReviewItems)
      .set({ status: 'resolved', resolution, resolvedAt: new Date() })
      .where(eq(crmReviewItems.id, id))
      .returning()
    return updated as CrmReviewItem
  })
}
