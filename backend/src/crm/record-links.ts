import { e164ToWaId, toE164 } from '@scrm/shared'
import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '../db/client'
import { contacts, crmRecordLinks, whatsappChannels } from '../db/schema'

/**
 * The contact behind a CRM record. A record seen for the first time is linked by its phone (the
 * person may already have written on WhatsApp, or becomes a contact a rep can send a template to);
 * a national number is read in the workspace's default region (its first WhatsApp number's).
 */
export async function contactForRecord(
  db: Database,
  link: { workspaceId: string; connectionId: string; objectType: string; recordId: string },
  phone?: string,
): Promise<string | null> {
  const [existing] = await db
    .select({ contactId: crmRecordLinks.contactId })
    .from(crmRecordLinks)
    .where(
      and(
        eq(crmRecordLinks.connectionId, link.connectionId),
        eq(crmRecordLinks.objectType, link.objectType),
        eq(crmRecordLinks.recordId, link.recordId),
      ),
    )
    // A merged record may carry several contacts: the card shows the one whose number it holds.
    .orderBy(asc(crmRecordLinks.role), asc(crmRecordLinks.createdAt))
    .limit(1)
  if (existing) return existing.contactId
  const e164 = phone ? toE164(phone, await workspaceRegion(db, link.workspaceId)) : null
  if (!e164) return null
  return db.transaction(async (tx) => {
    await tx
      .insert(contacts)
      .values({
        workspaceId: link.workspaceId,
        phoneE164: e164,
        waId: e164ToWaId(e164),
        fieldVersions: { phone: Date.now() },
      })
      .onConflictDoNothing()
    const [contact] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, link.workspaceId), eq(contacts.phoneE164, e164)))
    if (!contact) throw new Error('contact upsert returned nothing')
    await tx
      .insert(crmRecordLinks)
      .values({ ...link, contactId: contact.id })
      .onConflictDoNothing()
    const [linked] = await tx
      .select({ contactId: crmRecordLinks.contactId })
      .from(crmRecordLinks)
      .where(
        and(
          eq(crmRecordLinks.connectionId, link.connectionId),
          eq(crmRecordLinks.objectType, link.objectType),
          eq(crmRecordLinks.recordId, link.recordId),
        ),
      )
    return linked?.contactId ?? contact.id
  })
}

async function workspaceRegion(db: Database, workspaceId: string): Promise<string | undefined> {
  const [channel] = await db
    .select({ region: whatsappChannels.defaultRegion })
    .from(whatsappChannels)
    .where(eq(whatsappChannels.workspaceId, workspaceId))
    .orderBy(asc(whatsappChannels.createdAt))
    .limit(1)
  return channel?.region
}
