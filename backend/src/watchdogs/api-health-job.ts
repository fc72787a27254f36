import { setTimeout as sleep } from 'node:timers/promises'
import { and, asc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm'
import { storeAlerts } from '../analytics/alert-rules'
import type { Database } from '../db/client'
import { analyticsAlerts, whatsappApiRoutes, whatsappChannels, whatsappHealthProbes } from '../db/schema'
import type { ScheduledJob } from '../jobs/scheduler'
import { decryptSecret } from '../lib/crypto'
import type { Logger } from '../lib/logger'
import type { CloudApiConfig } from '../whatsapp/cloud-api-client'
import { readPhoneNumber } from '../whatsapp/phone-number-lookup'
import {
  FAILING_OVER_MS,
  nextRoute,
  probeAgainNow,
  probeVerdict,
  type RouteState,
  STREAK,
} from './api-health-rule'

export interface ApiHealthOptions {
  schedule: string
  /** The primary Graph base and how long a probe may take before it counts as no answer. */
  cloudApi: CloudApiConfig
  /** WHATSAPP_STANDBY_GRAPH_URL; without it a failing primary is alerted, not switched. */
  standbyGraphUrl: string | undefined
  encryptionKey: Buffer
  /** Between the quick re-probes of a failing primary. */
  retryMs: number
  logger: Logger
}

/**
 * The hourly WhatsApp Cloud API health probe of each workspace: reads one of its numbers through
 * the primary Graph base with the number's own token, timed, and applies the failover rule
 * (api-health-rule.ts). A switch either way is stored on `whatsapp_api_routes` (the sender reads
 * it) and raised as an `api_health` alert; switching back resolves it.
 */
export function apiHealthJob(db: Database, options: ApiHealthOptions): ScheduledJob {
  return {
    name: 'whatsapp-health-probe',
    schedule: options.schedule,
    async run({ workspaceId, scheduledFor }) {
      const channel = await probeChannel(db, workspaceId)
      if (!channel) return
      const token = decryptSecret(channel.accessTokenEnc as string, options.encryptionKey)
      let state = await routeState(db, workspaceId)
      const samples: (number | null)[] = []
      for (;;) {
        const ms = await timedRead(options.cloudApi, channel.phoneNumberId, token)
        const verdict = probeVerdict(ms.ms)
        samples.push(ms.ms)
        await db.insert(whatsappHealthProbes).values({
          workspaceId,
          channelId: channel.id,
          ms: ms.ms,
          verdict,
          detail: ms.detail,
        })
        const next = nextRoute(state, verdict, Boolean(options.standbyGraphUrl))
        await saveRoute(
          db,
          workspaceId,
          next.state,
          next.change !== null && next.change !== 'failing_without_standby',
        )
        if (next.change) await announce(db, workspaceId, next.change, samples, scheduledFor, options)
        state = next.state
        if (next.change || !probeAgainNow(state, verdict) || samples.length >= STREAK) break
        await sleep(options.retryMs)
      }
      options.logger.info({ workspaceId, samples, route: state.route }, 'WhatsApp API health probed')
    },
  }
}

/** A number of the workspace with a token, not paused: the one registered first, so probes compare. */
async function probeChannel(db: Database, workspaceId: string) {
  const [channel] = await db
    .select()
    .from(whatsappChannels)
    .where(
      and(
        eq(whatsappChannels.workspaceId, workspaceId),
        isNotNull(whatsappChannels.accessTokenEnc),
        or(isNull(whatsappChannels.pausedUntil), lt(whatsappChannels.pausedUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(whatsappChannels.createdAt))
    .limit(1)
  return channel
}

async function timedRead(
  config: CloudApiConfig,
  phoneNumberId: string,
  token: string,
): Promise<{ ms: number | null; detail: string | null }> {
  const started = performance.now()
  const outcome = await readPhoneNumber(config, phoneNumberId, token)
  const ms = Math.round(performance.now() - started)
  // A refused token or an unreadable number is an answer: Graph is up, the number's setup is not
  // ours to judge here (the channel's own checks report it).
  if (outcome.kind === 'unavailable') return { ms: null, detail: outcome.detail }
  return { ms, detail: outcome.kind === 'ok' ? null : `${outcome.kind} (code ${outcome.code})` }
}

async function routeState(db: Database, workspaceId: string): Promise<RouteState> {
  const [row] = await db
    .select()
    .from(whatsappApiRoutes)
    .where(eq(whatsappApiRoutes.workspaceId, workspaceId))
  return row
    ? { route: row.route, failingStreak: row.failingStreak, healthyStreak: row.healthyStreak }
    : { route: 'primary', failingStreak: 0, healthyStreak: 0 }
}

async function saveRoute(db: Database, workspaceId: string, state: RouteState, switched: boolean) {
  const values = { ...state, updatedAt: new Date(), ...(switched ? { switchedAt: new Date() } : {}) }
  await db
    .insert(whatsappApiRoutes)
    .values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: whatsappApiRoutes.workspaceId, set: values })
}

async function announce(
  db: Database,
  workspaceId: string,
  change: 'failover' | 'failback' | 'failing_without_standby',
  samples: (number | null)[],
  at: Date,
  options: ApiHealthOptions,
) {
  if (change === 'failback') {
    await db
      .update(analyticsAlerts)
      .set({ resolvedAt: new Date() })
      .where(
        and(
          eq(analyticsAlerts.workspaceId, workspaceId),
          eq(analyticsAlerts.rule, 'api_health'),
          isNull(analyticsAlerts.resolvedAt),
        ),
      )
    options.logger.warn({ workspaceId }, 'WhatsApp API healthy again: sends back on the primary Graph base')
    return
  }
  const standby = change === 'failover'
  await storeAlerts(db, workspaceId, [
    {
      rule: 'api_health',
      subject: 'whatsapp_cloud_api',
      period: at.toISOString().slice(0, 13),
      figures: {
        samples_ms: samples,
        failing_over_ms: FAILING_OVER_MS,
        in_a_row: STREAK,
        switched_to_standby: standby,
      },
      suggestion: standby
        ? 'Three WhatsApp Cloud API probes in a row took over 1.5 s or got no answer: sends now go through the standby Graph base (WHATSAPP_STANDBY_GRAPH_URL) until three hourly probes of the primary are normal again.'
        : 'Three WhatsApp Cloud API probes in a row took over 1.5 s or got no answer, and no standby is configured (WHATSAPP_STANDBY_GRAPH_URL): check https://metastatus.com and the network path to graph.facebook.com.',
    },
  ])
  options.logger.error({ workspaceId, samples, switchedToStandby: standby }, 'WhatsApp API failing')
}
