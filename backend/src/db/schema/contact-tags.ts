import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'
import { contacts } from './contacts'
import { tags } from './tags'
import { workspaces } from './workspaces'

/** Why a tag is on a contact: which rule, which messages, or which person. */
export type TagReason = {
  ruleId?: string
  ruleKey?: string
  messageIds?: (string | number)[]
  note?: string
  actor?: string
}

export const contactTags = pgTable(
  'contact_tags',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    source: text('source', { enum: ['manual', 'rule', 'crm'] })
      .notNull()
      .default('manual'),
    reason: jsonb('reason').$type<TagReason>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.tagId] }), index('contact_tags_tag_idx').on(t.tagId)],
)
