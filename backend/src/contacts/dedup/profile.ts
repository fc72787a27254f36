import type { NameForms } from './normalise'

/** A contact as the duplicate finder sees it: every value already normalised. */
export interface DedupProfile {
  id: string
  name: NameForms | null
  /** E.164 numbers the person uses now (WhatsApp number and phones typed into CRM fields). */
  phones: string[]
  /** Numbers the person left: weaker, since a carrier may have given one to someone else. */
  previousPhones: string[]
  bsuids: string[]
  emails: string[]
  /** `connection:object:record` of the CRM records the contact is linked to. */
  crmRecords: string[]
  /** Products bought or asked about, with when (ms since epoch). */
  skus: { sku: string; at: number }[]
  addresses: string[]
  stores: string[]
}
