import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { contacts } from './contacts'
import { workspaces } from './workspaces'

/** Products a contact asked about, by standard code, with how often and when. */
export const contactInterests = pgTable(
  'contact_interests',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    mentions: integer('mentions').notNull().default(0),
    firstAt: tstz('first_at').notNull(),
    lastAt: tstz('last_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.sku] })],
)
