import { eq } from 'drizzle-orm'
import type { GraphRoutes } from '../channels/graph-routes'
import type { Database } from '../db/client'
import { whatsappChannels } from '../db/schema'
import { LeaseHeartbeat } from '../jobs/lease-heartbeat'
import { WorkerLoop } from '../jobs/worker-loop'
import { decryptSecret } from '../lib/crypto'
import type { Logger } from '../lib/logger'
import { sendOutcomes } from '../lib/metrics'
import { type CloudApiConfig, sendMessage } from '../whatsapp/cloud-api-client'
import {
  type ClaimedJob,
  claimJobs,
  dueChannels,
  recoverLostSends,
  requeueJobs,
  sendJobLease,
} from './claim-jobs'
import { numberKey, reserveSlots } from './limiter'
import { takePairSlots } from './pair-slots'
import { recordOutcome } from './record-outcome'
import { takeTierSlots } from './tier-slots'

export interface SenderOptions {
  cloudApi: CloudApiConfig
  /** Where each workspace's sends go while the health probe has failed over; absent: always `cloudApi.graphUrl`. */
  graphRoutes?: GraphRoutes
  encryptionKey: Buffer
  logger: Logger
  /** How far ahead slots are reserved per claim: short, so a reply never waits behind a broadcast. */
  horizonMs: number
  pollMs: number
  /** A sending job's lease, renewed while the send is alive; past it the send is treated as unknown and reconciled. */
  leaseMs: number
  /** How often live sends renew their lease (at most a third of it); default 5 s. */
  heartbeatMs?: number
  /** How long an unknown outcome waits for Meta's status webhook before it is sent again. */
  reconcileMs: number
  /** One message per recipient per this long (Meta: 6 s), plus margin for send-time jitter. */
  pairSpacingMs: number
  /** Fraction of a number's throughput cap used, leaving room for timer and network jitter. */
  throughputShare: number
  /** First wait after a 5xx; the second is four times longer. */
  transientRetryBaseMs: number
}

interface ChannelInfo {
  id: string
  workspaceId: string
  phoneNumberId: string
  token: string
  mps: number
  tierLimit: number | null
  portfolioId: string
  paused: boolean
}

/**
 * Drains the send queue as fast as the three limits allow and no faster: per number (evenly
 * spaced slots at the cap), per recipient pair, per portfolio tier. State lives in Postgres, so
 * several processes share one budget.
 */
export class Sender {
  readonly loop: WorkerLoop
  private readonly inFlight = new Set<Promise<unknown>>()
  /** Per channel: until when this process already holds reserved slots. */
  private readonly scheduledUntil = new Map<string, number>()
  private readonly busy = new Set<string>()
  /** Per channel: starts this process's claimed sends in slot order (see Pacer). */
  private readonly pacers = new Map<string, Pacer>()
  /** Claimed sends keep their lease from the claim until their outcome is recorded. */
  private readonly heartbeat: LeaseHeartbeat

  constructor(
    private readonly db: Database,
    private readonly options: SenderOptions,
  ) {
    this.heartbeat = new LeaseHeartbeat(
      db,
      sendJobLease,
      { leaseMs: options.leaseMs, heartbeatMs: options.heartbeatMs ?? 5_000 },
      options.logger,
    )
    this.loop = new WorkerLoop({
      name: 'sender',
      pollMs: options.pollMs,
      logger: options.logger,
      pass: async () => {
        await this.tick()
        return { delayMs: this.nextPassIn() }
      },
      errorBackoff: { maxMs: 10_000 },
    })
  }

  start(): void {
    this.loop.start()
  }

  /** Stops claiming, then waits for the sends already started to be answered and recorded. */
  async stop(): Promise<void> {
    await this.loop.stop()
    await Promise.allSettled([...this.inFlight])
  }

  wake(): void {
    this.loop.wake()
  }

  /** One pass: recover lost sends, then claim and schedule work for every channel with due jobs. */
  async tick(): Promise<number> {
    const expired = await recoverLostSends(this.db, this.options.reconcileMs)
    for (const e of expired) {
      sendOutcomes.inc({ outcome: 'failed' })
      this.options.logger.warn(
        { jobId: e.jobId, messageId: e.messageId, reason: e.reason },
        `send failed: ${e.reason}, no confirmation from WhatsApp within the reconcile window after sending again`,
      )
    }
    const channels = await dueChannels(this.db)
    const claimed = await Promise.all(channels.map((id) => this.serveChannel(id)))
    return claimed.reduce((a, b) => a + b, 0)
  }

