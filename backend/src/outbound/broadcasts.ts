import type { SendRefusal } from '@scrm/shared'
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { queryRows } from '../db/query-rows'
import {
  type Broadcast,
  type BroadcastAudience,
  type BroadcastEstimate,
  broadcasts,
  contacts,
  contactTags,
  messageTemplates,
  sendJobs,
  tags,
  type whatsappChannels,
} from '../db/schema'
import { WorkerLoop } from '../jobs/worker-loop'
import { ConflictError, NotFoundError } from '../lib/errors'
import type { Logger } from '../lib/logger'
import { findSendingChannel } from '../whatsapp/sending-channel'
import { previewChunk, queueBroadcastChunk } from './broadcast-chunk'
import { SendRefused } from './refusal'

export interface BroadcastInput {
  name: string
  channelId?: string
  template: { name: string; language: string; components?: Record<string, unknown>[] }
  audience: BroadcastAudience
  dryRun?: boolean
}

/** Share of a limit a broadcast may plan to use before it is spread out. */
const PLAN_SHARE = 0.8
/** Each recipient costs about three calls on the number: the send and two status webhooks. */
const CALLS_PER_RECIPIENT = 3

export async function createBroadcast(db: Database, workspaceId: string, input: BroadcastInput) {
  const channel = await pickChannel(db, workspaceId, input.channelId)
  const [template] = await db
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.workspaceId, workspaceId),
        eq(messageTemplates.name, input.template.name),
        eq(messageTemplates.language, input.template.language),
      ),
    )
  if (template?.status !== 'APPROVED') {
    throw new SendRefused(
      'unknown_template',
      `Template "${input.template.name}" (${input.template.language}) is not approved in this workspace.`,
    )
  }
  const recipients = await countAudience(db, workspaceId, input.audience)
  const estimate = await preflight(db, channel, recipients)
  if (input.dryRun) {
    const refusals = await previewRefusals(db, workspaceId, channel.id, input)
    return { broadcast: null, estimate, refusals }
  }
  const [row] = await db
    .insert(broadcasts)
    .values({
      workspaceId,
      channelId: channel.id,
      name: input.name,
      content: { type: 'template', ...input.template },
      audience: input.audience,
      mode: estimate.mode,
      estimate,
    })
    .returning()
  if (!row) throw new Error('broadcast insert returned nothing')
  return { broadcast: row, estimate, refusals: null }
}

/** Recipients per refusal the preflight reports, with the policy's sentence for the reason. */
export interface RefusalCount {
  reason: SendRefusal
  recipients: number
  message: string
}

/** Contacts the preview decides per statement: the expander's chunk size, without locks. */
const PREVIEW_CHUNK = 1_000

/**
 * What the sending policy would refuse if the broadcast started now, by reason: the audience
 * walked in id order through previewChunk (the expander's own decision code, no jobs written).
 */
async function previewRefusals(
  db: Database,
  workspaceId: string,
  channelId: string,
  input: BroadcastInput,
): Promise<RefusalCount[]> {
  const counts = new Map<SendRefusal, RefusalCount>()
  let after: string | null = null
  for (;;) {
    const batch: { id: string }[] = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(audienceFilter(workspaceId, input.audience), after ? gt(contacts.id, after) : undefined))
      .orderBy(asc(contacts.id))
      .limit(PREVIEW_CHUNK)
    if (batch.length === 0) break
    const { refused } = await previewChunk(db, {
      workspaceId,
      channelId,
      content: { type: 'template', ...input.template } as never,
      contactIds: batch.map((c) => c.id),
    })
    for (const r of refused) {
      const seen = counts.get(r.refusal)
      if (seen) seen.recipients++
      else counts.set(r.refusal, { reason: r.refusal, recipients: 1, message: r.message })
    }
    if (batch.length < PREVIEW_CHUNK) break
    after = batch.at(-1)?.id ?? null
  }
  return [...counts.values()].sort((a, b) => b.recipients - a.recipients)
}

