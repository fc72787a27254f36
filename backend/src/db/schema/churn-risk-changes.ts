import { bigint, boolean, index, jsonb, pgTable, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { contacts, type InsightReason } from './contacts'
import { workspaces } from './workspaces'

/**
 * Every time a contact became at churn risk or left it (the rules' `set_churn_risk`), so the churn
 * report can show the trend — marked, recovered, at risk at each point — and a contact's history,
 * where `contacts.churn_risk_at` only holds the current mark.
 */
export const churnRiskChanges = pgTable(
  'churn_risk_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    at: tstz('at').notNull(),
    atRisk: boolean('at_risk').notNull(),
    /** The rule and messages behind the change (as on the contact). */
    reason: jsonb('reason').$type<InsightReason>(),
  },
  (t) => [
    index('churn_risk_changes_workspace_at_idx').on(t.workspaceId, t.at),
    index('churn_risk_changes_contact_at_idx').on(t.contactId, t.at),
  ],
)

export type ChurnRiskChange = typeof churnRiskChanges.$inferSelect
