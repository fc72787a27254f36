import { sql } from 'drizzle-orm'
import { storeAlerts } from '../../analytics/alert-rules'
import type { Executor } from '../../db/client'
import { type CrmConnection, crmStorageBudgets } from '../../db/schema'
import { recordAudit } from '../../lifecycle/audit-log'
import type { CrmStorageProfile } from '../port'
import { type StorageEstimate, storageEstimate } from './storage-estimate'

/**
 * The thinning steps, in the order they apply while a connection is over its budget (README,
 * "What the sync stores in each CRM"). Media originals never go to a CRM at all: a message's
 * media is a link in its log line, thinned or not.
 */
export const THINNING_STEPS = [
  'automated_messages_not_logged',
  'messages_one_log_per_contact_and_day',
] as const

export interface ThinningState {
  on: boolean
  estimate: StorageEstimate
}

/**
 * Whether the sync writes thinned now, switching the stored state when it changed: on when this
 * month's projection is over the budget, off again when it is not (a new month, or an admin
 * raised the capacity or the budget). Switching on raises one `crm_storage_budget` alert per
 * connection and month; every switch is in the audit trail (actor `system`).
 */
export async function evaluateThinning(
  db: Executor,
  connection: CrmConnection,
  profile: CrmStorageProfile,
  defaultBasisPoints: number,
  now = new Date(),
): Promise<ThinningState> {
  const estimate = await storageEstimate(db, connection, profile, defaultBasisPoints, now)
  const on = estimate.over_budget
  const wasOn = estimate.thinning_since !== null
  if (on === wasOn) return { on, estimate }
  const since = on ? now : null
  await db
    .insert(crmStorageBudgets)
    .values({ connectionId: connection.id, workspaceId: connection.workspaceId, thinningSince: since })
    .onConflictDoUpdate({
      target: crmStorageBudgets.connectionId,
      set: { thinningSince: since, updatedAt: sql`now()` },
    })
  const figures = {
    provider: connection.provider,
    month: estimate.month,
    unit: estimate.unit,
    used: estimate.used,
    projected: estimate.projected,
    budget: estimate.budget,
    capacity: estimate.capacity?.value ?? null,
    capacity_origin: estimate.capacity?.origin ?? null,
    budget_percent: estimate.budget_basis_points / 100,
  }
  await recordAudit(db, {
    workspaceId: connection.workspaceId,
    actorType: 'system',
    scope: 'crm-storage',
    action: on ? 'crm.storage.thinning_on' : 'crm.storage.thinning_off',
    targetType: 'crm_connection',
    targetId: connection.id,
    detail: figures,
  })
  if (on)
    await storeAlerts(db, connection.workspaceId, [
      {
        rule: 'crm_storage_budget',
        subject: connection.id,
        period: estimate.month,
        figures: { ...figures, steps: [...THINNING_STEPS] },
        suggestion:
          'WhatsApp SCRM would add more to this CRM this month than its storage budget allows, so the sync now writes less: automated messages are no longer logged and each contact gets one log per day. Contact fields are still written in full and every message stays in the WhatsApp thread. Raise the capacity or the budget on the connection’s storage settings if the CRM has room.',
      },
    ])
  return { on, estimate: { ...estimate, thinning_since: since } }
}