  /** Ticks until nothing is due or in flight (tests, CLI). */
  async drain(maxMs = 60_000): Promise<void> {
    const deadline = Date.now() + maxMs
    while (Date.now() < deadline) {
      const claimed = await this.tick()
      if (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight])
      else if (claimed === 0) return
    }
  }

  /**
   * The next pass comes when a busy channel's reserved slots are down to half a horizon, so the
   * next claim lands while they last and the number never idles between claims; else after pollMs.
   */
  private nextPassIn(): number {
    const now = Date.now()
    let wait = this.options.pollMs
    for (const until of this.scheduledUntil.values()) {
      const due = until - this.options.horizonMs / 2 - now
      // A floor, so a channel whose queue ran dry does not spin until its last slot.
      if (until > now) wait = Math.min(wait, Math.max(this.options.horizonMs / 10, due))
    }
    return wait
  }

  private async serveChannel(channelId: string): Promise<number> {
    if (this.busy.has(channelId)) return 0
    // Keep the reserved slots back to back: claim again only when the last ones are near.
    if ((this.scheduledUntil.get(channelId) ?? 0) - Date.now() > this.options.horizonMs / 2) return 0
    this.busy.add(channelId)
    try {
      const channel = await this.loadChannel(channelId)
      if (!channel || channel.paused) return 0
      const budget = Math.max(1, Math.floor((channel.mps * this.options.horizonMs) / 1000))
      const jobs = await claimJobs(this.db, channelId, budget, this.options.leaseMs)
      if (jobs.length === 0) return 0
      this.heartbeat.hold(jobs)
      const started = new Set<number>()
      try {
        const ready = await this.applyRecipientLimits(channel, jobs)
        const going = new Set(ready.map((j) => j.id))
        this.heartbeat.release(jobs.filter((j) => !going.has(j.id)).map((j) => j.id))
        const interval = 1000 / (channel.mps * this.options.throughputShare)
        const slots = await reserveSlots(this.db, numberKey(channelId), interval, ready.length)
        const last = slots.at(-1)
        if (last) this.scheduledUntil.set(channelId, last.getTime())
        for (const [i, job] of ready.entries()) {
          this.schedule(channel, job, slots[i] as Date, interval)
          started.add(job.id)
        }
      } catch (error) {
        // Not started: their leases run out and recovery reconciles them like any lost send.
        this.heartbeat.release(jobs.filter((j) => !started.has(j.id)).map((j) => j.id))
        throw error
      }
      return jobs.length
    } finally {
      this.busy.delete(channelId)
    }
  }

  /** Pair and tier: jobs that must wait go back to the queue with the time they may go. */
  private async applyRecipientLimits(channel: ChannelInfo, jobs: ClaimedJob[]): Promise<ClaimedJob[]> {
    const now = Date.now()
    const seen = new Set<string>()
    const firstPerRecipient: ClaimedJob[] = []
    const sameRecipient: ClaimedJob[] = []
    for (const job of jobs) {
      if (seen.has(job.recipient)) sameRecipient.push(job)
      else {
        seen.add(job.recipient)
        firstPerRecipient.push(job)
      }
    }
    await requeueJobs(
      this.db,
      sameRecipient.map((j) => j.id),
      new Date(now + this.options.pairSpacingMs),
      null,
    )
    const pair = await takePairSlots(
      this.db,
      channel.id,
      firstPerRecipient.map((j) => j.recipient),
      this.options.pairSpacingMs,
    )
    const waiting = new Map<number, number[]>()
    const paired: ClaimedJob[] = []
    for (const job of firstPerRecipient) {
      const freeAt = pair.get(job.recipient)
      if (freeAt) {
        const t = freeAt.getTime()
        waiting.set(t, [...(waiting.get(t) ?? []), job.id])
      } else paired.push(job)
    }
    for (const [t, ids] of waiting) await requeueJobs(this.db, ids, new Date(t), null)

    const businessInitiated = paired.filter((j) => j.businessInitiated)
    if (businessInitiated.length === 0) return paired
    const allowed = await takeTierSlots(
      this.db,
      channel.portfolioId,
      businessInitiated.map((j) => j.recipient),
      channel.tierLimit,
    )
    const overTier = businessInitiated.filter((j) => !allowed.has(j.recipient)).map((j) => j.id)
    await requeueJobs(
      this.db,
      overTier,
      new Date(now + 10 * 60_000),
      `messaging tier of ${channel.tierLimit} new recipients per 24 h is used up; waiting for room`,
    )
    return paired.filter((j) => !j.businessInitiated || allowed.has(j.recipient))
  }

  private schedule(channel: ChannelInfo, job: ClaimedJob, slot: Date, interval: number): void {
    const task = (async () => {
      const answered = await this.waitForTurn(channel.id, slot.getTime(), interval, channel.mps)
      const body = {
        ...job.request,
        ...recipientField(job.recipient),
        biz_opaque_callback_data: `scrm:${job.messageId}`,
      }
      const graphUrl = this.options.graphRoutes
        ? await this.options.graphRoutes.graphUrlFor(channel.workspaceId)
        : this.options.cloudApi.graphUrl
      const outcome = await sendMessage(
        { ...this.options.cloudApi, graphUrl },
        channel.phoneNumberId,
        channel.token,
        body,
      ).finally(answered)
      const { result, problem } = await recordOutcome(
        {
          db: this.db,
          channelId: channel.id,
          workspaceId: channel.workspaceId,
          reconcileMs: this.options.reconcileMs,
          transientRetryBaseMs: this.options.transientRetryBaseMs,
        },
        job,
        outcome,
      )
      if (problem) {
        // The cause an operator needs (never the token: it only travels in the request header).
        this.options.logger.warn(
          {
            jobId: job.id,
            messageId: job.messageId,
            channelId: channel.id,
            reason: problem.reason,
            cause: problem.detail,
            result,
          },
          problem.final
            ? `send failed: ${problem.reason} (${problem.detail})`
            : `send not completed, will retry: ${problem.reason} (${problem.detail})`,
        )
      } else if (result !== 'sent')
        this.options.logger.info({ jobId: job.id, result }, 'send waits for a limit')
    })()
      .catch((error: unknown) => {
        // The job's lease runs out and recovery reconciles it; nothing is lost.
        this.options.logger.error({ jobId: job.id, err: (error as Error).message }, 'send bookkeeping failed')
      })
      .finally(() => {
        this.heartbeat.release([job.id])
        this.inFlight.delete(task)
      })
    this.inFlight.add(task)
  }

  /**
   * Resolves when the send may start: at its slot, or as soon after it as the pacer allows. The
   * caller calls the function it resolves with when Meta's answer (or the give-up) is in.
   */
  private waitForTurn(channelId: string, slot: number, interval: number, cap: number): Promise<() => void> {
    let pacer = this.pacers.get(channelId)
    if (!pacer) {
      pacer = new Pacer()
      this.pacers.set(channelId, pacer)
    }
    return pacer.wait(slot, interval, cap)
  }

  private async loadChannel(id: string): Promise<ChannelInfo | null> {
    const [row] = await this.db.select().from(whatsappChannels).where(eq(whatsappChannels.id, id))
    if (!row) return null
    if (!row.accessTokenEnc) {
      this.options.logger.warn({ channelId: id }, 'channel has no access token; its sends wait')
      return null
    }
    return {
      id: row.id,
      workspaceId: row.workspaceId,
      phoneNumberId: row.phoneNumberId,
      token: decryptSecret(row.accessTokenEnc, this.options.encryptionKey),
      mps: row.mps,
      tierLimit: row.tierLimit,
      portfolioId: row.portfolioId ?? row.wabaId ?? row.id,
      paused: row.pausedUntil !== null && row.pausedUntil > new Date(),
    }
  }
}

