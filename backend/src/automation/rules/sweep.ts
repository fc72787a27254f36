import { asc, sql } from 'drizzle-orm'
import type { Database, Executor } from '../../db/client'
import { workspaces } from '../../db/schema'
import { pausedIntentsByWorkspace } from '../../intelligence/intent-accuracy'
import { lockDue } from '../../jobs/lease-claim'
import type { ScheduledJob } from '../../jobs/scheduler'
import type { Logger } from '../../lib/logger'
import { applyFirings } from './apply-firings'
import type { CompiledRule } from './compiled-rule'
import { loadContactStates, loadFiringMemory } from './contact-state'
import { type Firing, runRules } from './engine'
import { refreshMetrics } from './evaluate'
import { CONVERSATION_GAP_MS, DAY_MS, loadHistories, METRICS_WINDOW_MS } from './history'
import { writeMetrics } from './metrics'
import { loadEnabledRules } from './rule-store'

/**
 * The periodic pass for what changes with time alone: schedule rules (lost after 60 days,
 * potential follow-ups, churn risk of people who went quiet) and the metrics that decay.
 *
 * A contact is due when its metrics are older than a day (while it wrote within the period the
 * metrics and rules look at), or when a schedule threshold (`inactive` days, the end of the
 * metrics window) passed since it was last looked at; `metrics_at` records that. So a sweep after
 * a long pause still catches each threshold once, and a contact nobody needs to look at costs
 * nothing. Pages of contacts are claimed FOR UPDATE SKIP LOCKED, one transaction per page, so
 * several processes sweeping at once share the work instead of doubling it.
 */

export const SWEEP_PAGE = 500
const STALE_MS = DAY_MS
const NIL_UUID = '00000000-0000-0000-0000-000000000000'

export interface SweepResult {
  contacts: number
  firings: number
}

export async function sweepRules(
  db: Database,
  options: { now?: Date; workspaceId?: string; pageSize?: number } = {},
): Promise<SweepResult> {
  const now = options.now ?? new Date()
  const ids = options.workspaceId
    ? [options.workspaceId]
    : (await db.select({ id: workspaces.id }).from(workspaces).orderBy(asc(workspaces.id))).map((w) => w.id)
  const total: SweepResult = { contacts: 0, firings: 0 }
  for (const workspaceId of ids) {
    let cursor = NIL_UUID
    for (;;) {
      const page = await db.transaction((tx) =>
        sweepPage(tx, workspaceId, cursor, now, options.pageSize ?? SWEEP_PAGE),
      )
      total.contacts += page.contacts
      total.firings += page.firings
      if (!page.last) break
      cursor = page.last
    }
  }
  return total
}

async function sweepPage(
  tx: Executor,
  workspaceId: string,
  after: string,
  now: Date,
  size: number,
): Promise<SweepResult & { last: string | null }> {
  const rules = ((await loadEnabledRules(tx, [workspaceId])).get(workspaceId) ?? []).filter(
    (r) => r.definition.trigger !== 'message',
  )
  const lookBack = Math.max(METRICS_WINDOW_MS, ...rules.map((r) => r.lookBackMs)) + CONVERSATION_GAP_MS
  const contactIds = await dueContacts(
    tx,
    workspaceId,
    after,
    now,
    size,
    thresholdsOf(rules, lookBack),
    lookBack,
  )
  if (contactIds.length === 0) return { contacts: 0, firings: 0, last: null }
  const histories = await loadHistories(tx, contactIds, {
    since: new Date(now.getTime() - lookBack),
    until: now,
    now,
  })
  const states = await loadContactStates(tx, contactIds)
  const metrics = refreshMetrics(histories, states, now)
  const memory = await loadFiringMemory(tx, contactIds, rules)
  const paused = (await pausedIntentsByWorkspace(tx, [workspaceId])).get(workspaceId)
  const firings: Firing[] = []
  if (rules.length > 0) {
    for (const id of contactIds) {
      const history = histories.get(id)
      const contact = states.get(id)
      if (!history || !contact) continue
      const ctx = {
        anchor: now.getTime(),
        current: history.inbound.at(-1) ?? null,
        inbound: history.inbound,
        starts: history.starts,
        contact,
        pausedIntents: paused,
      }
      firings.push(...runRules(rules, 'schedule', ctx, memory))
    }
  }
  const applied = await applyFirings(tx, firings)
  await writeMetrics(tx, metrics, now)
  return { contacts: contactIds.length, firings: applied.length, last: contactIds.at(-1) ?? null }
}

/** Time-since-last-message thresholds whose passing changes something, in seconds. */
function thresholdsOf(rules: CompiledRule[], lookBack: number): number[] {
  const out = new Set<number>([Math.ceil((lookBack + DAY_MS) / 1000)])
  for (const r of rules)
    for (const c of [...r.definition.conditions.all, ...r.definition.conditions.any])
      if (c.type === 'inactive') out.add(Math.ceil((c.days * DAY_MS) / 1000))
  return [...out].sort((a, b) => a - b)
}

async function dueContacts(
  tx: Executor,
  workspaceId: string,
  after: string,
  now: Date,
  size: number,
  thresholds: number[],
  lookBack: number,
): Promise<string[]> {
  const at = now.toISOString()
  const rows = await lockDue<{ id: string }>(tx, {
    table: 'contacts',
    alias: 'c',
    columns: sql`c.id`,
    due: sql`c.workspace_id = ${workspaceId} and c.id > ${after}::uuid and c.last_inbound_at is not null
      and (
        c.metrics_at is null
        or (c.metrics_at <= ${at}::timestamptz - make_interval(secs => ${STALE_MS / 1000})
            and c.last_inbound_at > ${at}::timestamptz - make_interval(secs => ${(lookBack + DAY_MS) / 1000}))
        or exists (
          select 1 from jsonb_array_elements_text(${JSON.stringify(thresholds)}::jsonb) as t(s)
          where c.last_inbound_at + make_interval(secs => t.s::float8) <= ${at}::timestamptz
            and c.metrics_at < c.last_inbound_at + make_interval(secs => t.s::float8)))`,
    orderBy: sql`c.id`,
    limit: size,
  })
  return rows.map((r) => r.id)
}

/**
 * The sweep as a scheduled job: per workspace, at each slot of `schedule` in its time zone, in
 * whichever process (API or standalone worker) claims the slot first.
 */
export function rulesSweepJob(db: Database, options: { schedule: string; logger: Logger }): ScheduledJob {
  return {
    name: 'rules-sweep',
    schedule: options.schedule,
    async run({ workspaceId }) {
      const result = await sweepRules(db, { workspaceId })
      if (result.contacts > 0) options.logger.info({ workspaceId, ...result }, 'rules sweep done')
    },
  }
}
