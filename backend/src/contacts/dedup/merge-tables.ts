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
  t('crm_record_links', 'id::text', { conflictOn: ['connection_id', 'object_type'] }),
  t('contact_interests', 'sku', {
    conflictOn: ['sku'],
    combine: sql.raw(`mentions = s.mentions + a.mentions, first_at = least(s.first_at, a.first_at),
                      last_at = greatest(s.last_at, a.last_at)`),
  }),
]
