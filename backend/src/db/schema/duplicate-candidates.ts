import { sql } from 'drizzle-orm'
import { index, jsonb, pgTable, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz, updatedAt } from './columns'
import { workspaces } from './workspaces'

/** One piece of evidence that two contacts are one person, as the reviewer reads it. */
export type DuplicateReason = {
  code: string
  /** The shared value or the similarity, in words. */
  detail: string
  weight: number
}

export const CANDIDATE_STATES = ['open', 'merged', 'dismissed'] as const
export type CandidateState = (typeof CANDIDATE_STATES)[number]

/**
 * A pair of contacts that are probably one person. `contactA` < `contactB` so a pair is stored
 * once; a dismissed pair stays (state `dismissed`) so it is never proposed again.
 */
export const duplicateCandidates = pgTable(
  'duplicate_candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    contactA: uuid('contact_a').notNull(),
    contactB: uuid('contact_b').notNull(),
    score: real('score').notNull(),
    reasons: jsonb('reasons').$type<DuplicateReason[]>().notNull(),
    state: text('state', { enum: CANDIDATE_STATES }).notNull().default('open'),
    decidedBy: text('decided_by'),
    decidedAt: tstz('decided_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('duplicate_candidates_pair_uq').on(t.workspaceId, t.contactA, t.contactB),
    index('duplicate_candidates_open_idx').on(t.workspaceId, t.score).where(sql`${t.state} = 'open'`),
    index('duplicate_candidates_b_idx').on(t.contactB),
  ],
)

export type DuplicateCandidate = typeof duplicateCandidates.$inferSelect
