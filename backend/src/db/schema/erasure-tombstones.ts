import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'

/**
 * What is left of an erased person: one anonymous row per erased message, keyed by a hash of
 * (channel, wamid). Meta's redelivery of an old webhook carries the same wamid, so ingest drops it
 * instead of bringing the person back; the hash of a random message id says nothing about who
 * wrote it. A new message after the erasure is a new conversation and is stored as usual.
 */
export const erasureTombstones = pgTable(
  'erasure_tombstones',
  {
    messageKeyHash: text('message_key_hash').primaryKey(),
    /** The erasure this row belongs to (its audit entry names the same id). */
    erasureId: uuid('erasure_id').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    erasedAt: tstz('erased_at').notNull().defaultNow(),
  },
  (t) => [index('erasure_tombstones_workspace_idx').on(t.workspaceId, t.erasedAt)],
)
