import { sql } from 'drizzle-orm'
import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { contacts } from './contacts'
import { workspaces } from './workspaces'

/**
 * A legal hold: while it is in force (`lifted_at` null) retention never archives nor removes the
 * held history — one contact's, or the whole workspace's when `contact_id` is null. Lifted holds
 * stay as the record of who placed and lifted them and why (the audit trail keeps ids only, never
 * the words of a reason).
 */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    /** `<scope>:<key id>` of the API key, plus the CRM user a card named, like corrections. */
    placedBy: text('placed_by').notNull(),
    placedAt: tstz('placed_at').notNull().defaultNow(),
    liftedAt: tstz('lifted_at'),
    liftedBy: text('lifted_by'),
    liftReason: text('lift_reason'),
  },
  (t) => [
    uniqueIndex('legal_holds_contact_active_uq')
      .on(t.workspaceId, t.contactId)
      .where(sql`${t.liftedAt} is null and ${t.contactId} is not null`),
    uniqueIndex('legal_holds_workspace_active_uq')
      .on(t.workspaceId)
      .where(sql`${t.liftedAt} is null and ${t.contactId} is null`),
  ],
)

export type LegalHold = typeof legalHolds.$inferSelect