/**
 * Recipients × 3 calls against what the number and the portfolio allow. Past 80 % of the tier's
 * room, or of an hour of the number's throughput, the broadcast is spread out: paced at half the
 * throughput, and at most 80 % of the tier per 24 h.
 */
async function preflight(
  db: Database,
  channel: typeof whatsappChannels.$inferSelect,
  recipients: number,
): Promise<BroadcastEstimate> {
  const portfolio = channel.portfolioId ?? channel.wabaId ?? channel.id
  const [used] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from tier_recipients where portfolio_id = ${portfolio} and last_at > clock_timestamp() - interval '24 hours'`,
  )
  const tierRoom = channel.tierLimit === null ? null : Math.max(0, channel.tierLimit - (used?.n ?? 0))
  const apiCalls = recipients * CALLS_PER_RECIPIENT
  const overTier = tierRoom !== null && recipients > PLAN_SHARE * tierRoom
  const overThroughput = apiCalls > PLAN_SHARE * channel.mps * 3600
  const reason = overTier
    ? `${recipients} recipients exceed 80 % of the ${tierRoom} new recipients the tier still allows today`
    : overThroughput
      ? `${apiCalls} API calls exceed 80 % of an hour of ${channel.mps} msg/s`
      : null
  return {
    recipients,
    api_calls: apiCalls,
    tier_limit: channel.tierLimit,
    tier_room: tierRoom,
    mps: channel.mps,
    minutes_at_full_speed: Math.ceil(recipients / channel.mps / 60),
    mode: reason ? 'spread' : 'normal',
    reason,
  }
}

/** When the i-th recipient of a spread-out broadcast may go. */
function spreadTime(broadcast: Broadcast, index: number): Date {
  const { tier_limit: tier, mps } = broadcast.estimate
  const perDay = tier === null ? Number.POSITIVE_INFINITY : Math.max(1, Math.floor(PLAN_SHARE * tier))
  const day = Math.floor(index / perDay)
  const withinDay = index % perDay
  return new Date(broadcast.createdAt.getTime() + day * 86_400_000 + (withinDay / (mps * 0.5)) * 1000)
}

async function pickChannel(db: Database, workspaceId: string, channelId?: string) {
  const channel = await findSendingChannel(db, workspaceId, channelId)
  if (!channel) throw new SendRefused('no_channel', 'No WhatsApp number to send the broadcast from.')
  return channel
}

function audienceFilter(workspaceId: string, audience: BroadcastAudience) {
  if ('contactIds' in audience)
    return and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, audience.contactIds))
  if ('segment' in audience)
    return and(eq(contacts.workspaceId, workspaceId), eq(contacts.segment, audience.segment))
  return and(
    eq(contacts.workspaceId, workspaceId),
    sql`exists (select 1 from ${contactTags} ct join ${tags} t on t.id = ct.tag_id
                where ct.contact_id = ${contacts.id} and t.key = ${audience.tag})`,
  )
}

async function countAudience(
  db: Database,
  workspaceId: string,
  audience: BroadcastAudience,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(contacts)
    .where(audienceFilter(workspaceId, audience))
  return row?.n ?? 0
}

/**
 * Queues the next chunk of one running broadcast's recipients, in one transaction: the broadcast
 * row is locked (a second expander skips it instead of walking the same chunk; a pause or cancel
 * waits for the chunk and then holds its jobs too), the chunk goes through the policy in
 * set-based statements (queueBroadcastChunk), and the cursor moves with the jobs it wrote.
 * Refusals are counted by reason. Returns how many recipients it walked.
 */
export async function expandBroadcast(db: Database, broadcast: Broadcast, chunk: number): Promise<number> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(broadcasts)
      .where(
        and(
          eq(broadcasts.id, broadcast.id),
          eq(broadcasts.state, 'running'),
          sql`${broadcasts.expandedAt} is null`,
        ),
      )
      .for('update', { skipLocked: true })
    if (!current) return 0
    const batch = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(
        and(
          audienceFilter(current.workspaceId, current.audience),
          current.cursor ? gt(contacts.id, current.cursor) : undefined,
        ),
      )
      .orderBy(asc(contacts.id))
      .limit(chunk)
    const decisions = await queueBroadcastChunk(tx, {
      workspaceId: current.workspaceId,
      channelId: current.channelId,
      broadcastId: current.id,
      content: current.content as never,
      contactIds: batch.map((c) => c.id),
      notBefore: current.mode === 'spread' ? (i) => spreadTime(current, current.expanded + i) : undefined,
    })
    const refused: Record<string, number> = {}
    for (const d of decisions) {
      if (d.outcome === 'refused' && d.refusal !== 'broadcast_duplicate')
        refused[d.refusal] = (refused[d.refusal] ?? 0) + 1
    }
    await tx
      .update(broadcasts)
      .set({
        cursor: batch.at(-1)?.id ?? current.cursor,
        expanded: current.expanded + batch.length,
        refused: sql`(select coalesce(jsonb_object_agg(k, coalesce((${broadcasts.refused} ->> k)::int, 0) + coalesce((${JSON.stringify(refused)}::jsonb ->> k)::int, 0)), '{}'::jsonb)
                      from (select jsonb_object_keys(${broadcasts.refused} || ${JSON.stringify(refused)}::jsonb) as k) keys)`,
        expandedAt: batch.length < chunk ? new Date() : null,
        updatedAt: new Date(),
      })
      .where(eq(broadcasts.id, current.id))
    return batch.length
  })
}

export async function setBroadcastState(
  db: Database,
  workspaceId: string,
  id: string,
  action: 'pause' | 'resume' | 'cancel',
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(broadcasts)
      .where(and(eq(broadcasts.id, id), eq(broadcasts.workspaceId, workspaceId)))
      .for('update')
    if (!row) throw new NotFoundError('No such broadcast in this workspace.')
    const allowed = { pause: ['running'], resume: ['paused'], cancel: ['running', 'paused'] }[action]
    if (!allowed.includes(row.state)) throw new ConflictError(`A ${row.state} broadcast cannot ${action}.`)
    const next = { pause: 'paused', resume: 'running', cancel: 'cancelled' }[action] as Broadcast['state']
    const from = { pause: ['queued'], resume: ['held'], cancel: ['queued', 'held'] }[action] as (
      | 'queued'
      | 'held'
    )[]
    const to = { pause: 'held', resume: 'queued', cancel: 'cancelled' }[action] as
      | 'held'
      | 'queued'
      | 'cancelled'
    await tx.update(broadcasts).set({ state: next, updatedAt: new Date() }).where(eq(broadcasts.id, id))
    await tx
      .update(sendJobs)
      .set({ state: to })
      .where(and(eq(sendJobs.broadcastId, id), inArray(sendJobs.state, from)))
    return next
  })
}

/** Walks running broadcasts that still have recipients to queue, in the sender's process. */
export class BroadcastExpander {
  readonly loop: WorkerLoop

  constructor(
    private readonly db: Database,
    private readonly options: { chunk: number; pollMs: number; logger: Logger; onQueued: () => void },
  ) {
    this.loop = new WorkerLoop({
      name: 'broadcasts',
      pollMs: options.pollMs,
      logger: options.logger,
      pass: async () => ((await this.runOnce()) > 0 ? 'busy' : 'idle'),
    })
  }

  wake(): void {
    this.loop.wake()
  }

  start(): void {
    this.loop.start()
  }

  stop(): Promise<void> {
    return this.loop.stop()
  }

  /** One chunk of every broadcast with recipients left; returns how many were walked. */
  async runOnce(): Promise<number> {
    const pending = await this.db
      .select()
      .from(broadcasts)
      .where(and(eq(broadcasts.state, 'running'), sql`${broadcasts.expandedAt} is null`))
      .orderBy(asc(broadcasts.createdAt))
    let walked = 0
    for (const b of pending) {
      // Expanders in other processes skip a broadcast whose chunk is being queued (row lock).
      walked += await expandBroadcast(this.db, b, this.options.chunk)
      if (walked > 0) this.options.onQueued()
    }
    return walked
  }
}
