import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { contacts } from './contacts'
import { crmConnections } from './crm-connections'
import { workspaces } from './workspaces'

/** Which CRM record is which contact; cut (deleted) when the CRM deletes the record, history stays. */
export const crmRecordLinks = pgTable(
  'crm_record_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => crmConnections.id, { onDelete: 'cascade' }),
    /** `contact`, `lead` ... as the CRM names it. */
    objectType: text('object_type').notNull(),
    recordId: text('record_id').notNull(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** The values both sides agreed on at the last sync, per mapped field (for conflict checks). */
    syncedValues: jsonb('synced_values').$type<Record<string, unknown>>().notNull().default({}),
    syncedAt: tstz('synced_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('crm_record_links_record_uq').on(t.connectionId, t.objectType, t.recordId),
    index('crm_record_links_contact_idx').on(t.contactId),
  ],
)
