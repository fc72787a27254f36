/**
 * What a rep does in Salesforce's UI: create, edit, delete and merge records, convert a Lead.
 * These change the org like the UI does (system fields, MasterRecordId, ConvertedContactId) and
 * cost no API calls.
 */
import type { Org } from './org'
import { PACKAGE_PERSON_FIELDS } from './schema'
import type { FieldValue, SimRecord } from './types'

export function uiCreate(org: Org, sobject: string, fields: Record<string, FieldValue>): SimRecord {
  org.checkFields(sobject, fields)
  const outcome = org.write(sobject, fields, undefined, org.userId)
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => `${e.statusCode}: ${e.message}`).join('; '))
  return org.find(sobject, outcome.id) as SimRecord
}

export function uiEdit(org: Org, sobject: string, id: string, fields: Record<string, FieldValue>): SimRecord {
  const existing = org.find(sobject, id)
  if (!existing) throw new Error(`no ${sobject} ${id}`)
  org.checkFields(sobject, fields)
  const outcome = org.write(sobject, fields, existing, org.userId)
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => `${e.statusCode}: ${e.message}`).join('; '))
  return existing
}

export function uiDelete(org: Org, sobject: string, id: string): void {
  if (!org.remove(sobject, id)) throw new Error(`no ${sobject} ${id}`)
}

export function uiMerge(org: Org, sobject: string, masterId: string, duplicateIds: string[]): void {
  if (!org.find(sobject, masterId)) throw new Error(`no ${sobject} ${masterId}`)
  if (duplicateIds.length < 1 || duplicateIds.length > 2)
    throw new Error('Salesforce merges one or two records into a master')
  for (const id of duplicateIds)
    if (!org.remove(sobject, id, masterId)) throw new Error(`no ${sobject} ${id}`)
  const master = org.find(sobject, masterId) as SimRecord
  const at = org.stamp()
  Object.assign(master, { SystemModstamp: at, LastModifiedDate: at })
}

/** Lead conversion with the package's Lead → Contact field mapping in place. */
export function uiConvertLead(org: Org, leadId: string, contactId?: string): { contactId: string } {
  const lead = org.find('Lead', leadId)
  if (!lead) throw new Error(`no Lead ${leadId}`)
  if (lead.IsConverted) throw new Error(`Lead ${leadId} is already converted`)
  const copied: Record<string, FieldValue> = {
    FirstName: lead.FirstName ?? null,
    LastName: lead.LastName ?? null,
    Email: lead.Email ?? null,
    Phone: lead.Phone ?? null,
    MobilePhone: lead.MobilePhone ?? null,
    LeadSource: lead.LeadSource ?? null,
  }
  for (const f of PACKAGE_PERSON_FIELDS) copied[f.name] = lead[f.name] ?? null
  // The external id moves to the Contact: the Lead must let go of it first (it is unique per object, but a rep sees one person).
  let contact: SimRecord
  if (contactId) {
    const existing = org.find('Contact', contactId)
    if (!existing) throw new Error(`no Contact ${contactId}`)
    contact = existing
  } else {
    const outcome = org.write('Contact', copied, undefined, org.userId)
    if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.message).join('; '))
    contact = org.find('Contact', outcome.id) as SimRecord
  }
  const at = org.stamp()
  Object.assign(lead, {
    IsConverted: true,
    ConvertedContactId: contact.Id,
    ConvertedDate: at.slice(0, 10),
    Status: 'Closed - Converted',
    SystemModstamp: at,
    LastModifiedDate: at,
  })
  return { contactId: contact.Id }
}
