import {
  type ContactView,
  type MessageStatus,
  messageStatusSchema,
  type TagView,
  type ThreadMessage,
  type ThreadView,
} from '@scrm/shared'
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { insightFields, reasonView } from '../contacts/reason-view'
import type { Database } from '../db/client'
import {
  type Contact,
  contactInterests,
  contacts,
  contactTags,
  type Message,
  messages,
  productCatalog,
  tags,
  workspaces,
} from '../db/schema'
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
  const [contact] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), match))
    .limit(1)
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
    db
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
      .where(and(eq(contactTags.contactId, contact.id), eq(contactTags.workspaceId, workspaceId)))
      .orderBy(asc(contactTags.createdAt)),
    db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, workspaceId)),
  ])
  const hasMore = page.length > query.limit
  const shown = page.slice(0, query.limit)
  const [reactions, intentSource, interests] = await Promise.all([
    loadReactions(db, shown),
    intentMessageText(db, contact),
    loadInterests(db, contact),
  ])
  const oldest = shown.at(-1)
  return {
    contact: { ...toContactView(contact, intentSource), interests },
    tags: tagRows.map(
      (t): TagView => ({
        id: t.id,
        key: t.key,
        label: t.label,
        source: t.source,
        added_at: t.addedAt.toISOString(),
        reason: t.source === 'rule' ? reasonView(t.reason) : null,
      }),
    ),
    window: windowOf(contact, policyOf(workspace?.settings ?? {}), now),
    messages: shown
      .reverse()
      .map((m) => toThreadMessage(m, reactions.get(`${m.channelId}|${m.wamid}`) ?? [])),
    next_cursor: hasMore && oldest ? encodeCursor({ sentAt: oldest.sentAt, id: oldest.id }) : null,
  }
}

/** One message as the thread shows it (used to answer a send with the queued bubble). */
export async function getMessageView(db: Database, messageId: number): Promise<ThreadMessage> {
  const [row] = await db.select().from(messages).where(eq(messages.id, messageId))
  if (!row) throw new Error(`message ${messageId} not found`)
  const reactions = await loadReactions(db, [row])
  return toThreadMessage(row, reactions.get(`${row.channelId}|${row.wamid}`) ?? [])
}

export function windowOf(
  contact: Pick<Contact, 'lastInboundAt'>,
  policy: Pick<SendingPolicy, 'window_hours'>,
  now: Date,
): ThreadView['window'] {
  const until = windowOpenUntil(contact, policy, now)
  return until ? { state: 'open', open_until: until.toISOString() } : { state: 'closed', open_until: null }
}

type Reaction = ThreadMessage['reactions'][number]

/** The latest reaction per side on each shown message; a reaction without emoji removed it. */
async function loadReactions(db: Database, shown: Message[]): Promise<Map<string, Reaction[]>> {
  const withWamid = shown.filter((m) => m.wamid)
  const out = new Map<string, Reaction[]>()
  if (withWamid.length === 0) return out
  const rows = await db
    .select({
      channelId: messages.channelId,
      target: messages.relatedWamid,
      emoji: messages.text,
      direction: messages.direction,
      at: messages.sentAt,
    })
    .from(messages)
    .where(
      and(
        inArray(messages.channelId, [...new Set(withWamid.map((m) => m.channelId))]),
        inArray(
          messages.relatedWamid,
          withWamid.map((m) => m.wamid as string),
        ),
        eq(messages.type, 'reaction'),
      ),
    )
    .orderBy(asc(messages.sentAt), asc(messages.id))
  const latest = new Map<string, { key: string; reaction: Reaction | null }>()
  for (const r of rows) {
    const key = `${r.channelId}|${r.target}`
    latest.set(`${key}|${r.direction}`, {
      key,
      reaction: r.emoji ? { emoji: r.emoji, direction: r.direction, at: r.at.toISOString() } : null,
    })
  }
  for (const { key, reaction } of latest.values()) {
    if (!reaction) continue
    out.set(key, [...(out.get(key) ?? []), reaction])
  }
  return out
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

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}...` : text)

export function toContactView(c: Contact, intentSource: string | null = null): ContactView {
  const sentimentLabel =
    c.sentiment === null ? null : c.sentiment < 0.4 ? 'negative' : c.sentiment > 0.6 ? 'positive' : 'neutral'
  return {
    id: c.id,
    phone: c.phoneE164,
    bsuid: c.bsuid,
    name: c.name,
    profile_name: c.profileName,
    email: c.email,
    opt_in: c.optInStatus,
    marketing_opt_out: c.marketingOptOutAt !== null,
    last_inbound_at: c.lastInboundAt?.toISOString() ?? null,
    last_outbound_at: c.lastOutboundAt?.toISOString() ?? null,
    automation_paused_until: c.automationPausedUntil?.toISOString() ?? null,
    intent:
      c.lastIntent && c.lastIntentAt
        ? {
            value: c.lastIntent as NonNullable<ContactView['intent']>['value'],
            confidence: c.lastIntentConfidence ?? 0,
            reason: intentSource
              ? `Their message "${excerpt(intentSource)}" (confidence ${Math.round((c.lastIntentConfidence ?? 0) * 100)}%)`
              : 'From their latest specific message',
            at: c.lastIntentAt.toISOString(),
          }
        : null,
    sentiment:
      c.sentiment !== null && sentimentLabel && c.sentimentAt
        ? {
            score: Math.round(c.sentiment * 1000) / 1000,
            label: sentimentLabel,
            reason: `Moving average over ${c.sentimentMessages} message${c.sentimentMessages === 1 ? '' : 's'} from them, newest weighted most`,
            at: c.sentimentAt.toISOString(),
          }
        : null,
    ...insightFields(c),
  }
}

function toThreadMessage(m: Message, reactions: Reaction[]): ThreadMessage {
  const status = messageStatusSchema.safeParse(m.status)
  const hasMedia = m.mediaId || m.mediaUrl
  return {
    id: String(m.id),
    wamid: m.wamid,
    direction: m.direction,
    type: m.type,
    text: m.deletedAt ? null : m.text,
    content: m.deletedAt ? {} : m.payload,
    media:
      hasMedia && !m.deletedAt
        ? {
            id: m.mediaId,
            mime_type: m.mediaMimeType,
            sha256: m.mediaSha256,
            filename: m.mediaFilename,
            url: m.mediaUrl,
          }
        : null,
    status: status.success ? status.data : ('sent' satisfies MessageStatus),
    status_at: m.statusAt?.toISOString() ?? null,
    error: m.errorCode !== null ? { code: m.errorCode, title: m.errorTitle, details: m.errorDetails } : null,
    sender: m.sender as ThreadMessage['sender'],
    sent_at: m.sentAt.toISOString(),
    reply_to: m.relatedWamid,
    edited_at: m.editedAt?.toISOString() ?? null,
    original_text: m.deletedAt ? null : m.originalText,
    deleted_at: m.deletedAt?.toISOString() ?? null,
    reactions,
    intent: m.intent ? { value: m.intent, confidence: m.intentConfidence ?? 0 } : null,
    sentiment: m.sentiment,
    language: m.language,
    products: m.products,
  }
}
