import type { CrmConnection } from '../../db/schema'
import type { CrmConnector, CrmStorageProfile } from '../port'
import type { CrmRegistry } from '../registry'

/** A CRM whose connector says nothing of its storage: each record one unit, no capacity known. */
export const DEFAULT_STORAGE_PROFILE: CrmStorageProfile = {
  unit: 'records',
  recordCost: { contact: 1, message: 1, task: 1 },
  messagesByDay: false,
  defaultCapacity: null,
}

export function storageProfileOf(connector: CrmConnector): CrmStorageProfile {
  return connector.storage ?? DEFAULT_STORAGE_PROFILE
}

/** The profile of a connection's CRM, from its provider (no connector needed: the API process may run no sync). */
export function storageProfileFor(registry: CrmRegistry, connection: CrmConnection): CrmStorageProfile {
  if (!registry.has(connection.provider)) return DEFAULT_STORAGE_PROFILE
  return registry.get(connection.provider).storageProfile?.(connection) ?? DEFAULT_STORAGE_PROFILE
}
