import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz, updatedAt } from './columns'
import type { Segment } from './contacts'
import { whatsappChannels } from './whatsapp-channels'
import { workspaces } from './workspaces'

export const BROADCAST_STATES = ['running', 'paused', 'cancelled', 'completed'] as const
export type BroadcastState = (typeof BROADCAST_STATES)[number]

/** Who gets it: contacts with a tag, in a segment, or listed. */
export type BroadcastAudience = { tag: string } | { segment: Segment } | { contactIds: string[] }

/** What the preflight found, kept with the broadcast so admins see why it runs as it does. */
export interface BroadcastEstimate {
  recipients: number
  api_calls: number
  tier_limit: number | null
  tier_room: number | null
  mps: number
  minutes_at_full_speed: number
  mode: 'normal' | 'spread'
  reason: string | null
}

/**
 * A template sent to an audience. Recipients are queued in chunks by a background expander that
 * remembers where it stopped (`cursor`), so a restart resumes; send_jobs' unique (broadcast,
 * contact) key makes sure nobody gets it twice.
 */
export const broadcasts = pgTable(
  'broadcasts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => whatsappChannels.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    audience: jsonb('audience').$type<BroadcastAudience>().notNull(),
    state: text('state', { enum: BROADCAST_STATES }).notNull().default('running'),
    mode: text('mode', { enum: ['normal', 'spread'] })
      .notNull()
      .default('normal'),
    estimate: jsonb('estimate').$type<BroadcastEstimate>().notNull(),
    /** Last contact id queued (recipients are walked in id order). */
    cursor: uuid('cursor'),
    expanded: integer('expanded').notNull().default(0),
    refused: jsonb('refused').$type<Record<string, number>>().notNull().default({}),
    expandedAt: tstz('expanded_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('broadcasts_workspace_idx').on(t.workspaceId, t.createdAt)],
)

export type Broadcast = typeof broadcasts.$inferSelect
