import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import type { FailureReason } from '../../lib/db-error'
import { createdAt } from './columns'
import { webhookEvents } from './webhook-events'
import { whatsappChannels } from './whatsapp-channels'
import { workspaces } from './workspaces'

/** What kind of item of an envelope was set aside. */
export const DEAD_ITEM_KINDS = ['message', 'status', 'preference', 'channel_event'] as const
export type DeadItemKind = (typeof DEAD_ITEM_KINDS)[number]

/**
 * One item of a webhook delivery that could not be stored while the rest of its envelope was:
 * the tenant dead letter. It belongs to the workspace whose number the item was for, and points
 * at the raw delivery, which stays the source of truth: a replay processes that delivery again.
 */
export const ingestDeadItems = pgTable(
  'ingest_dead_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => whatsappChannels.id, { onDelete: 'cascade' }),
    webhookEventId: bigint('webhook_event_id', { mode: 'number' })
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DEAD_ITEM_KINDS }).notNull(),
    /** The item's own key within the delivery: a wamid, or a channel event's hash. */
    itemRef: text('item_ref').notNull(),
    /** A classified reason (`database_rejected`, ...); see lib/db-error.ts. */
    reason: text('reason').$type<FailureReason>().notNull(),
    /** Our own words for what happened: never SQL, parameters or the item's content. */
    lastError: text('last_error').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('ingest_dead_items_workspace_idx').on(t.workspaceId, t.id),
    index('ingest_dead_items_event_idx').on(t.webhookEventId),
  ],
)

export type IngestDeadItem = typeof ingestDeadItems.$inferSelect
