import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '../../db/client'
import { contacts, productCatalog } from '../../db/schema'
import { insightsFor } from '../../intelligence/message-insights'
import { ProductMatcher } from '../../intelligence/product-matcher'
import { workspaceLayers } from '../../intelligence/workspace-models'
import { NotFoundError } from '../../lib/errors'
import type { RuleAction } from '../actions'
import { compileDefinition } from './compiled-rule'
import { evaluateConditions } from './conditions'
import { type ContactState, FiringMemory, loadContactStates, loadFiringMemory } from './contact-state'
import { runRules } from './engine'
import { refreshMetrics } from './evaluate'
import {
  CONVERSATION_GAP_MS,
  conversationStarts,
  type HistoryMessage,
  loadHistories,
  METRICS_WINDOW_MS,
} from './history'
import {
  checkDefinition,
  definitionShape,
  identityShape,
  type RuleDefinition,
  ruleDefinitionSchema,
} from './rule-definition'
import { findRule } from './rule-service'
import { MAX_TEXT_CHARS, textOfUnstored } from './text-match'

/** A rule to try: a stored one by id, or a definition (identity fields optional). */
export const dryRunRequestSchema = z
  .object({
    rule: z
      .object({
        ...definitionShape,
        key: identityShape.key.optional(),
        name: identityShape.name.optional(),
        description: identityShape.description.optional(),
        enabled: identityShape.enabled.optional(),
        position: identityShape.position.optional(),
      })
      .strict()
      .superRefine(checkDefinition)
      .optional(),
    rule_id: z.string().uuid().optional(),
    /** Evaluate for this contact (their history, tags, fields, earlier firings). */
    contact_id: z.string().uuid().optional(),
    /** As if this message had just arrived (from the contact, or from a blank new contact). */
    text: z.string().min(1).max(MAX_TEXT_CHARS).optional(),
    /** The moment to evaluate at (default now). */
    at: z.string().datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((r) => (r.rule === undefined) !== (r.rule_id === undefined), {
    message: 'give exactly one of rule or rule_id',
  })
  .refine((r) => r.contact_id !== undefined || r.text !== undefined, {
    message: 'give contact_id, text or both',
  })
export type DryRunRequest = z.infer<typeof dryRunRequestSchema>

export interface DryRunResult {
  fires: boolean
  /** Why it does not fire although its conditions may hold. */
  blocked_by: 'disabled' | 'once_per_contact' | 'cooldown' | 'no_change' | 'conditions' | null
  trigger: 'message' | 'schedule'
  explanation: string
  conditions: { group: 'all' | 'any'; type: string; passed: boolean; detail: string }[]
  /** What it would do (actions that change nothing are left out). */
  actions: RuleAction[]
  /** How the given text was read. */
  message: {
    intent: string
    confidence: number
    sentiment: number
    language: string
    products: string[]
  } | null
}

const DRY_ID = -1

/** Says whether a rule fires for a contact or a text, and why; writes nothing. */
export async function dryRunRule(
  db: Database,
  workspaceId: string,
  req: DryRunRequest,
): Promise<DryRunResult> {
  const anchor = req.at ? new Date(req.at) : new Date()
  const stored = req.rule_id ? await findRule(db, workspaceId, req.rule_id) : null
  const definition = (stored ? stored.definition : req.rule) as RuleDefinition
  const rule = compileDefinition(
    {
      id: stored?.id ?? '00000000-0000-0000-0000-000000000000',
      workspaceId,
      key: stored?.key ?? req.rule?.key ?? 'dry_run',
      name: stored?.name ?? req.rule?.name ?? 'Dry run',
      position: 0,
      enabled: true,
    },
    stored ? ruleDefinitionSchema.parse(definition) : definition,
  )
  const trigger =
    rule.definition.trigger === 'schedule' || (rule.definition.trigger === 'both' && !req.text)
      ? 'schedule'
      : 'message'

  let contact: ContactState = blankContact(workspaceId)
  let inbound: HistoryMessage[] = []
  let memory = new FiringMemory()
  if (req.contact_id) {
    const [row] = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, req.contact_id)))
    if (!row) throw new NotFoundError('No such contact in this workspace.')
    const lookBack = Math.max(METRICS_WINDOW_MS, rule.lookBackMs) + CONVERSATION_GAP_MS
    const histories = await loadHistories(db, [row.id], {
      since: new Date(anchor.getTime() - lookBack),
      until: anchor,
      now: anchor,
    })
    const states = await loadContactStates(db, [row.id])
    refreshMetrics(histories, states, anchor)
    contact = states.get(row.id) ?? contact
    inbound = histories.get(row.id)?.inbound ?? []
    if (stored) memory = await loadFiringMemory(db, [row.id], [rule])
  }

  let message: DryRunResult['message'] = null
  const textOverride = new Map<number, ReturnType<typeof textOfUnstored>>()
  if (req.text) {
    // Read as the workspace's own messages are read: with what its reps taught.
    const layers = (await workspaceLayers(db, [workspaceId])).get(workspaceId)
    const insights = insightsFor('text', req.text, layers)
    const products = (await productMatcher(db, workspaceId)).match(req.text)
    message = insights ? { ...insights, products } : null
    inbound = [
      ...inbound,
      {
        id: DRY_ID,
        at: anchor.getTime(),
        type: 'text',
        text: req.text,
        intent: insights?.intent ?? null,
        confidence: insights?.confidence ?? null,
        sentiment: insights?.sentiment ?? null,
        language: insights?.language ?? null,
        products,
      },
    ]
    textOverride.set(DRY_ID, textOfUnstored(req.text))
    if (!req.contact_id) contact.language = insights?.language ?? null
  }

  const ctx = {
    anchor: anchor.getTime(),
    current: inbound.at(-1) ?? null,
    inbound,
    starts: conversationStarts(inbound),
    contact,
    textOverride,
  }
  const verdict = evaluateConditions(rule, ctx, true)
  const last = memory.lastFired(rule.id, contact.id)
  const [firing] = runRules([rule], trigger, ctx, memory)
  const d = rule.definition
  const disabled = stored !== null && !stored.enabled
  const blocked: DryRunResult['blocked_by'] = disabled
    ? 'disabled'
    : firing
      ? null
      : !verdict.passed
        ? 'conditions'
        : d.once_per_contact && last !== undefined
          ? 'once_per_contact'
          : d.cooldown_hours != null && last !== undefined
            ? 'cooldown'
            : 'no_change'
  return {
    fires: Boolean(firing) && !disabled,
    blocked_by: blocked,
    trigger,
    explanation: verdict.explanation,
    conditions: verdict.results.map((r) => ({
      group: r.group,
      type: r.type,
      passed: r.passed,
      detail: r.detail,
    })),
    actions: firing?.actions ?? [],
    message,
  }
}

function blankContact(workspaceId: string): ContactState {
  return {
    id: '00000000-0000-0000-0000-000000000000',
    workspaceId,
    segment: null,
    priority: 'normal',
    optIn: 'unknown',
    language: null,
    sentiment: null,
    activityScore: null,
    inquiryFrequency: null,
    messages30d: null,
    attributes: {},
    tags: new Set(),
    lastInboundAt: null,
    pausedUntil: null,
    churnRiskAt: null,
  }
}

async function productMatcher(db: Database, workspaceId: string): Promise<ProductMatcher> {
  const rows = await db
    .select({ sku: productCatalog.sku, name: productCatalog.name, aliases: productCatalog.aliases })
    .from(productCatalog)
    .where(eq(productCatalog.workspaceId, workspaceId))
  return new ProductMatcher(rows.map((r) => ({ sku: r.sku, names: [r.name, ...r.aliases] })))
}
