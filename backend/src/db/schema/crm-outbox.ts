import { sql } from 'drizzle-orm'
import { bigint, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { crmConnections } from './crm-connections'
import { workspaces } from './workspaces'

export const CRM_OUTBOX_KINDS = ['contact', 'message', 'task', 'merge', 'erase'] as const
export type CrmOutboxKind = (typeof CRM_OUTBOX_KINDS)[number]

/**
 * What a connection still has to write to its CRM. Database triggers add a row in the same
 * transaction as the change (contacts, tags, messages, tasks), one per (connection, kind,
 * subject): further changes only bump `version`, so a contact changed fifty times is written once
 * with its latest values. A worker deletes the row after the CRM accepted the version it sent.
 */
export const crmOutbox = pgTable(
  'crm_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => crmConnections.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CRM_OUTBOX_KINDS }).notNull(),
    /** Contact or task uuid, message id, (kind `merge`) the contact merge's id, (kind `erase`) the record erasure's id. */
    subjectId: text('subject_id').notNull(),
    version: integer('version').notNull().default(1),
    firstChangedAt: tstz('first_changed_at').notNull().defaultNow(),
    changedAt: tstz('changed_at').notNull().defaultNow(),
    availableAt: tstz('available_at').notNull().defaultNow(),
    leaseUntil: tstz('lease_until'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Out of the queue after its last try; a review item says why and can put it back. */
    parkedAt: tstz('parked_at'),
  },
  (t) => [
    uniqueIndex('crm_outbox_subject_uq').on(t.connectionId, t.kind, t.subjectId),
    index('crm_outbox_due_idx').on(t.connectionId, t.availableAt).where(sql`${t.parkedAt} is null`),
  ],
)

export type CrmOutboxRow = typeof crmOutbox.$inferSelect
