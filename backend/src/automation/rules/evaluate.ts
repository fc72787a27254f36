import type { Executor } from '../../db/client'
import { pausedIntentsByWorkspace } from '../../intelligence/intent-accuracy'
import { applyFirings } from './apply-firings'
import { type ContactState, loadContactStates, loadFiringMemory } from './contact-state'
import { type Firing, runRules } from './engine'
import {
  CONVERSATION_GAP_MS,
  type ContactHistory,
  inboundUpTo,
  loadHistories,
  METRICS_WINDOW_MS,
} from './history'
import { type ContactMetrics, metricsOf, writeMetrics } from './metrics'
import { loadEnabledRules } from './rule-store'

/** Contacts evaluated between two yields to the event loop. */
const YIELD_EVERY = 16

/** A customer message stored by this ingest batch (not a redelivery). */
export interface NewInboundMessage {
  id: number
  workspaceId: string
  contactId: string
  sentAt: Date
}

/**
 * Runs the workspaces' message rules on every new customer message of an ingest batch and
 * refreshes the metrics of the people who wrote, inside the ingest transaction. Batched: the rules,
 * the people's recent history, their contact rows and the firing memory are each one statement for
 * the whole batch; evaluation is in memory; the results are a few multi-row statements.
 */
export async function evaluateRules(
  tx: Executor,
  inbound: NewInboundMessage[],
  now = new Date(),
): Promise<Firing[]> {
  if (inbound.length === 0) return []
  const workspaceIds = [...new Set(inbound.map((m) => m.workspaceId))].sort()
  const contactIds = [...new Set(inbound.map((m) => m.contactId))].sort()
  const rulesByWorkspace = await loadEnabledRules(tx, workspaceIds)
  const allRules = [...rulesByWorkspace.values()].flat()
  const times = inbound.map((m) => m.sentAt.getTime())
  const lookBack = Math.max(METRICS_WINDOW_MS, ...allRules.map((r) => r.lookBackMs)) + CONVERSATION_GAP_MS
  const histories = await loadHistories(tx, contactIds, {
    since: new Date(Math.min(now.getTime(), ...times) - lookBack),
    until: new Date(Math.max(now.getTime(), ...times)),
    now,
  })
  const states = await loadContactStates(tx, contactIds)
  const metrics = refreshMetrics(histories, states, now)
  const memory = await loadFiringMemory(tx, contactIds, allRules)
  const paused = await pausedIntentsByWorkspace(tx, workspaceIds)

  const firings: Firing[] = []
  const byContact = groupBy(inbound, (m) => m.contactId)
  let sinceYield = 0
  for (const contactId of contactIds) {
    // Evaluation is synchronous work; the webhook acks share this event loop, so let them in.
    if (++sinceYield % YIELD_EVERY === 0) await new Promise((r) => setImmediate(r))
    const history = histories.get(contactId)
    const contact = states.get(contactId)
    if (!history || !contact) continue
    const rules = (rulesByWorkspace.get(contact.workspaceId) ?? []).filter(
      (r) => r.definition.trigger !== 'schedule',
    )
    if (rules.length === 0) continue
    const mine = (byContact.get(contactId) ?? []).sort((a, b) => +a.sentAt - +b.sentAt || a.id - b.id)
    for (const m of mine) {
      const current = history.inbound.find((h) => h.id === m.id)
      // Beyond the history cap (a very old message replayed): nothing to evaluate it against.
      if (!current) continue
      const ctx = {
        anchor: current.at,
        current,
        inbound: inboundUpTo(history, current.at, current.id),
        starts: history.starts,
        contact,
        pausedIntents: paused.get(contact.workspaceId),
      }
      firings.push(...runRules(rules, 'message', ctx, memory))
    }
  }
  const applied = await applyFirings(tx, firings)
  await writeMetrics(tx, metrics, now)
  return applied
}

/** Metrics of each contact as of `now`, also copied into the state the rules read. */
export function refreshMetrics(
  histories: Map<string, ContactHistory>,
  states: Map<string, ContactState>,
  now: Date,
): { id: string; metrics: ContactMetrics }[] {
  const out: { id: string; metrics: ContactMetrics }[] = []
  for (const [id, history] of histories) {
    const contact = states.get(id)
    if (!contact) continue
    const m = metricsOf(history, contact.lastInboundAt, now.getTime())
    contact.activityScore = m.activityScore
    contact.inquiryFrequency = m.inquiryFrequency
    contact.messages30d = m.messages30d
    out.push({ id, metrics: m })
  }
  return out
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item])
  return out
}
