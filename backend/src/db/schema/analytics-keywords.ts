import { date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { workspaces } from './workspaces'

/**
 * How many customer messages used each keyword or phrase, per workspace, local day (the
 * workspace's time zone when the message was counted) and detected language. Kept by ingest
 * (`intelligence/keywords/record-keywords.ts`), lowered again when a message is edited or revoked or
 * its sender erased, so the keywords report never scans messages.
 */
export const analyticsKeywords = pgTable(
  'analytics_keywords',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    language: text('language').notNull(),
    /** `word` or `phrase` (two or three words). */
    kind: text('kind').notNull(),
    term: text('term').notNull(),
    messages: integer('messages').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.language, t.kind, t.term] })],
)
