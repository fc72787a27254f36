import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { contacts } from './contacts'
import { crmConnections } from './crm-connections'
import { workspaces } from './workspaces'

/**
 * Something a person should look at: a field both sides changed to different values (the newer
 * won; both are kept here), or a write the CRM kept refusing.
 */
export const crmReviewItems = pgTable(
  'crm_review_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => crmConnections.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['conflict', 'sync_failed'] }).notNull(),
    field: text('field'),
    localValue: jsonb('local_value'),
    remoteValue: jsonb('remote_value'),
    localAt: tstz('local_at'),
    remoteAt: tstz('remote_at'),
    /** Which side the automatic rule kept. */
    winner: text('winner', { enum: ['local', 'remote'] }),
    /** Error code and message, the outbox row it came from ... */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: ['open', 'resolved'] })
      .notNull()
      .default('open'),
    resolution: text('resolution'),
    resolvedAt: tstz('resolved_at'),
    createdAt: createdAt(),
  },
  (t) => [index('crm_review_items_open_idx').on(t.workspaceId, t.status, t.createdAt)],
)

export type CrmReviewItem = typeof crmReviewItems.$inferSelect
