import type { CrmStorageProfile } from '../port'
import type { ZohoEdition } from './settings'

const MB = 1024 * 1024

/**
 * Zoho's data storage per edition, the org's base before per-user additions (Zoho's announcement
 * "Introducing edition-wise Data Storage limits in Zoho CRM" and help "Storage Space": Free 10 MB
 * / 5,000 records, Standard 200 MB, Professional 5 GB, Enterprise 10 GB, Ultimate 10 GB). Zoho's
 * API reports no storage figure, so this is the default and an admin sets the real one.
 */
export const ZOHO_DATA_STORAGE: Readonly<Record<ZohoEdition, number>> = {
  free: 10 * MB,
  standard: 200 * MB,
  professional: 5 * 1024 * MB,
  enterprise: 10 * 1024 * MB,
  ultimate: 10 * 1024 * MB,
}

/**
 * How Zoho counts what the sync stores: about 2 KB per record in any module (a Contact or Lead we
 * create, a Task) and about 1 KB per Note, whatever its length (same sources). Messages already go
 * into one Note per contact and day, so a day's later messages add nothing.
 */
export function zohoStorageProfile(edition: ZohoEdition): CrmStorageProfile {
  return {
    unit: 'bytes',
    recordCost: { contact: 2048, message: 1024, task: 2048 },
    messagesByDay: true,
    defaultCapacity: {
      value: ZOHO_DATA_STORAGE[edition],
      source: `Zoho CRM ${edition} edition base data storage`,
    },
  }
}
