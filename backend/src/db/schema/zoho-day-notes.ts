import { integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { updatedAt } from './columns'
import { crmConnections } from './crm-connections'

/**
 * The Zoho Note that holds one record's WhatsApp messages of one day (UTC), appended to as the
 * day goes on: one Note per conversation-day instead of one per message saves credits. Zoho's
 * update replaces the content, so the text we wrote is kept here; `keys` lists the messages in it
 * (a retried batch appends nothing twice). A day over Zoho's 32,000 characters continues in `part` 2.
 */
export const zohoDayNotes = pgTable(
  'zoho_day_notes',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => crmConnections.id, { onDelete: 'cascade' }),
    recordId: text('record_id').notNull(),
    /** yyyy-mm-dd, UTC. */
    day: text('day').notNull(),
    part: integer('part').notNull().default(1),
    noteId: text('note_id').notNull(),
    content: text('content').notNull(),
    keys: jsonb('keys').$type<string[]>().notNull().default([]),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.recordId, t.day, t.part] })],
)

export type ZohoDayNote = typeof zohoDayNotes.$inferSelect
