import { intentSchema } from '@scrm/shared'
import { z } from 'zod'
import { PRIORITIES, SEGMENTS } from '../../db/schema'
import { jobActionSchema, keySchema, stateActionSchema } from '../actions'
import { checkRegex, checkTerm, MAX_REGEX_CHARS, MAX_TERM_CHARS } from './text-match'

/**
 * What a workspace rule is: when it runs (trigger), what must hold (conditions) and what it does
 * (actions, see ../actions.ts). The API validates with these schemas and the `rules.definition`
 * column stores the parsed result, so a stored rule always carries its defaults.
 */

/**
 * The actions of ../actions.ts as one discriminated union, so a bad action is reported field by
 * field ("actions.0.quick_reply: …") instead of "Invalid input" from a union of unions.
 */
export const actionSchema = z.discriminatedUnion('type', [
  ...stateActionSchema.options,
  ...jobActionSchema.options,
])

export const RULE_LANGUAGES = ['en', 'pt', 'es', 'zh'] as const

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
/** The longest look-back a condition may ask for: the history the engine loads grows with it. */
export const MAX_WINDOW_DAYS = 90

const key = keySchema

/** A rolling duration ending at the evaluated moment: `{ days: 7 }`, `{ hours: 36 }` or both added. */
export const windowSchema = z
  .object({
    days: z.number().min(0).max(MAX_WINDOW_DAYS).optional(),
    hours: z
      .number()
      .min(0)
      .max(MAX_WINDOW_DAYS * 24)
      .optional(),
  })
  .strict()
  .refine((w) => windowMs(w) > 0, { message: 'give days and/or hours, more than zero in total' })
  .refine((w) => windowMs(w) <= MAX_WINDOW_DAYS * DAY_MS, {
    message: `a window is at most ${MAX_WINDOW_DAYS} days`,
  })
export type Window = z.infer<typeof windowSchema>
export const windowMs = (w: { days?: number; hours?: number }) =>
  (w.days ?? 0) * DAY_MS + (w.hours ?? 0) * HOUR_MS

