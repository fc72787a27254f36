import { e164ToWaId, type SendContent, type ThreadMessage, toE164 } from '@scrm/shared'
import { and, desc, eq, sql } from 'drizzle-orm'
import type { Database, Executor } from '../db/client'
import {
  type Contact,
  contacts,
  messages,
  type SendKind,
  sendJobs,
  type WhatsappChannel,
  whatsappChannels,
  workspaces,
} from '../db/schema'
import { attachUploadToMessage, resolveUpload } from '../media/outbound-attachment'
import { getMessageView } from '../messages/message-view'
import { findSendingChannel } from '../whatsapp/sending-channel'
import { buildSend } from './build-request'
import { checkPolicy, windowOpen } from './policy'
import { policyOf } from './policy-settings'
import { SendRefused } from './refusal'

export interface EnqueueInput {
  workspaceId: string
  contactId?: string
  phone?: string
  channelId?: string
  content: SendContent
  kind: SendKind
  /** The person behind an agent send (a backend or CRM user id), for response-time reports. */
  agentId?: string | null
  idempotencyKey?: string
  eventKey?: string
  replyTo?: string
  broadcastId?: string
  /** Earliest send time (spread-out broadcasts); default now. */
  notBefore?: Date
  now?: Date
}

export interface Enqueued {
  messageId: number
  duplicate: boolean
  message: ThreadMessage
}

const PRIORITY: Record<SendKind, number> = { agent: 0, api: 0, automation: 1, broadcast: 2 }

/**
 * Accepts a send: checks the recipient, the content and every policy rule, then writes the thread
 * message (state `queued`) and its send job in one transaction. The same idempotency key always
 * answers with the first message and never queues a second one.
 */
export async function enqueueSend(db: Database, input: EnqueueInput): Promise<Enqueued> {
  if (input.idempotencyKey) {
    const existing = await findByIdempotencyKey(db, input.workspaceId, input.idempotencyKey)
    if (existing) return existing
  }
  const now = input.now ?? new Date()
  const result = await db
    .transaction(async (tx) => {
      const [workspace] = await tx.select().from(workspaces).where(eq(workspaces.id, input.workspaceId))
      if (!workspace) throw new SendRefused('no_channel', 'Unknown workspace.')
      const policy = policyOf(workspace.settings)
      const contact = await resolveContact(tx, input)
      const channel = await resolveChannel(tx, input.workspaceId, contact.id, input.channelId)
      if (channel.pausedUntil && channel.pausedUntil > now) {
        throw new SendRefused(
          'channel_paused',
          `Sending from ${channel.displayPhoneNumber} is paused: ${channel.pausedReason ?? 'by an admin'}.`,
        )
      }
      const recipient = contact.waId ?? (contact.phoneE164 ? e164ToWaId(contact.phoneE164) : contact.bsuid)
      if (!recipient)
        throw new SendRefused('invalid_recipient', 'This contact has no WhatsApp number or id to send to.')
      const { content, upload } = await resolveUpload(tx, input.workspaceId, channel, input.content, now)
      const send = await buildSend(tx, input.workspaceId, contact, content)
      await checkPolicy(tx, {
        contact,
        kind: input.kind,
        send,
        eventKey: input.eventKey ?? null,
        policy,
        now,
      })

      const request = input.replyTo
        ? { ...send.request, context: { message_id: input.replyTo } }
        : send.request
      const [message] = await tx
        .insert(messages)
        .values({
          workspaceId: input.workspaceId,
          channelId: channel.id,
          contactId: contact.id,
          wamid: null,
          direction: 'outbound',
          type: send.type,
          text: send.text,
          payload: send.payload,
          status: 'queued',
          statusAt: now,
          sender: input.kind === 'broadcast' ? 'automation' : input.kind,
          agentId: input.kind === 'agent' ? (input.agentId ?? null) : null,
          sentAt: now,
          relatedWamid: input.replyTo ?? null,
          ...(upload && {
            mediaId: upload.metaMediaId,
            mediaMimeType: upload.fileMimeType,
            mediaFilename: upload.filename,
          }),
        })
        .returning({ id: messages.id })
      if (!message) throw new Error('message insert returned nothing')
      const [job] = await tx
        .insert(sendJobs)
        .values({
          workspaceId: input.workspaceId,
          messageId: message.id,
          channelId: channel.id,
          contactId: contact.id,
          recipient,
          kind: input.kind,
          priority: PRIORITY[input.kind],
          category: send.category,
          businessInitiated: windowOpen(contact, policy, now) ? 0 : 1,
          contentHash: send.contentHash,
          eventKey: input.eventKey ?? null,
          idempotencyKey: input.idempotencyKey ?? null,
          broadcastId: input.broadcastId ?? null,
          request,
          notBefore: input.notBefore ?? now,
        })
        .onConflictDoNothing()
        .returning({ id: sendJobs.id })
      // A concurrent request with the same idempotency key (or broadcast recipient) won the race:
      // roll back, so no message is left without its job.
      if (!job) throw new DuplicateJob()
      if (upload) await attachUploadToMessage(tx, message.id, upload)
      if (input.kind === 'agent') {
        const until = new Date(now.getTime() + policy.agent_pause_hours * 60 * 60 * 1000)
        await tx
          .update(contacts)
          .set({
            automationPausedUntil: sql`greatest(${contacts.automationPausedUntil}, ${until.toISOString()}::timestamptz)`,
          })
          .where(eq(contacts.id, contact.id))
      }
      return message.id
    })
    .catch((error: unknown) => {
      if (error instanceof DuplicateJob || isUniqueViolation(error)) return null
      throw error
    })
  if (result === null) {
    const existing = input.idempotencyKey
      ? await findByIdempotencyKey(db, input.workspaceId, input.idempotencyKey)
      : null
    if (existing) return existing
    throw new SendRefused('broadcast_duplicate', 'This recipient already has this broadcast.')
  }
  return { messageId: result, duplicate: false, message: await getMessageView(db, result) }
}

