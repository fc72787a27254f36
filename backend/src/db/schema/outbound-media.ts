import { bigint, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { whatsappChannels } from './whatsapp-channels'
import { workspaces } from './workspaces'

/**
 * A file a rep or the API uploaded to send (POST /api/v1/media): our normalised copy, stored like
 * inbound media (images as metadata-free JPEG under 5 MB plus a thumbnail), and the id Meta gave
 * the bytes we uploaded for one number. Meta keeps an uploaded id for 30 days and only for the
 * number it was uploaded to, so a send names the upload and the number must match.
 */
export const outboundMedia = pgTable(
  'outbound_media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => whatsappChannels.id, { onDelete: 'cascade' }),
    /** image, sticker, audio, video, document. */
    kind: text('kind').notNull(),
    metaMediaId: text('meta_media_id').notNull(),
    /** Meta's id stops working 30 days after this. */
    metaUploadedAt: tstz('meta_uploaded_at').notNull(),
    /** What the uploader called the file (documents show it to the customer). */
    filename: text('filename'),
    sourceMimeType: text('source_mime_type').notNull(),
    sourceBytes: bigint('source_bytes', { mode: 'number' }).notNull(),
    sourceSha256: text('source_sha256').notNull(),
    fileKey: text('file_key').notNull(),
    fileMimeType: text('file_mime_type').notNull(),
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(),
    width: integer('width'),
    height: integer('height'),
    thumbKey: text('thumb_key'),
    thumbBytes: integer('thumb_bytes'),
    animationKey: text('animation_key'),
    /** The API key or CRM connection that uploaded it. */
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('outbound_media_workspace_idx').on(t.workspaceId, t.createdAt)],
)

export type OutboundMedia = typeof outboundMedia.$inferSelect
