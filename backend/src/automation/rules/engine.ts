import { isJobAction, type RuleAction } from '../actions'
import type { CompiledRule } from './compiled-rule'
import { type EvalContext, evaluateConditions } from './conditions'
import type { ContactState, FiringMemory } from './contact-state'
import { DAY_MS } from './history'

/** A rule that fired for a person: why, and the actions that change something. */
export interface Firing {
  rule: CompiledRule
  contactId: string
  workspaceId: string
  /** The evaluated moment (ms). */
  at: number
  /** The message evaluated (message trigger), for the queued jobs. */
  messageId: number | null
  explanation: string
  messageIds: number[]
  dedupeKey: string
  actions: RuleAction[]
}

/** A follow-up task is not created again while one from the same rule is open and this recent. */
export const TASK_REPEAT_MS = 7 * DAY_MS

/**
 * Runs a workspace's rules, in position order, for one person at one moment. Actions apply to
 * `ctx.contact` as they fire, so later rules see them. A rule whose conditions hold but whose
 * actions would change nothing (the tag is there, the segment is already set) does not fire: a
 * standing condition does not pile up firings on every message.
 */
export function runRules(
  rules: CompiledRule[],
  trigger: 'message' | 'schedule',
  ctx: EvalContext,
  memory: FiringMemory,
): Firing[] {
  const out: Firing[] = []
  const contact = ctx.contact
  for (const rule of rules) {
    const d = rule.definition
    if (!rule.enabled || (d.trigger !== 'both' && d.trigger !== trigger)) continue
    const last = memory.lastFired(rule.id, contact.id)
    if (d.once_per_contact && last !== undefined) continue
    if (d.cooldown_hours != null && last !== undefined && ctx.anchor - last < d.cooldown_hours * 3_600_000)
      continue
    const verdict = evaluateConditions(rule, ctx)
    if (!verdict.passed) continue
    const actions = d.actions.filter((a) => applyToState(a, contact, ctx.anchor, rule.id, memory))
    // `stop` follows the conditions, not the effect: a VIP rule whose tag is already there still
    // keeps the automated replies after it away from this message.
    if (actions.length === 0) {
      if (d.stop) break
      continue
    }
    memory.remember(rule.id, contact.id, ctx.anchor)
    out.push({
      rule,
      contactId: contact.id,
      workspaceId: contact.workspaceId,
      at: ctx.anchor,
      messageId: trigger === 'message' ? (ctx.current?.id ?? null) : null,
      explanation: verdict.explanation,
      messageIds: verdict.messageIds,
      dedupeKey: dedupeKeyOf(rule, trigger, ctx),
      actions,
    })
    if (d.stop) break
  }
  return out
}

/**
 * `rule_firings (rule, contact, dedupe_key)` is unique, so the same evaluation replayed (a retried
 * batch, two sweeps racing) writes nothing twice. Once-only rules share one key per contact; a
 * message rule fires at most once per message; a schedule rule once per cool-down period, or,
 * without a cool-down, once per silence (until the person writes again).
 */
function dedupeKeyOf(rule: CompiledRule, trigger: 'message' | 'schedule', ctx: EvalContext): string {
  const d = rule.definition
  if (d.once_per_contact) return 'once'
  if (trigger === 'message' && ctx.current) return `message:${ctx.current.id}`
  if (d.cooldown_hours != null) return `at:${ctx.anchor}`
  const last = ctx.contact.lastInboundAt ?? ctx.inbound.at(-1)?.at ?? 0
  return `quiet:${last}`
}

/** Applies a state action to the in-memory contact; false when it would change nothing. */
function applyToState(
  a: RuleAction,
  c: ContactState,
  at: number,
  ruleId: string,
  memory: FiringMemory,
): boolean {
  if (isJobAction(a)) return true
  switch (a.type) {
    case 'add_tag':
      if (c.tags.has(a.tag)) return false
      c.tags.add(a.tag)
      return true
    case 'remove_tag':
      return c.tags.delete(a.tag)
    case 'set_segment':
      if (c.segment === a.segment) return false
      c.segment = a.segment
      return true
    case 'set_priority':
      if (c.priority === a.priority) return false
      c.priority = a.priority
      return true
    case 'set_churn_risk':
      if ((c.churnRiskAt !== null) === a.at_risk) return false
      c.churnRiskAt = a.at_risk ? at : null
      return true
    case 'pause_automation': {
      const until = at + a.hours * 3_600_000
      if (c.pausedUntil !== null && c.pausedUntil >= until) return false
      c.pausedUntil = until
      return true
    }
    case 'create_task': {
      if (memory.tasks(ruleId, c.id).some((created) => at - created < TASK_REPEAT_MS)) return false
      memory.addTask(ruleId, c.id, at)
      return true
    }
  }
}
