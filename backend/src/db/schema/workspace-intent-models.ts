import { bigint, integer, jsonb, pgTable, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { workspaces } from './workspaces'

/**
 * A workspace's own layer over the shared intent model (feature → [intent index, weight] pairs), trained on its reps' corrections
 * (intelligence/workspace-layer.ts). Never read for another workspace's messages.
 */
export const workspaceIntentModels = pgTable('workspace_intent_models', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  weights: jsonb('weights').$type<Record<string, [number, number][]>>().notNull(),
  /** Corrections the layer was trained on, and the newest of them (a retrain is due after it). */
  examples: integer('examples').notNull(),
  lastCorrectionId: bigint('last_correction_id', { mode: 'number' }).notNull().default(0),
  trainedAt: tstz('trained_at').notNull(),
})

export type WorkspaceIntentModel = typeof workspaceIntentModels.$inferSelect
