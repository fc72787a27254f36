import type { IdentityChangeView } from '@scrm/shared'
import { and, desc, eq } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { type Contact, contactIdentityHistory, contacts } from '../db/schema'

/** The contact that last left this number, if no one uses it now (the caller checked). */
export async function contactByPreviousPhone(
  db: Executor,
  workspaceId: string,
  phone: string,
): Promise<Contact | undefined> {
  const [row] = await db
    .select({ contact: contacts })
    .from(contactIdentityHistory)
    .innerJoin(contacts, eq(contacts.id, contactIdentityHistory.contactId))
    .where(
      and(
        eq(contactIdentityHistory.workspaceId, workspaceId),
        eq(contactIdentityHistory.kind, 'phone'),
        eq(contactIdentityHistory.previousValue, phone),
      ),
    )
    .orderBy(desc(contactIdentityHistory.changedAt), desc(contactIdentityHistory.id))
    .limit(1)
  return row?.contact
}

/** What the card shows as "changed number": newest first, a handful at most. */
export async function identityChangesOf(db: Executor, contactId: string): Promise<IdentityChangeView[]> {
  const rows = await db
    .select()
    .from(contactIdentityHistory)
    .where(eq(contactIdentityHistory.contactId, contactId))
    .orderBy(desc(contactIdentityHistory.changedAt), desc(contactIdentityHistory.id))
    .limit(20)
  return rows.map((r) => ({
    kind: r.kind,
    from: r.previousValue,
    to: r.newValue,
    reason: r.reason,
    at: r.changedAt.toISOString(),
  }))
}
