import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { contactMerges } from './contact-merges'
import { crmConnections } from './crm-connections'
import { workspaces } from './workspaces'

export const CRM_RECORD_MERGE_OUTCOMES = ['merged', 'review', 'failed'] as const
export type CrmRecordMergeOutcome = (typeof CRM_RECORD_MERGE_OUTCOMES)[number]

/**
 * What became of one contact merge in one CRM connection, once the sync took it up: `merged`
 * (the CRM merged `merged_record_id` into `primary_record_id`, the survivor now holds
 * `result_record_id`), `review` (this CRM cannot merge through its API, a person was asked) or
 * `failed` (the CRM refused; a review item says why). An undo reads it to say what the CRM still
 * holds: no CRM can split a merged record again.
 */
export const crmRecordMerges = pgTable(
  'crm_record_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => crmConnections.id, { onDelete: 'cascade' }),
    mergeId: uuid('merge_id')
      .notNull()
      .references(() => contactMerges.id, { onDelete: 'cascade' }),
    objectType: text('object_type').notNull(),
    primaryRecordId: text('primary_record_id').notNull(),
    mergedRecordId: text('merged_record_id').notNull(),
    resultRecordId: text('result_record_id'),
    outcome: text('outcome', { enum: CRM_RECORD_MERGE_OUTCOMES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('crm_record_merges_uq').on(t.connectionId, t.mergeId, t.objectType, t.mergedRecordId)],
)

export type CrmRecordMerge = typeof crmRecordMerges.$inferSelect
