import { and, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { contacts, type QuickReply, workspaces } from '../../db/schema'
import { SendRefused } from '../refusal'
import { contactLanguage } from './contact-language'
import { localeOf } from './locale-settings'
import { type PersonalisedContact, type PersonalisedText, personalise } from './personalise'
import { resolveQuickReply } from './quick-reply-language'

export interface RenderedReply extends PersonalisedText {
  key: string
}

export interface QuickReplyInput {
  workspaceId: string
  contact: PersonalisedContact | null
  key: string
  given?: Record<string, string>
  now?: Date
}

/**
 * The reply to send for `key`: its variant in the contact's language (`<key>_pt` ...) when the
 * workspace has one, else `key` itself (see outbound/personalise/quick-reply-language.ts).
 */
export async function findQuickReply(
  db: Executor,
  workspaceId: string,
  key: string,
  contact: PersonalisedContact | null = null,
): Promise<QuickReply> {
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId))
  const language = await contactLanguage(
    db,
    workspaceId,
    contact,
    localeOf(workspace?.settings ?? {}).default_language,
  )
  const reply = await resolveQuickReply(db, workspaceId, key, language)
  if (!reply)
    throw new SendRefused('quick_reply_not_found', `There is no quick reply "${key}" in this workspace.`)
  return reply
}

/**
 * A quick reply filled for a contact, with what each variable was filled from and what nothing
 * filled. Never refuses for missing variables (a preview shows them); `requireComplete` does.
 */
export async function personaliseQuickReply(db: Executor, input: QuickReplyInput): Promise<RenderedReply> {
  const reply = await findQuickReply(db, input.workspaceId, input.key, input.contact)
  const rendered = await personalise(db, {
    workspaceId: input.workspaceId,
    contact: input.contact,
    body: reply.body,
    given: input.given,
    defaults: reply.defaults,
    now: input.now,
  })
  return { key: reply.key, ...rendered }
}

/** Refuses a reply that would go out with a variable nothing filled, rather than send "{{x}}". */
export function requireComplete<T extends { missing: string[] }>(rendered: T): T {
  const [first, ...more] = rendered.missing
  if (first === undefined) return rendered
  const also = more.length ? ` (also: ${more.join(', ')})` : ''
  throw new SendRefused(
    'quick_reply_variable_missing',
    `Quick reply variable "${first}" has no value for this contact and no default${also}; give it with the send or set a default on the reply or in the workspace locale settings.`,
  )
}

/**
 * A quick reply ready to send to a contact of the workspace, as a send would render it: refused
 * (`SendRefused`) when the reply or the contact does not exist or a variable has no value.
 */
export async function renderQuickReplyFor(
  db: Executor,
  input: {
    workspaceId: string
    contactId: string
    key: string
    given?: Record<string, string>
    now?: Date
  },
): Promise<RenderedReply> {
  const [contact] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, input.workspaceId), eq(contacts.id, input.contactId)))
    .limit(1)
  if (!contact) throw new SendRefused('invalid_recipient', 'No such contact in this workspace.')
  return requireComplete(await personaliseQuickReply(db, { ...input, contact }))
}
