import type { CrmStorageCapacity, CrmStorageProfile } from '../port'

/** HubSpot's object type ids of what we write: contacts, communications, tasks. */
const WRITTEN_OBJECT_TYPES = ['0-1', '0-18', '0-27']

/**
 * HubSpot limits CRM data by record counts per object, not bytes (developer docs, "Limits
 * tracking": `GET /crm/v3/limits/records` answers `limit` and `usage` per object). So the unit is
 * records: each contact, communication and task we create costs one, and the capacity is the sum
 * of those objects' limits as the account reports them. Until it is read (or where the app may not
 * read it) there is no default: an admin sets the capacity, and thinning waits for one.
 */
export const HUBSPOT_STORAGE: CrmStorageProfile = {
  unit: 'records',
  recordCost: { contact: 1, message: 1, task: 1 },
  messagesByDay: false,
  defaultCapacity: null,
}

interface LimitsAnswer {
  hubspotDefinedObjectTypes?: { objectTypeId: string; limit?: number | null }[]
}

/** The record limits of the objects we write, summed; null when the answer names none of them. */
export function capacityFromRecordLimits(answer: LimitsAnswer): CrmStorageCapacity | null {
  const limits = (answer.hubspotDefinedObjectTypes ?? []).filter(
    (o) => WRITTEN_OBJECT_TYPES.includes(o.objectTypeId) && typeof o.limit === 'number' && o.limit > 0,
  )
  if (limits.length === 0) return null
  return {
    value: limits.reduce((n, o) => n + (o.limit as number), 0),
    source: `HubSpot /crm/v3/limits/records (${limits.map((o) => o.objectTypeId).join(', ')})`,
  }
}
