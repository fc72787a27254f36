import type { TagView } from '@scrm/shared'
import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '../db/client'
import { contacts, contactTags, tags } from '../db/schema'
import { NotFoundError } from '../lib/errors'
import { reasonView } from './reason-view'

export async function listContactTags(
  db: Database,
  workspaceId: string,
  contactId: string,
): Promise<TagView[]> {
  const rows = await db
    .select({
      id: tags.id,
      key: tags.key,
      label: tags.label,
      source: contactTags.source,
      addedAt: contactTags.createdAt,
      reason: contactTags.reason,
    })
    .from(contactTags)
    .innerJoin(tags, eq(tags.id, contactTags.tagId))
    .where(and(eq(contactTags.contactId, contactId), eq(contactTags.workspaceId, workspaceId)))
    .orderBy(asc(contactTags.createdAt))
  return rows.map((t) => ({
    id: t.id,
    key: t.key,
    label: t.label,
    source: t.source,
    added_at: t.addedAt.toISOString(),
    reason: t.source === 'rule' ? reasonView(t.reason) : null,
  }))
}

async function assertContact(db: Database, workspaceId: string, contactId: string): Promise<void> {
  const [row] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, workspaceId)))
  if (!row) throw new NotFoundError('No such contact in this workspace.')
}

/** A person tags a contact; the tag is created on first use. Adding it twice changes nothing. */
export async function addContactTag(
  db: Database,
  workspaceId: string,
  contactId: string,
  tag: { key: string; label?: string },
  actor: string,
): Promise<TagView[]> {
  await assertContact(db, workspaceId, contactId)
  await db.transaction(async (tx) => {
    await tx
      .insert(tags)
      .values({ workspaceId, key: tag.key, label: tag.label ?? tag.key })
      .onConflictDoNothing()
    const [row] = await tx
      .select({ id: tags.id })
      .from(tags)
      .where(and(eq(tags.workspaceId, workspaceId), eq(tags.key, tag.key)))
    if (!row) throw new Error('tag upsert returned nothing')
    await tx
      .insert(contactTags)
      .values({ workspaceId, contactId, tagId: row.id, source: 'manual', reason: { actor } })
      .onConflictDoNothing()
  })
  return listContactTags(db, workspaceId, contactId)
}

export async function removeContactTag(
  db: Database,
  workspaceId: string,
  contactId: string,
  key: string,
): Promise<TagView[]> {
  await assertContact(db, workspaceId, contactId)
  const [tag] = await db
    .select({ id: tags.id })
    .from(tags)
    .where(and(eq(tags.workspaceId, workspaceId), eq(tags.key, key)))
  if (tag)
    await db
      .delete(contactTags)
      .where(and(eq(contactTags.contactId, contactId), eq(contactTags.tagId, tag.id)))
  return listContactTags(db, workspaceId, contactId)
}
