import type { ThreadView } from '@scrm/shared'
import { and, desc, eq, sql } from 'drizzle-orm'
import { listContactTags } from '../contacts/contact-tags'
import { toContactView } from '../contacts/contact-view'
import { duplicateHints } from '../contacts/dedup/duplicate-hints'
import { contactByPreviousPhone, identityChangesOf } from '../contacts/identity-history'
import type { Database } from '../db/client'
import { type Contact, contactInterests, contacts, messages, productCatalog, workspaces } from '../db/schema'
import { archivedBefore } from '../lifecycle/retention/archived-before'
import { loadReactions, toThreadMessage } from '../messages/message-view'
import { windowOpenUntil } from '../outbound/policy'
import { policyOf, type SendingPolicy } from '../outbound/policy-settings'
import { decodeCursor, encodeCursor } from './cursor'

export type ThreadLookup = { phone: string } | { contactId: string }

export interface ThreadQuery {
  limit: number
  cursor?: string
  now?: Date
}

/**
 * The thread view for one person in one workspace: contact, tags, 24 h window and a page of
 * messages (oldest first), with a cursor to the older page. An unknown person is an empty thread.
 */
export async function getThread(
  db: Database,
  workspaceId: string,
  lookup: ThreadLookup,
  query: ThreadQuery,
): Promise<ThreadView> {
  const now = query.now ?? new Date()
  const match = 'phone' in lookup ? eq(contacts.phoneE164, lookup.phone) : eq(contacts.id, lookup.contactId)
  let [contact]: (Contact | undefined)[] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), match))
    .limit(1)
  // A number nobody uses now may be one a person left: their thread, under their new number.
  if (!contact && 'phone' in lookup) contact = await contactByPreviousPhone(db, workspaceId, lookup.phone)
  if (!contact)
    return {
      contact: null,
      tags: [],
      window: { state: 'closed', open_until: null },
      messages: [],
      next_cursor: null,
    }

  const cursor = query.cursor ? decodeCursor(query.cursor) : null
  const [page, tagRows, [workspace]] = await Promise.all([
    db
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.contactId, contact.id),
          eq(messages.threadVisible, true),
          cursor
            ? sql`(${messages.sentAt}, ${messages.id}) < (${cursor.sentAt.toISOString()}::timestamptz, ${cursor.id})`
            : undefined,
        ),
      )
      // NULLS LAST like messages_thread_idx: plain DESC means NULLS FIRST and forces a sort of
      // the whole thread.
      .orderBy(sql`${messages.sentAt} desc nulls last`, sql`${messages.id} desc nulls last`)
      .limit(query.limit + 1),
    listContactTags(db, workspaceId, contact.id),
    db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, workspaceId)),
  ])
  const hasMore = page.length > query.limit
  const shown = page.slice(0, query.limit)
  const [reactions, intentSource, interests, identityChanges, duplicates, archived] = await Promise.all([
    loadReactions(db, shown),
    intentMessageText(db, contact),
    loadInterests(db, contact),
    identityChangesOf(db, contact.id),
    duplicateHints(db, workspaceId, contact.id),
    archivedBefore(db, workspaceId, contact.id),
  ])
  const oldest = shown.at(-1)
  return {
    contact: { ...toContactView(contact, intentSource), interests },
    tags: tagRows,
    window: windowOf(contact, policyOf(workspace?.settings ?? {}), now),
    messages: shown
      .reverse()
      .map((m) => toThreadMessage(m, reactions.get(`${m.channelId}|${m.wamid}`) ?? [])),
    next_cursor: hasMore && oldest ? encodeCursor({ sentAt: oldest.sentAt, id: oldest.id }) : null,
    identity_changes: identityChanges,
    duplicates,
    archived_before: archived,
  }
}

export function windowOf(
  contact: Pick<Contact, 'lastInboundAt'>,
  policy: Pick<SendingPolicy, 'window_hours'>,
  now: Date,
): ThreadView['window'] {
  const until = windowOpenUntil(contact, policy, now)
  return until ? { state: 'open', open_until: until.toISOString() } : { state: 'closed', open_until: null }
}

async function loadInterests(db: Database, contact: Contact) {
  const rows = await db
    .select({
      sku: contactInterests.sku,
      name: productCatalog.name,
      mentions: contactInterests.mentions,
      lastAt: contactInterests.lastAt,
    })
    .from(contactInterests)
    .leftJoin(
      productCatalog,
      and(
        eq(productCatalog.workspaceId, contactInterests.workspaceId),
        eq(productCatalog.sku, contactInterests.sku),
      ),
    )
    .where(eq(contactInterests.contactId, contact.id))
    .orderBy(desc(contactInterests.mentions), desc(contactInterests.lastAt))
    .limit(10)
  return rows.map((r) => ({
    sku: r.sku,
    name: r.name,
    mentions: r.mentions,
    last_at: r.lastAt.toISOString(),
  }))
}

/** The words that set the contact's intent, to say why. */
async function intentMessageText(db: Database, contact: Contact): Promise<string | null> {
  if (!contact.lastIntentMessageId) return null
  const [row] = await db
    .select({ text: messages.text })
    .from(messages)
    .where(eq(messages.id, contact.lastIntentMessageId))
  return row?.text ?? null
}
