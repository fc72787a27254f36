import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { tstz, updatedAt } from './columns'
import { workspaces } from './workspaces'

export const API_ROUTES = ['primary', 'standby'] as const
export type ApiRoute = (typeof API_ROUTES)[number]

/**
 * Which Graph API base a workspace's sends go to, as the hourly health probe decided: `primary`
 * (WHATSAPP_GRAPH_URL) until three probes in a row fail, then `standby`
 * (WHATSAPP_STANDBY_GRAPH_URL) until three probes of the primary in a row are healthy again. The
 * streaks carry across runs; a workspace without a row is on the primary.
 */
export const whatsappApiRoutes = pgTable('whatsapp_api_routes', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  route: text('route', { enum: API_ROUTES }).notNull().default('primary'),
  /** Consecutive failing probes of the primary while on it. */
  failingStreak: integer('failing_streak').notNull().default(0),
  /** Consecutive healthy probes of the primary while on the standby. */
  healthyStreak: integer('healthy_streak').notNull().default(0),
  switchedAt: tstz('switched_at'),
  updatedAt: updatedAt(),
})

export type WhatsappApiRoute = typeof whatsappApiRoutes.$inferSelect
