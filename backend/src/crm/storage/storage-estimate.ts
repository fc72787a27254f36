import { and, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import {
  type CrmConnection,
  type CrmStorageBudget,
  type CrmStorageKind,
  crmStorageBudgets,
  crmStorageUsage,
} from '../../db/schema'
import type { CrmStorageProfile } from '../port'
import { budgetOf, monthProgress, previousMonth, projectedOverBudget, projectMonth } from './storage-month'
import { workspaceTimeZone } from './workspace-zone'

/** Where the capacity an estimate uses came from: an admin, the CRM's API, or the edition's default. */
export type CapacityOrigin = 'admin' | 'crm' | 'default'

export interface KindUsage {
  records_created: number
  writes: number
  bytes: number
  units: number
  skipped: number
}

export interface StorageEstimate {
  month: string
  time_zone: string
  unit: CrmStorageProfile['unit']
  capacity: { value: number; origin: CapacityOrigin; source: string } | null
  budget_basis_points: number
  /** Per month, in `unit`; null while no capacity is known. */
  budget: number | null
  used: number
  projected: number
  last_month: number
  /** `used` and `projected` as a percentage of the budget (two decimals); null without a budget. */
  used_share: number | null
  projected_share: number | null
  over_budget: boolean
  kinds: Record<CrmStorageKind, KindUsage>
  last_month_kinds: Record<CrmStorageKind, KindUsage>
  thinning_since: Date | null
}

const emptyKind = (): KindUsage => ({ records_created: 0, writes: 0, bytes: 0, units: 0, skipped: 0 })

export async function budgetRow(db: Executor, connectionId: string): Promise<CrmStorageBudget | undefined> {
  const [row] = await db
    .select()
    .from(crmStorageBudgets)
    .where(eq(crmStorageBudgets.connectionId, connectionId))
  return row
}

/** The capacity in force: an admin's override, else what the CRM reported, else the profile's default. */
export function capacityOf(
  row: CrmStorageBudget | undefined,
  profile: CrmStorageProfile,
): StorageEstimate['capacity'] {
  if (row?.capacityOverride != null)
    return { value: row.capacityOverride, origin: 'admin', source: 'set by an admin' }
  if (row?.reportedCapacity != null)
    return { value: row.reportedCapacity, origin: 'crm', source: row.reportedSource ?? 'reported by the CRM' }
  if (profile.defaultCapacity) return { ...profile.defaultCapacity, origin: 'default' }
  return null
}

/**
 * This month so far (workspace time zone), its projection at the rate so far, last month, and
 * the budget: the figures behind `GET /connections/{id}/storage` and the sync's thinning switch.
 */
export async function storageEstimate(
  db: Executor,
  connection: CrmConnection,
  profile: CrmStorageProfile,
  defaultBasisPoints: number,
  now = new Date(),
): Promise<StorageEstimate> {
  const timeZone = await workspaceTimeZone(db, connection.workspaceId)
  const progress = monthProgress(now, timeZone)
  const last = previousMonth(progress.month)
  const rows = await db
    .select()
    .from(crmStorageUsage)
    .where(
      and(
        eq(crmStorageUsage.connectionId, connection.id),
        inArray(crmStorageUsage.month, [progress.month, last]),
      ),
    )
  const kinds = { contact: emptyKind(), message: emptyKind(), task: emptyKind() }
  const lastKinds = { contact: emptyKind(), message: emptyKind(), task: emptyKind() }
  for (const r of rows) {
    const into = r.month === progress.month ? kinds : lastKinds
    into[r.kind] = {
      records_created: r.recordsCreated,
      writes: r.writes,
      bytes: r.bytes,
      units: r.units,
      skipped: r.skipped,
    }
  }
  const sum = (k: Record<CrmStorageKind, KindUsage>) => k.contact.units + k.message.units + k.task.units
  const used = sum(kinds)
  const projected = projectMonth(used, progress)
  const row = await budgetRow(db, connection.id)
  const capacity = capacityOf(row, profile)
  const bp = row?.budgetBasisPoints ?? defaultBasisPoints
  const budget = capacity ? budgetOf(capacity.value, bp) : null
  const share = (n: number) => (budget ? Math.round((n / budget) * 10_000) / 100 : null)
  return {
    month: progress.month,
    time_zone: timeZone,
    unit: profile.unit,
    capacity,
    budget_basis_points: bp,
    budget,
    used,
    projected,
    last_month: sum(lastKinds),
    used_share: share(used),
    projected_share: share(projected),
    over_budget: capacity ? projectedOverBudget(used, progress, capacity.value, bp) : false,
    kinds,
    last_month_kinds: lastKinds,
    thinning_since: row?.thinningSince ?? null,
  }
}
