import type { CompiledRule } from './compiled-rule'
import type { ContactState } from './contact-state'
import { DAY_MS, type HistoryMessage, startsBetween } from './history'
import { type Comparison, type Condition, type MessageMatch, type Window, windowMs } from './rule-definition'
import { type TextOfMessage, textOf } from './text-match'

/** What a rule is evaluated against: one person at one moment. */
export interface EvalContext {
  /** The evaluated moment (ms): the message's time, or the sweep's clock. */
  anchor: number
  /** The message being evaluated; for the sweep, the person's latest message (or none). */
  current: HistoryMessage | null
  /** The person's messages up to `anchor`, oldest first. */
  inbound: HistoryMessage[]
  /** Conversation start times, oldest first. */
  starts: number[]
  contact: ContactState
  /** Text of a message not stored (dry runs); stored ones are read through the cache. */
  textOverride?: Map<number, TextOfMessage>
  /**
   * Intents whose automations are paused in the workspace: reps' corrections showed them read
   * right less than 80 % of the time and no admin has confirmed yet (intelligence/intent-accuracy).
   */
  pausedIntents?: ReadonlySet<string>
}

export interface ConditionResult {
  passed: boolean
  /**
   * Plain words for the firing's explanation and the thread's "why". Lazy: most evaluations do
   * not fire, and building sentences for them was a good part of the engine's time.
   */
  describe: () => string
  messageIds: number[]
}

