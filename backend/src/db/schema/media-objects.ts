import { sql } from 'drizzle-orm'
import { bigint, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { messages } from './messages'
import { whatsappChannels } from './whatsapp-channels'
import { workspaces } from './workspaces'

export const MEDIA_STATES = ['pending', 'fetching', 'stored', 'failed'] as const
export type MediaState = (typeof MEDIA_STATES)[number]

/**
 * Our copy of a message's media. Meta keeps a media id for days and its download URL for minutes,
 * so the row is queued by ingest in the same transaction as its message and fetched at once; it is
 * also the fetch queue (lease, attempts, back-off). Images are kept only as their normalised JPEG
 * and thumbnail (metadata, location included, stripped); other kinds as received. Storage keys
 * hold a random id, so nothing in the store can be guessed from a message or a phone number.
 */
export const mediaObjects = pgTable(
  'media_objects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => whatsappChannels.id, { onDelete: 'cascade' }),
    messageId: bigint('message_id', { mode: 'number' })
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    /** image, sticker, audio, video, document (Meta's message type). */
    kind: text('kind').notNull(),
    /** Meta's media id and the checksum its webhook announced. */
    metaMediaId: text('meta_media_id').notNull(),
    metaSha256: text('meta_sha256'),
    /** The MIME type Meta announced for the original. */
    sourceMimeType: text('source_mime_type'),
    state: text('state', { enum: MEDIA_STATES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    runAfter: tstz('run_after').notNull().defaultNow(),
    leaseUntil: tstz('lease_until'),
    /** Machine reason of the last failure (`media_expired`, `checksum_mismatch`, …) and a sentence. */
    failureReason: text('failure_reason'),
    failureDetail: text('failure_detail'),
    /** Size and sha256 (hex) of what Meta served, once verified. */
    sourceBytes: bigint('source_bytes', { mode: 'number' }),
    sourceSha256: text('source_sha256'),
    /** What cards and CRMs get: the normalised file (JPEG for images; the original otherwise). */
    fileKey: text('file_key'),
    fileMimeType: text('file_mime_type'),
    fileBytes: bigint('file_bytes', { mode: 'number' }),
    width: integer('width'),
    height: integer('height'),
    /** A small JPEG for cards; images, stickers and animations only. */
    thumbKey: text('thumb_key'),
    thumbBytes: integer('thumb_bytes'),
    /** Animated stickers and images keep their animation (re-encoded WebP, metadata stripped). */
    animationKey: text('animation_key'),
    storedAt: tstz('stored_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('media_objects_message_uq').on(t.messageId),
    index('media_objects_due_idx').on(t.runAfter).where(sql`${t.state} in ('pending', 'fetching')`),
    index('media_objects_workspace_idx').on(t.workspaceId, t.createdAt),
  ],
)

export type MediaObject = typeof mediaObjects.$inferSelect
