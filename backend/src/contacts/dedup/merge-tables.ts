import { type SQL, sql } from 'drizzle-orm'

/**
 * Every table whose rows belong to a contact, and how its rows move in a merge. A table missing
 * here would lose the absorbed contact's rows to the foreign key's cascade, so
 * test/contacts/merge-undo.test.ts checks this list against the database's foreign keys.
 */
export interface MergeTable {
  name: string
  /** The column(s) that name a row among one contact's rows, as text. */
  key: SQL
  /** Columns that may hold one row per contact (a unique index with contact_id); none: all rows move. */
  conflictOn?: string[]
  /** When the survivor has a row for the same key: fold the absorbed one into it (else set it aside). */
  combine?: SQL
}

const t = (name: string, key: string, rest: Omit<MergeTable, 'name' | 'key'> = {}): MergeTable => ({
  name,
  key: sql.raw(key),
  ...rest,
})

export const MERGE_TABLES: MergeTable[] = [
  t('messages', 'id::text'),
  t('send_jobs', 'id::text'),
  t('automation_jobs', 'id::text'),
  t('follow_up_tasks', 'id::text'),
  t('discount_codes', 'id::text'),
  t('crm_review_items', 'id::text'),
  t('contact_identity_history', 'id::text'),
  t('contact_tags', 'tag_id::text', { conflictOn: ['tag_id'] }),
  t('rule_firings', 'id::text', { conflictOn: ['rule_id', 'dedupe_key'] }),
  t('churn_risk_changes', 'id::text'),
  t('crm_record_links', 'id::text', { conflictOn: ['connection_id', 'object_type'] }),
  t('contact_interests', 'sku', {
    conflictOn: ['sku'],
    combine: sql.raw(`mentions = s.mentions + a.mentions, first_at = least(s.first_at, a.first_at),
                      last_at = greatest(s.last_at, a.last_at)`),
  }),
  // A hold on either person holds the merged one. Lifted holds move as history; when both hold
  // (both `lifted_at` null) the survivor's stays in force and the absorbed one is set aside in the
  // merge record, so an undo gives each person their own hold back.
  t('legal_holds', 'id::text', { conflictOn: ['lifted_at'] }),
  // Analytics rows of one person. Response times move; the per-contact conversation state (one
  // row per contact) stays the survivor's and the absorbed one's is kept in the merge record; the
  // funnel keeps each stage's earliest time across both.
  t('analytics_responses', 'id::text'),
  t('analytics_conversations', 'contact_id::text', { conflictOn: ['workspace_id'] }),
  t('analytics_funnel', 'contact_id::text', {
    conflictOn: ['workspace_id'],
    combine: sql.raw(`first_contact_at = least(s.first_contact_at, a.first_contact_at),
                      qualified_intent = case when s.qualified_at is null or a.qualified_at < s.qualified_at
                                              then coalesce(a.qualified_intent, s.qualified_intent) else s.qualified_intent end,
                      qualified_at = least(s.qualified_at, a.qualified_at),
                      ordered_at = least(s.ordered_at, a.ordered_at)`),
  }),
]