async function findByIdempotencyKey(
  db: Executor,
  workspaceId: string,
  key: string,
): Promise<Enqueued | null> {
  const [job] = await db
    .select({ messageId: sendJobs.messageId })
    .from(sendJobs)
    .where(and(eq(sendJobs.workspaceId, workspaceId), eq(sendJobs.idempotencyKey, key)))
    .limit(1)
  if (!job) return null
  return { messageId: job.messageId, duplicate: true, message: await getMessageView(db, job.messageId) }
}

/** By id within the workspace, or by phone: a number never seen before becomes a new contact. */
/**
 * The recipient, locked for the rest of the transaction: the policy's caps count this contact's
 * earlier sends, so two sends to one person at the same moment must check them one after another.
 */
async function resolveContact(tx: Executor, input: EnqueueInput): Promise<Contact> {
  if (input.contactId) {
    const [found] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.workspaceId, input.workspaceId), eq(contacts.id, input.contactId)))
      .for('update')
    if (!found) throw new SendRefused('invalid_recipient', 'No such contact in this workspace.')
    return found
  }
  const phone = toE164(input.phone ?? '')
  if (!phone)
    throw new SendRefused(
      'invalid_recipient',
      `"${input.phone}" is not a valid phone number in E.164 (e.g. +5511999990000).`,
    )
  await tx
    .insert(contacts)
    .values({
      workspaceId: input.workspaceId,
      phoneE164: phone,
      waId: e164ToWaId(phone),
      fieldVersions: { phone: Date.now() },
    })
    .onConflictDoNothing()
  const [found] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, input.workspaceId), eq(contacts.phoneE164, phone)))
    .for('update')
  if (!found) throw new Error('contact upsert returned nothing')
  return found
}

/** The requested number, else the one the person last talked to, else the workspace's first. */
async function resolveChannel(
  tx: Executor,
  workspaceId: string,
  contactId: string,
  channelId?: string,
): Promise<WhatsappChannel> {
  if (channelId) {
    const [channel] = await tx
      .select()
      .from(whatsappChannels)
      .where(and(eq(whatsappChannels.workspaceId, workspaceId), eq(whatsappChannels.id, channelId)))
    if (!channel) throw new SendRefused('no_channel', 'No such WhatsApp number in this workspace.')
    return channel
  }
  const [last] = await tx
    .select({ channelId: messages.channelId })
    .from(messages)
    .where(eq(messages.contactId, contactId))
    .orderBy(desc(messages.sentAt), desc(messages.id))
    .limit(1)
  const channel = await findSendingChannel(tx, workspaceId, last?.channelId)
  if (!channel)
    throw new SendRefused('no_channel', 'This workspace has no WhatsApp number yet: register one first.')
  return channel
}

class DuplicateJob extends Error {}

function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: string; cause?: { code?: string } })?.code ??
    (error as { cause?: { code?: string } })?.cause?.code
  return code === '23505'
}
