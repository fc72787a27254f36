import { and, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type CrmRecordLink, crmRecordLinks } from '../../db/schema'
import { CONTACT_OBJECT } from './contact-object'
import { type ClaimedChange, retryChanges } from './outbox'

/** A message or task waits this long for its contact's record to exist in the CRM. */
const WAIT_FOR_CONTACT_MS = 1_000

/** Back in the queue until the contact's record exists (its own write goes first). */
export function waitForContactRecord(db: Executor, changes: ClaimedChange[]): Promise<void> {
  return retryChanges(db, changes, WAIT_FOR_CONTACT_MS, 'waiting for the contact record', false)
}

export type ContactLink = Pick<CrmRecordLink, 'contactId' | 'recordId' | 'role' | 'syncedAt'>

/** The CRM record link of each of these contacts on a connection (messages and tasks attach to it). */
export async function contactLinks(
  db: Executor,
  connectionId: string,
  contactIds: string[],
): Promise<Map<string, ContactLink>> {
  if (contactIds.length === 0) return new Map()
  const rows = await db
    .select({
      contactId: crmRecordLinks.contactId,
      recordId: crmRecordLinks.recordId,
      role: crmRecordLinks.role,
      syncedAt: crmRecordLinks.syncedAt,
    })
    .from(crmRecordLinks)
    .where(
      and(
        eq(crmRecordLinks.connectionId, connectionId),
        eq(crmRecordLinks.objectType, CONTACT_OBJECT),
        inArray(crmRecordLinks.contactId, [...new Set(contactIds)]),
      ),
    )
  return new Map(rows.map((l) => [l.contactId, l]))
}
