import { jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { workspaces } from './workspaces'

export const ALERT_RULES = [
  'complaint_rate',
  'agent_response_time',
  'sync_success',
  'intent_conversion',
  'api_health',
  'sync_accuracy',
  'crm_storage_budget',
] as const
export type AlertRule = (typeof ALERT_RULES)[number]

/**
 * Alerts the rules raised, with the figures that raised them. One row per (rule, subject, period):
 * a rule evaluated again over the same period does not raise it twice.
 */
export const analyticsAlerts = pgTable(
  'analytics_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    rule: text('rule', { enum: ALERT_RULES }).notNull(),
    /** What the alert is about: `workspace`, an agent, a CRM connection id. */
    subject: text('subject').notNull(),
    /** The period it covers, e.g. `2026-03-01..2026-03-03`, `2026-W10`, `2026-03-01`. */
    period: text('period').notNull(),
    figures: jsonb('figures').$type<Record<string, unknown>>().notNull(),
    suggestion: text('suggestion'),
    raisedAt: tstz('raised_at').notNull().defaultNow(),
    resolvedAt: tstz('resolved_at'),
  },
  (t) => [uniqueIndex('analytics_alerts_uq').on(t.workspaceId, t.rule, t.subject, t.period)],
)

export type AnalyticsAlert = typeof analyticsAlerts.$inferSelect
