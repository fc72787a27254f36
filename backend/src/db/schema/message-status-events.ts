import { bigint, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { whatsappChannels } from './whatsapp-channels'
import { workspaces } from './workspaces'

/** Every status Meta reported, once per (message, status); `messages.status` holds the furthest. */
export const messageStatusEvents = pgTable(
  'message_status_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => whatsappChannels.id, { onDelete: 'cascade' }),
    wamid: text('wamid').notNull(),
    status: text('status').notNull(),
    occurredAt: tstz('occurred_at').notNull(),
    recipientId: text('recipient_id'),
    recipientUserId: text('recipient_user_id'),
    errorCode: integer('error_code'),
    errorTitle: text('error_title'),
    errorDetails: text('error_details'),
    pricing: jsonb('pricing').$type<Record<string, unknown>>(),
    conversation: jsonb('conversation').$type<Record<string, unknown>>(),
    bizOpaqueCallbackData: text('biz_opaque_callback_data'),
    webhookEventId: bigint('webhook_event_id', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('message_status_events_uq').on(t.channelId, t.wamid, t.status)],
)

export type MessageStatusEvent = typeof messageStatusEvents.$inferSelect
