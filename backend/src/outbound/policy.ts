import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import type { Contact, SendKind } from '../db/schema'
import type { BuiltSend } from './build-request'
import type { SendingPolicy } from './policy-settings'
import { SendRefused } from './refusal'

const HOUR = 60 * 60 * 1000

export interface PolicyInput {
  contact: Contact
  kind: SendKind
  send: BuiltSend
  eventKey: string | null
  policy: SendingPolicy
  now: Date
}

/**
 * When the customer-service window closes, or null when it is closed. The one definition both the
 * policy and the thread view (what the card shows) use, with the workspace's `window_hours`.
 */
export function windowOpenUntil(
  contact: Pick<Contact, 'lastInboundAt'>,
  policy: Pick<SendingPolicy, 'window_hours'>,
  now: Date,
): Date | null {
  if (!contact.lastInboundAt) return null
  const until = new Date(contact.lastInboundAt.getTime() + policy.window_hours * HOUR)
  return until > now ? until : null
}

export function windowOpen(
  contact: Pick<Contact, 'lastInboundAt'>,
  policy: SendingPolicy,
  now: Date,
): boolean {
  return windowOpenUntil(contact, policy, now) !== null
}

/** What the caps count: this contact's earlier sends (failed and cancelled ones excluded). */
export interface SendHistory {
  templatesLastDay: number
  sameContent: number
  marketingInInterval: number
  sameEvent: number
}

/**
 * Every rule a send must pass before it is queued; the first that fails refuses it with its
 * reason. Rules that need history count this contact's earlier sends (failed ones excluded: they
 * never reached the person).
 */
export async function checkPolicy(db: Executor, input: PolicyInput): Promise<void> {
  const before = refusalBeforeHistory(input)
  if (before) throw before
  const history = await countHistory(
    db,
    input.contact.id,
    input.send.contentHash,
    input.eventKey,
    input.policy,
    input.now,
  )
  const after = refusalFromHistory(input, history)
  if (after) throw after
}

/**
 * The rules the contact row alone decides, in the order checkPolicy applies them. Broadcast
 * expansion calls this (and refusalFromHistory) for a whole chunk with one history query, so both
 * paths share the very same rules.
 */
export function refusalBeforeHistory(input: PolicyInput): SendRefused | null {
  const { contact, kind, send, policy, now } = input
  const open = windowOpen(contact, policy, now)
  const automated = kind === 'automation' || kind === 'broadcast'
  const marketing = send.category === 'marketing'

  if (contact.unreachableAt) {
    return new SendRefused(
      'contact_unreachable',
      'WhatsApp reported this number cannot receive messages (131026).',
    )
  }
  if (contact.optInStatus === 'opted_out' && (send.isTemplate || kind === 'broadcast' || !open)) {
    return new SendRefused(
      'opted_out',
      'This contact opted out: only replies to a message they send now can go out, and no templates.',
    )
  }
  if (marketing && contact.marketingOptOutAt) {
    return new SendRefused('marketing_opted_out', 'This contact stopped marketing messages in WhatsApp.')
  }
  if (!send.isTemplate && !open) {
    return new SendRefused(
      'window_closed_template_required',
      `The ${policy.window_hours} h customer-service window is closed: only an approved template can be sent.`,
    )
  }
  if (
    marketing &&
    contact.phoneE164 &&
    policy.marketing_blocked_calling_codes.some((cc) => contact.phoneE164?.startsWith(`+${cc}`))
  ) {
    return new SendRefused(
      'marketing_blocked_us',
      'WhatsApp does not deliver marketing templates to this country code (+1).',
    )
  }
  if (automated && contact.automationPausedUntil && contact.automationPausedUntil > now) {
    return new SendRefused(
      'automation_paused',
      `A person is handling this conversation: automated messages are paused until ${contact.automationPausedUntil.toISOString()}.`,
    )
  }
  return null
}

