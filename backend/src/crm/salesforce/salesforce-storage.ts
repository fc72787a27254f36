import type { CrmStorageCapacity, CrmStorageProfile } from '../port'

const MB = 1024 * 1024

/**
 * How Salesforce counts what the sync stores. Data storage counts most records at a flat 2 KB
 * each whatever their content ("Data storage … Most records are 2 KB", Salesforce Help, "Data and
 * File Storage Allocations"; Person Accounts and a few other objects differ, none of which we
 * write): a Lead or Contact we create, each `WA_Message__c` and each Task. File storage is
 * separate and we use none (media goes as a link in `WA_Media_URL__c`, never as a file).
 *
 * The capacity is read from `GET /services/data/vXX.X/limits` (`DataStorageMB.Max`; the API user
 * needs "Manage Users" to see it). Without it: 10 GB, the base data storage of Enterprise,
 * Performance and Unlimited orgs before the per-user additions (same Help page) — an admin
 * sets the real figure on the connection.
 */
export const SALESFORCE_STORAGE: CrmStorageProfile = {
  unit: 'bytes',
  recordCost: { contact: 2048, message: 2048, task: 2048 },
  messagesByDay: false,
  defaultCapacity: {
    value: 10 * 1024 * MB,
    source: 'Salesforce Enterprise/Unlimited base data storage (10 GB), until /limits can be read',
  },
}

/** The `/limits` answer's data storage as a capacity in bytes; null when the answer has none. */
export function capacityFromLimits(limits: Record<string, unknown>): CrmStorageCapacity | null {
  const data = limits.DataStorageMB as { Max?: unknown } | undefined
  const max = Number(data?.Max)
  if (!Number.isFinite(max) || max <= 0) return null
  return { value: Math.round(max * MB), source: 'Salesforce /limits DataStorageMB.Max' }
}