/**
 * Starts one channel's claimed sends one at a time, in slot order, on a single timer.
 *
 * Never before its slot. A send that starts late (busy event loop, timer rounding) does not push
 * the ones after it back, or the lateness adds up: the number falls behind its slots and claimed
 * jobs, replies included, pile up in the process. Late sends catch up, at most twice as fast as
 * the slots.
 *
 * And never past the cap as Meta counts it (messages accepted in any 1 s): Meta accepted each send
 * somewhere between its start and its answer, so a send may start only while fewer than `cap`
 * sends are unanswered or were answered within the last second. That holds whatever the delays
 * between here and Meta, which the slots' spacing alone cannot promise.
 */
class Pacer {
  private readonly waiting: { slot: number; start: (answered: () => void) => void }[] = []
  /** Sends unanswered or answered within the last second. */
  private recent: { answeredAt: number | null }[] = []
  private lastStart = Number.NEGATIVE_INFINITY
  private timer: NodeJS.Timeout | null = null
  private interval = 1
  private cap = 1

  wait(slot: number, interval: number, cap: number): Promise<() => void> {
    this.interval = interval
    this.cap = cap
    return new Promise((start) => {
      let i = this.waiting.length
      while (i > 0 && (this.waiting[i - 1] as { slot: number }).slot > slot) i -= 1
      this.waiting.splice(i, 0, { slot, start })
      this.pump()
    })
  }

  private pump(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    for (;;) {
      const next = this.waiting[0]
      if (!next) return
      const now = Date.now()
      this.recent = this.recent.filter((s) => s.answeredAt === null || s.answeredAt > now - 1000)
      let earliest = Math.max(next.slot, this.lastStart + this.interval / 2)
      const excess = this.recent.length - this.cap + 1
      if (excess > 0) {
        // Room comes when enough answered sends leave the window; or with an answer (it pumps).
        const answered = this.recent.flatMap((s) => (s.answeredAt === null ? [] : [s.answeredAt]))
        answered.sort((a, b) => a - b)
        const freed = answered[excess - 1]
        earliest = Math.max(earliest, freed === undefined ? Number.POSITIVE_INFINITY : freed + 1000)
      }
      if (earliest > now) {
        if (Number.isFinite(earliest)) this.timer = setTimeout(() => this.pump(), earliest - now)
        return
      }
      this.waiting.shift()
      this.lastStart = now
      const sent: { answeredAt: number | null } = { answeredAt: null }
      this.recent.push(sent)
      next.start(() => {
        sent.answeredAt = Date.now()
        this.pump()
      })
    }
  }
}

/** Phone numbers go in `to`; a BSUID (username users) goes in `recipient`. */
function recipientField(recipient: string): Record<string, string> {
  return /^\d+$/.test(recipient) ? { to: recipient } : { recipient }
}
