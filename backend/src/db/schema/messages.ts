import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { contacts } from './contacts'
import { whatsappChannels } from './whatsapp-channels'
import { workspaces } from './workspaces'

export const messages = pgTable(
  'messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => whatsappChannels.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** Meta's message id; null only for outbound messages not yet accepted by the Cloud API. */
    wamid: text('wamid'),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    /** Meta's type string, kept open: new types are stored, never dropped. */
    type: text('type').notNull(),
    /** Searchable text: body, caption, button title ... */
    text: text('text'),
    /** The type-specific object as Meta sent it (location, contacts, order, interactive ...). */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    mediaId: text('media_id'),
    mediaMimeType: text('media_mime_type'),
    mediaSha256: text('media_sha256'),
    mediaFilename: text('media_filename'),
    mediaUrl: text('media_url'),
    status: text('status').notNull(),
    statusAt: tstz('status_at'),
    errorCode: integer('error_code'),
    errorTitle: text('error_title'),
    errorDetails: text('error_details'),
    /** Our classification of why an outbound message is retrying or failed (SEND_FAILURE_EXPLANATIONS). */
    errorReason: text('error_reason'),
    sender: text('sender').notNull(),
    /** The backend or CRM user who wrote an agent's message, when the request named one. */
    agentId: text('agent_id'),
    /** When the message was written (Meta's timestamp for webhooks). */
    sentAt: tstz('sent_at').notNull(),
    /** The wamid this message answers, edits, deletes or reacts to. */
    relatedWamid: text('related_wamid'),
    /** Edits, deletions and reactions are applied to their target and hidden from the thread. */
    threadVisible: boolean('thread_visible').notNull().default(true),
    editedAt: tstz('edited_at'),
    originalText: text('original_text'),
    deletedAt: tstz('deleted_at'),
    /** Derived from customer text at ingest: intent, its confidence, sentiment (0..1), language. */
    intent: text('intent'),
    intentConfidence: real('intent_confidence'),
    /** Every intent the message gives 10 % or more (calibrated), the primary one first. */
    intents: jsonb('intents').$type<{ value: string; confidence: number }[]>(),
    sentiment: real('sentiment'),
    language: text('language'),
    /** Standard product codes the text mentions (per the workspace catalogue). */
    products: jsonb('products').$type<string[]>(),
    webhookEventId: bigint('webhook_event_id', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_channel_wamid_uq').on(t.channelId, t.wamid),
    index('messages_thread_idx').on(t.contactId, t.sentAt.desc(), t.id.desc()).where(sql`${t.threadVisible}`),
    // Retention's daily pass finds a workspace's messages past its cutoff without scanning the table.
    index('messages_workspace_sent_idx').on(t.workspaceId, t.sentAt),
    index('messages_related_idx').on(t.channelId, t.relatedWamid).where(sql`${t.relatedWamid} is not null`),
  ],
)

export type Message = typeof messages.$inferSelect
export type NewMessage = typeof messages.$inferInsert
