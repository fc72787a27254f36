import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type CrmConnection, crmStorageBudgets } from '../../db/schema'
import type { CrmStorageCapacity } from '../port'

/** 5 % of the CRM's capacity a month (issue #15), when neither config nor the connection says. */
export const DEFAULT_BUDGET_BASIS_POINTS = 500

/** An admin's storage settings for a connection; null clears (back to reported / default). */
export interface StorageSettingsChange {
  capacity?: number | null
  budget_percent?: number | null
}

/** Stores what an admin set; fields left out keep their value. */
export async function updateStorageSettings(
  db: Executor,
  connection: CrmConnection,
  change: StorageSettingsChange,
): Promise<void> {
  const set: Partial<typeof crmStorageBudgets.$inferInsert> = {}
  if (change.capacity !== undefined) set.capacityOverride = change.capacity
  if (change.budget_percent !== undefined)
    set.budgetBasisPoints = change.budget_percent === null ? null : Math.round(change.budget_percent * 100)
  await db
    .insert(crmStorageBudgets)
    .values({ connectionId: connection.id, workspaceId: connection.workspaceId, ...set })
    .onConflictDoUpdate({ target: crmStorageBudgets.connectionId, set: { ...set, updatedAt: sql`now()` } })
}

/** Keeps the capacity the CRM reported (the daily read, crm/storage/capacity-job.ts). */
export async function recordReportedCapacity(
  db: Executor,
  connection: CrmConnection,
  capacity: CrmStorageCapacity,
  at = new Date(),
): Promise<void> {
  const set = { reportedCapacity: capacity.value, reportedSource: capacity.source, reportedAt: at }
  await db
    .insert(crmStorageBudgets)
    .values({ connectionId: connection.id, workspaceId: connection.workspaceId, ...set })
    .onConflictDoUpdate({ target: crmStorageBudgets.connectionId, set: { ...set, updatedAt: sql`now()` } })
}