/** The caps, given the contact's history; applied after refusalBeforeHistory passed. */
export function refusalFromHistory(input: PolicyInput, history: SendHistory): SendRefused | null {
  const { contact, send, policy } = input
  const marketing = send.category === 'marketing'
  if (
    send.isTemplate &&
    contact.optInStatus !== 'opted_in' &&
    history.templatesLastDay >= policy.no_opt_in_templates_per_day
  ) {
    return new SendRefused(
      'cap_exceeded:no_opt_in_daily_template',
      `Without opt-in a contact gets at most ${policy.no_opt_in_templates_per_day} template(s) per 24 h.`,
    )
  }
  if (history.sameContent >= policy.same_content_max) {
    return new SendRefused(
      'cap_exceeded:same_content',
      `This exact message already went to this contact ${history.sameContent} times in ${policy.same_content_days} days.`,
    )
  }
  if (marketing && history.marketingInInterval > 0) {
    return new SendRefused(
      'cap_exceeded:marketing_weekly',
      `This contact already got a marketing message in the last ${policy.marketing_interval_days} days.`,
    )
  }
  if (input.eventKey && history.sameEvent > 0) {
    return new SendRefused(
      'cap_exceeded:event_notification',
      `A notification for "${input.eventKey}" already went out in the last ${policy.event_key_hours} h.`,
    )
  }
  return null
}

async function countHistory(
  db: Executor,
  contactId: string,
  contentHash: string,
  eventKey: string | null,
  policy: SendingPolicy,
  now: Date,
): Promise<SendHistory> {
  const counts = await countHistories(db, [contactId], contentHash, eventKey, policy, now)
  return counts.get(contactId) ?? NO_HISTORY
}

export const NO_HISTORY: SendHistory = {
  templatesLastDay: 0,
  sameContent: 0,
  marketingInInterval: 0,
  sameEvent: 0,
}

/**
 * The caps' counts for many contacts in one statement (one row per contact with any history;
 * contacts without are absent). checkPolicy asks it for one contact, broadcast expansion for a
 * whole chunk.
 */
export async function countHistories(
  db: Executor,
  contactIds: readonly string[],
  contentHash: string,
  eventKey: string | null,
  policy: SendingPolicy,
  now: Date,
): Promise<Map<string, SendHistory>> {
  const counts = new Map<string, SendHistory>()
  if (contactIds.length === 0) return counts
  const at = (ms: number) => new Date(now.getTime() - ms).toISOString()
  // Contact ids are uuids the caller read from the database; an array literal keeps it one parameter.
  const ids = `{${contactIds.join(',')}}`
  const rows = await queryRows<{
    contact_id: string
    templates: number
    same: number
    marketing: number
    event: number
  }>(
    db,
    sql`select contact_id,
          count(*) filter (where category <> 'service' and created_at > ${at(24 * HOUR)}::timestamptz)::int as templates,
          count(*) filter (where content_hash = ${contentHash} and created_at > ${at(policy.same_content_days * 24 * HOUR)}::timestamptz)::int as same,
          count(*) filter (where category = 'marketing' and created_at > ${at(policy.marketing_interval_days * 24 * HOUR)}::timestamptz)::int as marketing,
          count(*) filter (where ${eventKey}::text is not null and event_key = ${eventKey} and created_at > ${at(policy.event_key_hours * HOUR)}::timestamptz)::int as event
        from send_jobs
        where contact_id = any(${ids}::uuid[]) and state not in ('failed', 'cancelled')
          and created_at > ${at(Math.max(policy.same_content_days, policy.marketing_interval_days, 1) * 24 * HOUR)}::timestamptz
        group by contact_id`,
  )
  for (const row of rows) {
    counts.set(row.contact_id, {
      templatesLastDay: row.templates,
      sameContent: row.same,
      marketingInInterval: row.marketing,
      sameEvent: row.event,
    })
  }
  return counts
}
