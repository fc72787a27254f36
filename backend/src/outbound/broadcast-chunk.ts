import { e164ToWaId, type SendContent, type SendRefusal } from '@scrm/shared'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { type Contact, contacts, messages, sendJobs, whatsappChannels, workspaces } from '../db/schema'
import { type BuiltSend, buildSend } from './build-request'
import {
  countHistories,
  NO_HISTORY,
  type PolicyInput,
  refusalBeforeHistory,
  refusalFromHistory,
  windowOpen,
} from './policy'
import { policyOf } from './policy-settings'
import { SendRefused } from './refusal'

export interface ChunkInput {
  workspaceId: string
  channelId: string
  broadcastId: string
  content: Extract<SendContent, { type: 'template' }>
  /** Recipients in walking order. */
  contactIds: readonly string[]
  /** Earliest send time of the i-th recipient of this chunk (spread-out broadcasts); default now. */
  notBefore?: (i: number) => Date
  now?: Date
}

export type ChunkDecision =
  | { contactId: string; outcome: 'queued'; messageId: number }
  | { contactId: string; outcome: 'refused'; refusal: SendRefusal; message: string }

/** Broadcasts queue behind agent replies and automation. */
const BROADCAST_PRIORITY = 2

/**
 * Queues one broadcast chunk inside the caller's transaction with a handful of set-based
 * statements instead of one transaction per recipient. Every recipient gets the decision
 * enqueueSend would give it, checked in the same order: the workspace, the contact (locked, as
 * enqueueSend locks it, so a concurrent send to the same person checks the caps after this
 * chunk), the number, the recipient id, the template, the contact-row rules, the caps counted in
 * one grouped query, and finally whether this broadcast already has a job for the person.
 */
export async function queueBroadcastChunk(tx: Executor, input: ChunkInput): Promise<ChunkDecision[]> {
  const now = input.now ?? new Date()
  const ids = [...input.contactIds]
  if (ids.length === 0) return []
  const { decisions, passing, send, policy } = await decideChunk(tx, input, now, true)

  const fresh = await withoutExistingJobs(tx, input.broadcastId, passing)
  const duplicate = () => new SendRefused('broadcast_duplicate', 'This recipient already has this broadcast.')
  for (const c of passing)
    if (!fresh.includes(c)) decisions.set(c.contact.id, refuse(c.contact.id, duplicate()))
  if (send && fresh.length > 0) {
    const queued = await insertJobs(tx, input, send, fresh, policy, now, ids)
    for (const c of fresh) {
      const messageId = queued.get(c.contact.id)
      decisions.set(
        c.contact.id,
        messageId === undefined
          ? refuse(c.contact.id, duplicate())
          : { contactId: c.contact.id, outcome: 'queued', messageId },
      )
    }
  }
  return ids.map((id) => decisions.get(id) as ChunkDecision)
}

/**
 * What the policy would decide now for these recipients, without queueing anything or locking
 * contacts: the refusals a broadcast's preflight reports. The same decideChunk the expander runs,
 * so the preflight cannot drift from what the broadcast will do.
 */
export async function previewChunk(
  tx: Executor,
  input: Omit<ChunkInput, 'broadcastId' | 'notBefore'>,
): Promise<{ refused: Extract<ChunkDecision, { outcome: 'refused' }>[]; passing: number }> {
  const now = input.now ?? new Date()
  if (input.contactIds.length === 0) return { refused: [], passing: 0 }
  const { decisions, passing } = await decideChunk(tx, { ...input, broadcastId: '' }, now, false)
  const refused = [...decisions.values()].filter(
    (d): d is Extract<ChunkDecision, { outcome: 'refused' }> => d.outcome === 'refused',
  )
  return { refused, passing: passing.length }
}

const refuse = (contactId: string, error: SendRefused): ChunkDecision => ({
  contactId,
  outcome: 'refused',
  refusal: error.refusal,
  message: error.message,
})

/**
 * The policy's decision for each recipient of a chunk, in enqueueSend's order: refusals by
 * contact id, and the recipients that pass every rule. `lock` takes the contacts' row locks
 * (queueing does; a preview must not hold them).
 */
async function decideChunk(tx: Executor, input: ChunkInput, now: Date, lock: boolean) {
  const ids = [...input.contactIds]
  const decisions = new Map<string, ChunkDecision>()
  const candidates: { contact: Contact; recipient: string; policyInput: PolicyInput }[] = []
  const passing: typeof candidates = []

  const [workspace] = await tx.select().from(workspaces).where(eq(workspaces.id, input.workspaceId))
  if (!workspace) {
    for (const id of ids) decisions.set(id, refuse(id, new SendRefused('no_channel', 'Unknown workspace.')))
    return { decisions, passing, send: null, policy: policyOf({}) }
  }
  const policy = policyOf(workspace.settings)
  const select = tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, input.workspaceId), inArray(contacts.id, ids)))
    .orderBy(asc(contacts.id))
  const locked = lock ? await select.for('update') : await select
  const byId = new Map(locked.map((c) => [c.id, c]))
  const shared = await sharedRefusal(tx, input, now)
  const built = shared ? null : await buildOnce(tx, input, locked[0])

  for (const id of ids) {
    const contact = byId.get(id)
    if (!contact) {
      decisions.set(
        id,
        refuse(id, new SendRefused('invalid_recipient', 'No such contact in this workspace.')),
      )
      continue
    }
    if (shared) {
      decisions.set(id, refuse(id, shared))
      continue
    }
    const recipient = contact.waId ?? (contact.phoneE164 ? e164ToWaId(contact.phoneE164) : contact.bsuid)
    if (!recipient) {
      decisions.set(id, refuse(id, new SendRefused('invalid_recipient', 'No WhatsApp number or id.')))
      continue
    }
    if (built instanceof SendRefused) {
      decisions.set(id, refuse(id, built))
      continue
    }
    // Built from the first locked contact, so present whenever a contact is.
    const send = built as BuiltSend
    const policyInput: PolicyInput = { contact, kind: 'broadcast', send, eventKey: null, policy, now }
    const before = refusalBeforeHistory(policyInput)
    if (before) decisions.set(id, refuse(id, before))
    else candidates.push({ contact, recipient, policyInput })
  }

  const send = built instanceof SendRefused ? null : built
  if (send && candidates.length > 0) {
    const histories = await countHistories(
      tx,
      candidates.map((c) => c.contact.id),
      send.contentHash,
      null,
      policy,
      now,
    )
    for (const c of candidates) {
      const after = refusalFromHistory(c.policyInput, histories.get(c.contact.id) ?? NO_HISTORY)
      if (after) decisions.set(c.contact.id, refuse(c.contact.id, after))
      else passing.push(c)
    }
  }
  return { decisions, passing, send, policy }
}

