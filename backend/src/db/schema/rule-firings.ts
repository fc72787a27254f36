import { bigint, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { contacts } from './contacts'
import { rules } from './rules'
import { workspaces } from './workspaces'

/**
 * Each time a rule fired for a contact: which messages made it fire and what it did. Also the
 * memory behind "once per contact" and cool-downs; `dedupe_key` makes a replayed evaluation a
 * no-op.
 */
export const ruleFirings = pgTable(
  'rule_firings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => rules.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    messageIds: jsonb('message_ids').$type<number[]>().notNull().default([]),
    /** What the conditions saw ("4 mentions of discount in 30 days"). */
    explanation: text('explanation').notNull(),
    actions: jsonb('actions').$type<Record<string, unknown>[]>().notNull().default([]),
    dedupeKey: text('dedupe_key').notNull(),
    firedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('rule_firings_dedupe_uq').on(t.ruleId, t.contactId, t.dedupeKey),
    index('rule_firings_contact_idx').on(t.contactId, t.firedAt),
  ],
)

export type RuleFiring = typeof ruleFirings.$inferSelect
