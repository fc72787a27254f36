import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { contacts } from './contacts'
import { crmConnections } from './crm-connections'
import { workspaces } from './workspaces'

/** Per mapped field: the value the CRM holds as far as we know, and since when (ms). */
export type SyncedValues = Record<string, { v: unknown; at: number }>

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
    /**
     * `secondary`: the CRM merged this contact's record into one that belongs to another contact;
     * its messages still go to the record, its fields do not (the record keeps one WhatsApp number).
     * `deleted`: the CRM deleted the record; nothing is written until the person writes again.
     */
    role: text('role', { enum: ['primary', 'secondary', 'deleted'] })
      .notNull()
      .default('primary'),
    /** The values both sides agreed on at the last sync, per mapped field (for conflict checks). */
    syncedValues: jsonb('synced_values').$type<SyncedValues>().notNull().default({}),
    syncedAt: tstz('synced_at'),
    /**
     * Whether our upsert created the record (true) or found one the CRM already had (false), as the
     * CRM answered it. Null for links made before this was recorded, or by a record the CRM created:
     * an erasure deletes only records known to be ours, and marks the others.
     */
    createdByUs: boolean('created_by_us'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('crm_record_links_record_uq').on(t.connectionId, t.objectType, t.recordId, t.contactId),
    uniqueIndex('crm_record_links_contact_uq').on(t.connectionId, t.objectType, t.contactId),
    index('crm_record_links_lookup_idx').on(t.connectionId, t.objectType, t.recordId),
    index('crm_record_links_contact_idx').on(t.contactId),
  ],
)

export type CrmRecordLink = typeof crmRecordLinks.$inferSelect