const term = z
  .string()
  .trim()
  .min(1)
  .max(MAX_TERM_CHARS)
  .superRefine((t, ctx) => {
    const problem = checkTerm(t)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
const termList = z.array(term).max(100)

/**
 * Words and phrases, listed per language for people to read and edit; every list is matched
 * against every message, because the language of a two-word message is often unknowable.
 */
export const textMatchSchema = z
  .object({
    terms: z
      .object({
        any: termList.optional(),
        en: termList.optional(),
        pt: termList.optional(),
        es: termList.optional(),
        zh: termList.optional(),
      })
      .strict()
      .optional(),
    /** RE2 syntax (linear time), run on the normalised text: lower case, no accents, half width. */
    regex: z
      .string()
      .min(1)
      .max(MAX_REGEX_CHARS)
      .superRefine((r, ctx) => {
        const problem = checkRegex(r)
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      })
      .optional(),
  })
  .strict()
  .refine((t) => termCount(t) > 0 || t.regex !== undefined, {
    message: 'give at least one term or a regex',
  })
  .refine((t) => termCount(t) <= 200, { message: 'at most 200 terms in one condition' })
export type TextMatch = z.infer<typeof textMatchSchema>

const termCount = (t: { terms?: Partial<Record<string, string[]>> }) =>
  Object.values(t.terms ?? {}).reduce((n, list) => n + (list?.length ?? 0), 0)

/** What one customer message must show; every given criterion must hold. */
export const messageMatchSchema = z
  .object({
    text: textMatchSchema.optional(),
    intents: z.array(intentSchema).min(1).max(9).optional(),
    /** Least model confidence for `intents` (0..1). */
    min_confidence: z.number().min(0).max(1).default(0.5),
    /** Sentiment (0 = negative, 1 = positive) strictly below this. */
    sentiment_below: z.number().min(0).max(1).optional(),
    sentiment_at_least: z.number().min(0).max(1).optional(),
    languages: z.array(z.enum(RULE_LANGUAGES)).min(1).optional(),
    /** The message names a product of the workspace catalogue. */
    mentions_product: z.boolean().optional(),
  })
  .strict()
  .refine(
    (m) =>
      m.text !== undefined ||
      m.intents !== undefined ||
      m.sentiment_below !== undefined ||
      m.sentiment_at_least !== undefined ||
      m.languages !== undefined ||
      m.mentions_product !== undefined,
    {
      message:
        'give at least one of text, intents, sentiment_below, sentiment_at_least, languages, mentions_product',
    },
  )
export type MessageMatch = z.infer<typeof messageMatchSchema>

export const COMPARISONS = ['gt', 'gte', 'lt', 'lte', 'eq'] as const
export type Comparison = (typeof COMPARISONS)[number]

export const CONTACT_FIELDS = [
  'segment',
  'priority',
  'opt_in',
  'language',
  'sentiment',
  'activity_score',
  'inquiry_frequency',
  'messages_30d',
  'automation_paused',
] as const
const contactField = z.union([
  z.enum(CONTACT_FIELDS),
  z.string().regex(/^attributes\.[A-Za-z0-9_.-]{1,64}$/, {
    message: `use one of ${CONTACT_FIELDS.join(', ')} or attributes.<key>`,
  }),
])
const scalar = z.union([z.string().max(200), z.number(), z.boolean(), z.null()])

export const conditionSchema = z.discriminatedUnion('type', [
  /** The message being evaluated (for schedule rules: the person's latest message). */
  z.object({ type: z.literal('message'), match: messageMatchSchema }).strict(),
  /** How many messages (or mentions of the terms) in a rolling window. */
  z
    .object({
      type: z.literal('count'),
      match: messageMatchSchema,
      unit: z.enum(['messages', 'mentions']).default('messages'),
      window: windowSchema,
      op: z.enum(COMPARISONS),
      value: z.number().int().min(0).max(10_000),
    })
    .strict()
    .refine((c) => c.unit !== 'mentions' || c.match.text !== undefined, {
      message: 'counting mentions needs match.text',
      path: ['unit'],
    }),
  /** The person's last `count` messages (this one included) all match: "too expensive" twice in a row. */
  z
    .object({
      type: z.literal('last_messages'),
      count: z.number().int().min(1).max(20),
      match: messageMatchSchema,
      /** Optionally, all of them inside this window. */
      within: windowSchema.optional(),
    })
    .strict(),
  /** Conversations (see README: a gap of more than 30 min starts a new one) in a window. */
  z
    .object({
      type: z.literal('interactions'),
      window: windowSchema,
      min: z.number().int().min(0).max(10_000).optional(),
      max: z.number().int().min(0).max(10_000).optional(),
    })
    .strict()
    .refine((c) => c.min !== undefined || c.max !== undefined, { message: 'give min and/or max' })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
      message: 'min must not exceed max',
    }),
  /** No message from the person for more than `days` (schedule rules only). */
  z.object({ type: z.literal('inactive'), days: z.number().positive().max(3650) }).strict(),
  /**
   * The interaction rate fell: at least `baseline_min_per_week` conversations a week over the
   * `baseline_weeks` before the recent period, and at most `recent_max` in the last `recent_days`.
   */
  z
    .object({
      type: z.literal('rate_drop'),
      baseline_weeks: z.number().int().min(1).max(12).default(4),
      baseline_min_per_week: z.number().positive().max(1000).default(2.5),
      recent_days: z.number().positive().max(30).default(7),
      recent_max: z.number().int().min(0).max(1000).default(1),
    })
    .strict(),
  /** A contact field: segment, priority, opt_in, language, sentiment, metrics or attributes.<key>. */
  z
    .object({
      type: z.literal('contact'),
      field: contactField,
      op: z.enum(['eq', 'ne', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte', 'exists', 'not_exists']),
      value: z.union([scalar, z.array(scalar).max(50)]).optional(),
    })
    .strict()
    .superRefine((c, ctx) => {
      const list = c.op === 'in' || c.op === 'not_in'
      const none = c.op === 'exists' || c.op === 'not_exists'
      if (none && c.value !== undefined)
        ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.op} takes no value` })
      if (!none && c.value === undefined)
        ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.op} needs a value` })
      if (list && !Array.isArray(c.value))
        ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.op} needs a list` })
      if (!list && Array.isArray(c.value))
        ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.op} needs a single value` })
      if (['gt', 'gte', 'lt', 'lte'].includes(c.op) && typeof c.value !== 'number')
        ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.op} compares numbers` })
      const allowed = c.field === 'segment' ? SEGMENTS : c.field === 'priority' ? PRIORITIES : null
      const values = Array.isArray(c.value) ? c.value : [c.value]
      if (allowed && !none && values.some((v) => v !== null && !(allowed as readonly unknown[]).includes(v)))
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: `${c.field} is one of ${allowed.join(', ')}`,
        })
    }),
  /** A tag is on the contact (or not). */
  z.object({ type: z.literal('tag'), tag: key, present: z.boolean().default(true) }).strict(),
])
export type Condition = z.infer<typeof conditionSchema>

export const TRIGGERS = ['message', 'schedule', 'both'] as const
export type Trigger = (typeof TRIGGERS)[number]

export const definitionShape = {
  /** `message`: each new customer message; `schedule`: the periodic sweep; `both`. */
  trigger: z.enum(TRIGGERS).default('message'),
  /** Fires when every `all` condition holds and, if `any` is given, at least one of those. */
  conditions: z
    .object({
      all: z.array(conditionSchema).max(20).default([]),
      any: z.array(conditionSchema).max(20).default([]),
    })
    .strict(),
  actions: z.array(actionSchema).min(1).max(10),
  /** Fire at most once per contact, ever (a discount code, say). */
  once_per_contact: z.boolean().default(false),
  /** After firing for a contact, wait this long before firing for them again (null: no wait). */
  cooldown_hours: z
    .number()
    .positive()
    .max(24 * 366)
    .nullable()
    .optional(),
  /** When its conditions hold, rules after it (higher position) do not run for this message. */
  stop: z.boolean().default(false),
}

export function checkDefinition(
  d: { trigger: Trigger; conditions: { all: Condition[]; any: Condition[] } },
  ctx: z.RefinementCtx,
): void {
  const all = [...d.conditions.all, ...d.conditions.any]
  if (all.length === 0)
    ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'a rule needs at least one condition' })
  if (d.trigger !== 'schedule' && all.some((c) => c.type === 'inactive'))
    ctx.addIssue({
      code: 'custom',
      path: ['trigger'],
      message: 'an inactive condition only makes sense on the schedule trigger',
    })
}

export const ruleDefinitionSchema = z.object(definitionShape).strict().superRefine(checkDefinition)
export type RuleDefinition = z.infer<typeof ruleDefinitionSchema>

/** A rule as the API takes it: its identity and ordering plus the definition. */
export const identityShape = {
  key,
  name: z.string().trim().min(1).max(120),
  description: z.string().max(1000).default(''),
  enabled: z.boolean().default(true),
  /** Lower runs first. */
  position: z.number().int().min(0).max(10_000).default(100),
}

export const ruleInputSchema = z
  .object({
    ...identityShape,
    ...definitionShape,
    // Read-only fields of a rule as GET shows it, accepted and ignored so it can be sent back.
    id: z.string().optional(),
    builtin: z.boolean().optional(),
    created_at: z.string().optional(),
    updated_at: z.string().optional(),
  })
  .strict()
  .superRefine(checkDefinition)
export type RuleInput = z.infer<typeof ruleInputSchema>
export type RuleInputRaw = z.input<typeof ruleInputSchema>

export function definitionOf(input: RuleInput): RuleDefinition {
  return {
    trigger: input.trigger,
    conditions: input.conditions,
    actions: input.actions,
    once_per_contact: input.once_per_contact,
    ...(input.cooldown_hours != null ? { cooldown_hours: input.cooldown_hours } : {}),
    stop: input.stop,
  }
}

/** How far back a definition looks, so the engine loads enough history and no more. */
export function lookBackMs(d: RuleDefinition): number {
  let ms = 0
  for (const c of [...d.conditions.all, ...d.conditions.any]) {
    if (c.type === 'count' || c.type === 'interactions') ms = Math.max(ms, windowMs(c.window))
    if (c.type === 'last_messages' && c.within) ms = Math.max(ms, windowMs(c.within))
    if (c.type === 'rate_drop') ms = Math.max(ms, c.recent_days * DAY_MS + c.baseline_weeks * 7 * DAY_MS)
  }
  return ms
}

/** Largest number of past messages a `last_messages` condition needs. */
export function lastMessagesNeeded(d: RuleDefinition): number {
  let n = 0
  for (const c of [...d.conditions.all, ...d.conditions.any])
    if (c.type === 'last_messages') n = Math.max(n, c.count)
  return n
}
