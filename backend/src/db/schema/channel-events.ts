import { bigint, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { whatsappChannels } from './whatsapp-channels'
import { workspaces } from './workspaces'

/**
 * What a number's webhooks say besides messages and statuses: value-level errors, account,
 * quality, template and capability updates. Kept for admin alerts and the sender's limits.
 */
export const channelEvents = pgTable(
  'channel_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').references(() => whatsappChannels.id, { onDelete: 'cascade' }),
    field: text('field').notNull(),
    kind: text('kind').notNull(),
    errorCode: bigint('error_code', { mode: 'number' }),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    occurredAt: tstz('occurred_at').notNull(),
    /** Hash of the item, so Meta's redeliveries and replays store it once. */
    dedupeKey: text('dedupe_key').notNull(),
    webhookEventId: bigint('webhook_event_id', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('channel_events_workspace_idx').on(t.workspaceId, t.occurredAt),
    uniqueIndex('channel_events_dedupe_uq').on(t.workspaceId, t.dedupeKey),
  ],
)
