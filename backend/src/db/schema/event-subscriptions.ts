import { sql } from 'drizzle-orm'
import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { workspaces } from './workspaces'

/**
 * A URL an admin subscribed to events (`events/event-types.ts`). The signing secret is shown once
 * on creation and kept encrypted: it must be read back to sign each delivery.
 */
export const eventSubscriptions = pgTable(
  'event_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    description: text('description'),
    secretEnc: text('secret_enc').notNull(),
    active: boolean('active').notNull().default(true),
    /** Why it stopped: unsubscribed by its owner, or the receiver answered 410 Gone. */
    disabledReason: text('disabled_reason'),
    disabledAt: tstz('disabled_at'),
    createdAt: createdAt(),
  },
  (t) => [index('event_subscriptions_active_idx').on(t.workspaceId).where(sql`${t.active}`)],
)

export type EventSubscription = typeof eventSubscriptions.$inferSelect
