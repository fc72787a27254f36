import { sql } from 'drizzle-orm'
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { contacts } from './contacts'
import { workspaces } from './workspaces'

/** Codes an admin loaded into a named pool (`10_percent`); each goes to at most one contact. */
export const discountCodes = pgTable(
  'discount_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    pool: text('pool').notNull(),
    code: text('code').notNull(),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    assignedAt: tstz('assigned_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('discount_codes_code_uq').on(t.workspaceId, t.pool, t.code),
    index('discount_codes_free_idx')
      .on(t.workspaceId, t.pool, t.createdAt)
      .where(sql`${t.contactId} is null and ${t.assignedAt} is null`),
  ],
)

export type DiscountCode = typeof discountCodes.$inferSelect
