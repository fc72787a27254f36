import { and, eq, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { type Contact, type ContactAttributes, contacts, type Priority, type Segment } from '../db/schema'
import { NotFoundError } from '../lib/errors'

export interface ContactFieldsPatch {
  name?: string | null
  email?: string | null
  segment?: Segment | null
  priority?: Priority
  language?: 'en' | 'pt' | 'es' | 'zh' | null
  /** Merged into the contact's attributes; null removes a key. */
  attributes?: Record<string, string | number | boolean | null>
}

/**
 * A person (or an integration) edits a contact. Each changed field gets a new version from the
 * database trigger, so the edit wins over older CRM values and syncs out.
 */
export async function patchContactFields(
  db: Executor,
  workspaceId: string,
  contactId: string,
  patch: ContactFieldsPatch,
): Promise<Contact> {
  const [current] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, workspaceId)))
  if (!current) throw new NotFoundError('There is no such contact in this workspace.')
  const attributes: ContactAttributes = { ...current.attributes }
  for (const [k, v] of Object.entries(patch.attributes ?? {})) {
    if (v === null) delete attributes[k]
    else attributes[k] = v
  }
  const note = { note: 'Set by a person' }
  const [updated] = await db
    .update(contacts)
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(patch.segment !== undefined
        ? { segment: patch.segment, segmentReason: note, segmentAt: new Date() }
        : {}),
      ...(patch.priority !== undefined ? { priority: patch.priority, priorityReason: note } : {}),
      ...(patch.language !== undefined ? { language: patch.language } : {}),
      ...(patch.attributes ? { attributes } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(contacts.id, contactId))
    .returning()
  return updated as Contact
}
