import { sql } from 'drizzle-orm'
import { bigint, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz, updatedAt } from './columns'
import { workspaces } from './workspaces'

/**
 * One compressed archive file per workspace and month (UTC) of messages past retention, with the
 * rows that hang off them; the file lives in the media storage under `object_key`. A later run for
 * the same month rewrites the file with the new rows merged in and points this row at it.
 */
export const messageArchives = pgTable(
  'message_archives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** `YYYY-MM` of the messages' `sent_at` in UTC. */
    month: text('month').notNull(),
    objectKey: text('object_key').notNull(),
    /** `zstd` (Node 24's zlib) or `gzip`: how the file is compressed. */
    codec: text('codec').notNull(),
    messages: integer('messages').notNull(),
    /** Rows per table inside the file (messages and the rows that hang off them). */
    rowCounts: jsonb('row_counts').$type<Record<string, number>>().notNull(),
    mediaFiles: integer('media_files').notNull().default(0),
    /** Whose messages the file holds: the thread of each says its older history is archived. */
    contactIds: uuid('contact_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Bytes of the JSON written before compression, and of the file. */
    rawBytes: bigint('raw_bytes', { mode: 'number' }).notNull(),
    compressedBytes: bigint('compressed_bytes', { mode: 'number' }).notNull(),
    /** Hex sha256 of the stored file, checked before every read. */
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Set when the month was restored: the job leaves the month in the hot tables for a while. */
    restoredAt: tstz('restored_at'),
  },
  (t) => [uniqueIndex('message_archives_month_uq').on(t.workspaceId, t.month)],
)

export type MessageArchive = typeof messageArchives.$inferSelect
