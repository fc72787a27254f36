import { bigint, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { tstz, updatedAt } from './columns'
import { crmConnections } from './crm-connections'
import { workspaces } from './workspaces'

/**
 * A connection's storage capacity and monthly budget (`crm/storage/`): the capacity the CRM
 * reported (Salesforce `/limits`), an admin's override, the budget as basis points of the capacity
 * per month (500 = 5 %), and whether the sync is writing thinned. No row = defaults.
 */
export const crmStorageBudgets = pgTable('crm_storage_budgets', {
  connectionId: uuid('connection_id')
    .primaryKey()
    .references(() => crmConnections.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  /** In the profile's unit (bytes or records); null until the CRM reported one. */
  reportedCapacity: bigint('reported_capacity', { mode: 'number' }),
  reportedAt: tstz('reported_at'),
  /** Where the reported figure came from (e.g. `salesforce:/limits DataStorageMB`). */
  reportedSource: text('reported_source'),
  /** The admin's capacity, which wins over the reported and the default one. */
  capacityOverride: bigint('capacity_override', { mode: 'number' }),
  /** Budget per month in basis points of the capacity; null = the configured default. */
  budgetBasisPoints: integer('budget_basis_points'),
  /** Thinning is on since then; null = full writing. */
  thinningSince: tstz('thinning_since'),
  updatedAt: updatedAt(),
})

export type CrmStorageBudget = typeof crmStorageBudgets.$inferSelect
