import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { crmConnections } from './crm-connections'
import { workspaces } from './workspaces'

/** `delete`: the record is ours, it goes; `mark`: the CRM had it first, our data leaves it and it is flagged. */
export const CRM_ERASURE_ACTIONS = ['delete', 'mark'] as const
export type CrmErasureAction = (typeof CRM_ERASURE_ACTIONS)[number]

/** `pending` until the sync carried it out (`done`) or the CRM refused for good (`failed`, with a review item). */
export const CRM_ERASURE_STATES = ['pending', 'done', 'failed'] as const
export type CrmErasureState = (typeof CRM_ERASURE_STATES)[number]

/** What the CRM did: `already_gone` when the record no longer existed (a 404 on delete is done). */
export const CRM_ERASURE_OUTCOMES = ['deleted', 'already_gone', 'marked'] as const

/**
 * One CRM record of an erased person, and what the erasure does there. Written in the erasure's
 * transaction with an outbox row (kind `erase`) that the sync worker carries out later, rate-limited
 * and retried like any CRM write. Holds ids only — never the person's number, words or contact id —
 * so it survives the erasure's scrub and answers `GET /api/v1/erasures/{id}`.
 */
export const crmRecordErasures = pgTable(
  'crm_record_erasures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => crmConnections.id, { onDelete: 'cascade' }),
    /** The erasure (`contact.erase` audit entry, or the CRM privacy event) this record belongs to. */
    erasureId: uuid('erasure_id').notNull(),
    objectType: text('object_type').notNull(),
    recordId: text('record_id').notNull(),
    createdByUs: boolean('created_by_us').notNull(),
    action: text('action', { enum: CRM_ERASURE_ACTIONS }).notNull(),
    state: text('state', { enum: CRM_ERASURE_STATES }).notNull().default('pending'),
    outcome: text('outcome', { enum: CRM_ERASURE_OUTCOMES }),
    /** Our notes, communications or tasks removed from the record. */
    activitiesRemoved: integer('activities_removed').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    doneAt: tstz('done_at'),
  },
  (t) => [
    index('crm_record_erasures_erasure_idx').on(t.workspaceId, t.erasureId),
    index('crm_record_erasures_connection_idx').on(t.connectionId),
  ],
)

export type CrmRecordErasure = typeof crmRecordErasures.$inferSelect
