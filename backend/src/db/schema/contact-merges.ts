import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { workspaces } from './workspaces'

/**
 * Everything a merge moved and overwrote, enough to put both contacts back as they were: the
 * absorbed contact's row, the survivor's fields before, and per table which rows moved, which
 * were folded into the survivor's and which were set aside.
 */
export type MergeRecord = {
  survivorBefore: Record<string, unknown>
  absorbed: Record<string, unknown>
  /** Survivor columns the merge wrote, with the value it wrote (undo restores only unchanged ones). */
  written: Record<string, unknown>
  tables: Record<
    string,
    {
      moved: (string | number)[]
      /** Absorbed rows that could not move (the survivor had one for the same key), as they were. */
      setAside: Record<string, unknown>[]
      /** Survivor rows the merge changed (combined counts), as they were. */
      survivorBefore: Record<string, unknown>[]
    }
  >
  /** Identity history rows the merge added for the absorbed contact's number and BSUID. */
  historyIds: number[]
}

export const MERGE_ORIGINS = ['review', 'automatic'] as const

/** One merge of `absorbedId` into `survivorId`; `undoneAt` once undone. */
export const contactMerges = pgTable(
  'contact_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // No foreign keys: the absorbed contact is gone until an undo brings it back.
    survivorId: uuid('survivor_id').notNull(),
    absorbedId: uuid('absorbed_id').notNull(),
    candidateId: uuid('candidate_id'),
    origin: text('origin', { enum: MERGE_ORIGINS }).notNull(),
    actor: text('actor'),
    record: jsonb('record').$type<MergeRecord>().notNull(),
    createdAt: createdAt(),
    undoneAt: tstz('undone_at'),
  },
  (t) => [
    index('contact_merges_survivor_idx').on(t.workspaceId, t.survivorId),
    index('contact_merges_absorbed_idx').on(t.workspaceId, t.absorbedId),
  ],
)

export type ContactMerge = typeof contactMerges.$inferSelect
