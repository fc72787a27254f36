import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { contacts } from './contacts'
import { workspaces } from './workspaces'

/** Why a contact stopped using a number or a BSUID. */
export const IDENTITY_CHANGE_REASONS = ['number_change', 'bsuid_change', 'merge'] as const
export type IdentityChangeReason = (typeof IDENTITY_CHANGE_REASONS)[number]

/**
 * The numbers and BSUIDs a contact used before its current ones. A thread asked for by an old
 * number still finds the person, and the card shows when the change happened.
 */
export const contactIdentityHistory = pgTable(
  'contact_identity_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['phone', 'bsuid'] }).notNull(),
    /** The value the contact used before (E.164 for a phone). */
    previousValue: text('previous_value').notNull(),
    /** What replaced it; null when a merge kept the survivor's value and this one only moved in. */
    newValue: text('new_value'),
    reason: text('reason', { enum: IDENTITY_CHANGE_REASONS }).notNull(),
    changedAt: tstz('changed_at').notNull(),
  },
  (t) => [
    index('contact_identity_history_lookup_idx').on(t.workspaceId, t.kind, t.previousValue),
    index('contact_identity_history_contact_idx').on(t.contactId, t.changedAt),
  ],
)

export type ContactIdentityHistoryRow = typeof contactIdentityHistory.$inferSelect