/** The number's refusals, the same for every recipient of the chunk. */
async function sharedRefusal(tx: Executor, input: ChunkInput, now: Date): Promise<SendRefused | null> {
  const [channel] = await tx
    .select()
    .from(whatsappChannels)
    .where(and(eq(whatsappChannels.workspaceId, input.workspaceId), eq(whatsappChannels.id, input.channelId)))
  if (!channel) return new SendRefused('no_channel', 'No such WhatsApp number in this workspace.')
  if (channel.pausedUntil && channel.pausedUntil > now) {
    return new SendRefused(
      'channel_paused',
      `Sending from ${channel.displayPhoneNumber} is paused: ${channel.pausedReason ?? 'by an admin'}.`,
    )
  }
  return null
}

/** A template send does not depend on the recipient, so the chunk builds it once. */
async function buildOnce(
  tx: Executor,
  input: ChunkInput,
  anyContact: Contact | undefined,
): Promise<BuiltSend | SendRefused | null> {
  if (!anyContact) return null
  try {
    return await buildSend(tx, input.workspaceId, anyContact, input.content)
  } catch (error) {
    if (error instanceof SendRefused) return error
    throw error
  }
}

async function withoutExistingJobs<T extends { contact: Contact }>(
  tx: Executor,
  broadcastId: string,
  passing: T[],
): Promise<T[]> {
  if (passing.length === 0) return []
  const rows = await tx
    .select({ contactId: sendJobs.contactId })
    .from(sendJobs)
    .where(
      and(
        eq(sendJobs.broadcastId, broadcastId),
        inArray(
          sendJobs.contactId,
          passing.map((c) => c.contact.id),
        ),
      ),
    )
  const existing = new Set(rows.map((r) => r.contactId))
  return passing.filter((c) => !existing.has(c.contact.id))
}

/**
 * The thread messages and their jobs, one statement each. A job that still meets an existing one
 * (a concurrent writer outside the contact locks) is left out and its message removed again, so
 * no message is ever left without its job. Returns contact → message id of what was queued.
 */
async function insertJobs(
  tx: Executor,
  input: ChunkInput,
  send: BuiltSend,
  fresh: { contact: Contact; recipient: string }[],
  policy: PolicyInput['policy'],
  now: Date,
  order: string[],
): Promise<Map<string, number>> {
  const inserted = await tx
    .insert(messages)
    .values(
      fresh.map((c) => ({
        workspaceId: input.workspaceId,
        channelId: input.channelId,
        contactId: c.contact.id,
        wamid: null,
        direction: 'outbound' as const,
        type: send.type,
        text: send.text,
        payload: send.payload,
        status: 'queued',
        statusAt: now,
        sender: 'automation',
        sentAt: now,
        relatedWamid: null,
      })),
    )
    .returning({ id: messages.id, contactId: messages.contactId })
  const messageOf = new Map(inserted.map((m) => [m.contactId, m.id]))
  const position = new Map(order.map((id, i) => [id, i]))
  const jobs = await tx
    .insert(sendJobs)
    .values(
      fresh.map((c) => ({
        workspaceId: input.workspaceId,
        messageId: messageOf.get(c.contact.id) as number,
        channelId: input.channelId,
        contactId: c.contact.id,
        recipient: c.recipient,
        kind: 'broadcast' as const,
        priority: BROADCAST_PRIORITY,
        category: send.category,
        businessInitiated: windowOpen(c.contact, policy, now) ? 0 : 1,
        contentHash: send.contentHash,
        eventKey: null,
        idempotencyKey: null,
        broadcastId: input.broadcastId,
        request: send.request,
        notBefore: input.notBefore?.(position.get(c.contact.id) ?? 0) ?? now,
      })),
    )
    .onConflictDoNothing()
    .returning({ contactId: sendJobs.contactId, messageId: sendJobs.messageId })
  const queued = new Map(jobs.map((j) => [j.contactId, j.messageId]))
  const orphans = inserted.filter((m) => !queued.has(m.contactId)).map((m) => m.id)
  if (orphans.length > 0) {
    await queryRows(tx, sql`delete from messages where id = any(${`{${orphans.join(',')}}`}::bigint[])`)
  }
  return queued
}
