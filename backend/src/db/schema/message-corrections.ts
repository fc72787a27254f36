import { sql } from 'drizzle-orm'
import { bigint, index, pgTable, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { messages } from './messages'
import { workspaces } from './workspaces'

/**
 * What a rep said a customer message means: the intent or the sentiment label, against what the
 * classifier predicted. A rep confirming a prediction is a row too (`value` = `predicted`): the
 * accuracy per workspace and intent counts both. One row per message and field; a rep changing
 * their mind updates it (who and when follow the latest click).
 */
export const messageCorrections = pgTable(
  'message_corrections',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    messageId: bigint('message_id', { mode: 'number' })
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    field: text('field', { enum: ['intent', 'sentiment'] }).notNull(),
    /** What the classifier said when the rep looked (null when it had said nothing). */
    predicted: text('predicted'),
    predictedConfidence: real('predicted_confidence'),
    /** What the rep says it is. */
    value: text('value').notNull(),
    /** `<scope>:<key id>` that authenticated the click, plus the rep the card named, if any. */
    correctedBy: text('corrected_by').notNull(),
    rep: text('rep'),
    correctedAt: tstz('corrected_at').notNull(),
  },
  (t) => [
    uniqueIndex('message_corrections_message_field_uq').on(t.messageId, t.field),
    index('message_corrections_workspace_idx').on(t.workspaceId, t.field, t.correctedAt.desc()),
    index('message_corrections_intent_idx')
      .on(t.workspaceId, t.predicted, t.correctedAt.desc())
      .where(sql`${t.field} = 'intent'`),
  ],
)

export type MessageCorrection = typeof messageCorrections.$inferSelect
