import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { messages } from '../../db/schema'
import { isLanguage, LANGUAGES, type Language } from './languages'

/**
 * The language to write to a contact in: the one ingest keeps on the contact (their latest
 * message with a clear language), else that of their latest inbound message that had one (for
 * contacts stored before the contact column was kept), else the workspace's default.
 */
export async function contactLanguage(
  db: Executor,
  workspaceId: string,
  contact: { id: string | null; language: string | null } | null,
  workspaceDefault: Language,
): Promise<Language> {
  if (isLanguage(contact?.language)) return contact.language
  if (!contact?.id) return workspaceDefault
  const [latest] = await db
    .select({ language: messages.language })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        eq(messages.contactId, contact.id),
        eq(messages.direction, 'inbound'),
        inArray(messages.language, [...LANGUAGES]),
      ),
    )
    .orderBy(desc(messages.sentAt), desc(messages.id))
    .limit(1)
  return isLanguage(latest?.language) ? latest.language : workspaceDefault
}