const SYMBOL: Record<Comparison, string> = { gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=' }

export function compare(n: number, op: Comparison, value: number): boolean {
  switch (op) {
    case 'gt':
      return n > value
    case 'gte':
      return n >= value
    case 'lt':
      return n < value
    case 'lte':
      return n <= value
    case 'eq':
      return n === value
  }
}

export function describeWindow(w: Window): string {
  const hours = windowMs(w) / 3_600_000
  if (hours % 24 === 0) return hours === 24 ? '24 hours' : `${hours / 24} days`
  return `${round(hours)} hours`
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits
const quote = (words: string[]) =>
  [...new Set(words.map((w) => w.trim()))]
    .slice(0, 5)
    .map((w) => `"${w}"`)
    .join(', ')

interface MessageVerdict {
  ok: boolean
  mentions: number
  found: string[]
}

/** Does one message meet every criterion of `match`? */
export function matchMessage(
  m: HistoryMessage,
  match: MessageMatch,
  rule: Pick<CompiledRule, 'matcher'>,
  ctx: Pick<EvalContext, 'textOverride' | 'pausedIntents'>,
): MessageVerdict {
  const none = { ok: false, mentions: 0, found: [] }
  if (match.intents) {
    if (!m.intent || !(match.intents as string[]).includes(m.intent)) return none
    if ((m.confidence ?? 0) < match.min_confidence) return none
    if (ctx.pausedIntents?.has(m.intent)) return none
  }
  if (match.sentiment_below !== undefined && !(m.sentiment !== null && m.sentiment < match.sentiment_below))
    return none
  if (
    match.sentiment_at_least !== undefined &&
    !(m.sentiment !== null && m.sentiment >= match.sentiment_at_least)
  )
    return none
  if (match.languages && !(match.languages as string[]).includes(m.language ?? '')) return none
  if (match.mentions_product !== undefined && (m.products?.length ?? 0) > 0 !== match.mentions_product)
    return none
  const matcher = rule.matcher(match)
  if (!matcher) return { ok: true, mentions: 1, found: [] }
  if (!m.text) return none
  const text = ctx.textOverride?.get(m.id) ?? textOf(m.id, m.text)
  const hit = matcher.count(text)
  return hit.n > 0 ? { ok: true, mentions: hit.n, found: hit.found } : none
}

/** A short description of what a match looks for (and, given the message, what it showed). */
function describeMatch(match: MessageMatch, found: string[], m?: HistoryMessage): string {
  const parts: string[] = []
  if (found.length) parts.push(quote(found))
  else if (match.text?.regex && !match.text.terms) parts.push(`/${match.text.regex}/`)
  if (match.intents)
    parts.push(
      m?.intent && (match.intents as string[]).includes(m.intent)
        ? `intent ${m.intent} (${Math.round((m.confidence ?? 0) * 100)}%)`
        : `intent ${match.intents.join(' or ')}`,
    )
  const mood =
    m?.sentiment !== null && m?.sentiment !== undefined ? `sentiment ${round(m.sentiment)}` : 'sentiment'
  if (match.sentiment_below !== undefined) parts.push(`${mood} < ${match.sentiment_below}`)
  if (match.sentiment_at_least !== undefined) parts.push(`${mood} ≥ ${match.sentiment_at_least}`)
  if (match.languages) parts.push(`in ${match.languages.join('/')}`)
  if (match.mentions_product !== undefined)
    parts.push(match.mentions_product ? 'naming a product' : 'naming no product')
  return parts.join(', ')
}

export function evaluateCondition(c: Condition, rule: CompiledRule, ctx: EvalContext): ConditionResult {
  switch (c.type) {
    case 'message': {
      if (!ctx.current)
        return { passed: false, describe: () => 'no message from them to look at', messageIds: [] }
      const current = ctx.current
      const v = matchMessage(current, c.match, rule, ctx)
      return {
        passed: v.ok,
        describe: () =>
          `their message ${v.ok ? 'matches' : 'does not match'} ${describeMatch(c.match, v.found, current)}`,
        messageIds: v.ok ? [ctx.current.id] : [],
      }
    }
    case 'count': {
      const from = ctx.anchor - windowMs(c.window)
      let n = 0
      const ids: number[] = []
      const found: string[] = []
      for (const m of ctx.inbound) {
        if (m.at < from || m.at > ctx.anchor) continue
        const v = matchMessage(m, c.match, rule, ctx)
        if (!v.ok) continue
        n += c.unit === 'mentions' ? v.mentions : 1
        ids.push(m.id)
        found.push(...v.found)
      }
      const passed = compare(n, c.op, c.value)
      const unit =
        c.unit === 'mentions' ? (n === 1 ? 'mention' : 'mentions') : n === 1 ? 'message' : 'messages'
      return {
        passed,
        describe: () =>
          `${n} ${unit}${c.unit === 'mentions' ? ' of' : ' with'} ${describeMatch(c.match, found)} in the last ${describeWindow(c.window)} (needs ${SYMBOL[c.op]} ${c.value})`,
        messageIds: ids,
      }
    }
    case 'last_messages': {
      const last = ctx.inbound.slice(-c.count)
      const from = c.within ? ctx.anchor - windowMs(c.within) : Number.NEGATIVE_INFINITY
      const found: string[] = []
      let passed = last.length === c.count
      for (const m of last) {
        const v = matchMessage(m, c.match, rule, ctx)
        if (!v.ok || m.at < from) passed = false
        found.push(...v.found)
      }
      return {
        passed,
        describe: () =>
          passed
            ? `their last ${c.count} messages all match ${describeMatch(c.match, found)}${c.within ? ` within ${describeWindow(c.within)}` : ''}`
            : `their last ${c.count} messages do not all match ${describeMatch(c.match, [])}`,
        messageIds: passed ? last.map((m) => m.id) : [],
      }
    }
    case 'interactions': {
      const n = startsBetween(ctx.starts, ctx.anchor - windowMs(c.window), ctx.anchor)
      const passed = (c.min === undefined || n >= c.min) && (c.max === undefined || n <= c.max)
      const range = () =>
        c.min !== undefined && c.max !== undefined
          ? c.min === c.max
            ? `${c.min}`
            : `${c.min}–${c.max}`
          : c.min !== undefined
            ? `≥ ${c.min}`
            : `≤ ${c.max}`
      return {
        passed,
        describe: () =>
          `${n} conversation${n === 1 ? '' : 's'} in the last ${describeWindow(c.window)} (needs ${range()})`,
        messageIds: [],
      }
    }
    case 'inactive': {
      const last = Math.max(
        ctx.contact.lastInboundAt ?? Number.NEGATIVE_INFINITY,
        ctx.inbound.at(-1)?.at ?? 0,
      )
      if (!Number.isFinite(last) || last <= 0)
        return { passed: false, describe: () => 'they never wrote', messageIds: [] }
      const days = (ctx.anchor - last) / DAY_MS
      return {
        passed: ctx.anchor - last > c.days * DAY_MS,
        describe: () => `no message from them for ${Math.floor(days)} days (needs more than ${c.days})`,
        messageIds: ctx.inbound.length ? [(ctx.inbound.at(-1) as HistoryMessage).id] : [],
      }
    }
    case 'rate_drop': {
      const recentFrom = ctx.anchor - c.recent_days * DAY_MS
      const baselineFrom = recentFrom - c.baseline_weeks * 7 * DAY_MS
      const baseline = ctx.starts.filter((s) => s >= baselineFrom && s < recentFrom).length / c.baseline_weeks
      const recent = startsBetween(ctx.starts, recentFrom, ctx.anchor)
      return {
        passed: baseline >= c.baseline_min_per_week && recent <= c.recent_max,
        describe: () =>
          `${round(baseline, 1)} conversations a week over the ${c.baseline_weeks} weeks before, ${recent} in the last ${c.recent_days} days (needs ≥ ${c.baseline_min_per_week} then ≤ ${c.recent_max})`,
        messageIds: ctx.current ? [ctx.current.id] : [],
      }
    }
    case 'contact':
      return contactCondition(c, ctx)
    case 'tag': {
      const has = ctx.contact.tags.has(c.tag)
      return {
        passed: has === c.present,
        describe: () => `${has ? 'has' : 'does not have'} tag ${c.tag}`,
        messageIds: [],
      }
    }
  }
}

type Scalar = string | number | boolean | null

function fieldValue(field: string, ctx: EvalContext): Scalar | undefined {
  const c = ctx.contact
  switch (field) {
    case 'segment':
      return c.segment
    case 'priority':
      return c.priority
    case 'opt_in':
      return c.optIn
    case 'language':
      return c.language
    case 'sentiment':
      return c.sentiment
    case 'activity_score':
      return c.activityScore
    case 'inquiry_frequency':
      return c.inquiryFrequency
    case 'messages_30d':
      return c.messages30d
    case 'automation_paused':
      return c.pausedUntil !== null && c.pausedUntil > ctx.anchor
    default:
      return field.startsWith('attributes.') ? c.attributes[field.slice('attributes.'.length)] : undefined
  }
}

function contactCondition(c: Extract<Condition, { type: 'contact' }>, ctx: EvalContext): ConditionResult {
  const v = fieldValue(c.field, ctx)
  const present = v !== undefined && v !== null && v !== ''
  const same = (a: Scalar | undefined, b: Scalar) =>
    a === b ||
    (a !== undefined && a !== null && b !== null && String(a).toLowerCase() === String(b).toLowerCase())
  let passed: boolean
  switch (c.op) {
    case 'exists':
      passed = present
      break
    case 'not_exists':
      passed = !present
      break
    case 'eq':
      passed = same(v, c.value as Scalar)
      break
    case 'ne':
      passed = !same(v, c.value as Scalar)
      break
    case 'in':
      passed = (c.value as Scalar[]).some((x) => same(v, x))
      break
    case 'not_in':
      passed = !(c.value as Scalar[]).some((x) => same(v, x))
      break
    default: {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN
      passed = Number.isFinite(n) && compare(n, c.op, c.value as number)
    }
  }
  const describe = () => {
    const shown = present ? JSON.stringify(v) : 'empty'
    const wanted =
      c.op === 'exists' || c.op === 'not_exists'
        ? c.op.replace('_', ' ')
        : `${c.op} ${JSON.stringify(c.value)}`
    return `${c.field} is ${shown} (needs ${wanted})`
  }
  return { passed, describe, messageIds: [] }
}

export interface RuleVerdict {
  passed: boolean
  explanation: string
  messageIds: number[]
  /** Every condition with its verdict (only with `explainAll`; otherwise those evaluated). */
  results: { group: 'all' | 'any'; type: Condition['type']; passed: boolean; detail: string }[]
}

/**
 * All of `all` and, when `any` is not empty, at least one of `any`. Stops at the first `all`
 * that fails and the first `any` that holds, unless `explainAll` (dry runs) asks for every verdict.
 */
export function evaluateConditions(rule: CompiledRule, ctx: EvalContext, explainAll = false): RuleVerdict {
  const done: (ConditionResult & { group: 'all' | 'any'; type: Condition['type'] })[] = []
  let allPassed = true
  for (const c of rule.definition.conditions.all) {
    const r = evaluateCondition(c, rule, ctx)
    done.push({ ...r, group: 'all', type: c.type })
    if (!r.passed) {
      allPassed = false
      if (!explainAll) break
    }
  }
  let anyPassed = rule.definition.conditions.any.length === 0
  if (allPassed || explainAll) {
    for (const c of rule.definition.conditions.any) {
      const r = evaluateCondition(c, rule, ctx)
      done.push({ ...r, group: 'any', type: c.type })
      if (r.passed) {
        anyPassed = true
        if (!explainAll) break
      }
    }
  }
  const passed = allPassed && anyPassed
  if (!passed && !explainAll) return { passed, explanation: '', messageIds: [], results: [] }
  const shown = passed ? done.filter((r) => r.passed) : done.filter((r) => !r.passed)
  const ids = [...new Set(shown.flatMap((r) => r.messageIds))].sort((a, b) => a - b).slice(-20)
  const results = explainAll
    ? done.map((r) => ({ group: r.group, type: r.type, passed: r.passed, detail: r.describe() }))
    : []
  return { passed, explanation: shown.map((r) => r.describe()).join('; '), messageIds: ids, results }
}
