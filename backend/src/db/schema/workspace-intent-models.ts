import { bigint, integer, jsonb, pgTable, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { workspaces } from './workspaces'

/**
 * A workspace's own layers, trained on its reps' corrections and never read for another
 * workspace's messages: over the shared intent model (feature → [intent index, weight] pairs,
 * intelligence/workspace-layer.ts) and over the sentiment lexicons (feature → valence,
 * intelligence/sentiment-layer.ts).
 */
export const workspaceIntentModels = pgTable('workspace_intent_models', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  weights: jsonb('weights').$type<Record<string, [number, number][]>>().notNull(),
  /** Corrections the layer was trained on, and the newest of them (a retrain is due after it). */
  examples: integer('examples').notNull(),
  sentimentWeights: jsonb('sentiment_weights').$type<Record<string, number>>().notNull().default({}),
  /** Sentiment corrections the sentiment layer was trained on. */
  sentimentExamples: integer('sentiment_examples').notNull().default(0),
  lastCorrectionId: bigint('last_correction_id', { mode: 'number' }).notNull().default(0),
  trainedAt: tstz('trained_at').notNull(),
})

export type WorkspaceIntentModel = typeof workspaceIntentModels.$inferSelect
