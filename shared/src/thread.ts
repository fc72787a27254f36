import { z } from 'zod'
import { threadMessageSchema } from './message'

/** The intents the product recognises in customer messages. */
export const intentSchema = z.enum([
  'order_status',
  'price_discount',
  'product_inquiry',
  'store_location',
  'complaint',
  'quote',
  'human_request',
  'purchase_intent',
  'other',
])
export type Intent = z.infer<typeof intentSchema>

/**
 * Below this calibrated confidence an intent is shown as a suggestion, not a fact: on the
 * development set, predictions under 0.8 were right two times in three, those above 99 in 100
 * (README "Intelligence").
 */
export const INTENT_SUGGESTION_BELOW = 0.8

/** Something the product derived about a contact, with why, for the card to explain. */
export const contactIntentSchema = z.object({
  value: intentSchema,
  confidence: z.number().min(0).max(1),
  /** True when the confidence is too low to state the intent as a fact: show it as a guess. */
  suggestion: z.boolean().optional(),
  reason: z.string(),
  at: z.string(),
})
export const contactSentimentSchema = z.object({
  /** 0 = negative, 0.5 = neutral, 1 = positive; a moving average of the person's messages. */
  score: z.number().min(0).max(1),
  label: z.enum(['negative', 'neutral', 'positive']),
  reason: z.string(),
  at: z.string(),
})

/** Why a rule set something: the rule, the messages behind it and a sentence. */
export const insightReasonSchema = z.object({
  rule_key: z.string().nullable().optional(),
  message_ids: z.array(z.string()).optional(),
  note: z.string(),
})
export type InsightReasonView = z.infer<typeof insightReasonSchema>

export const SEGMENT_VALUES = ['new', 'potential', 'high_intent', 'customer', 'at_risk', 'lost'] as const
/** Where the person is in the funnel; `reason` is the sentence, `why` the rule and messages. */
export const contactSegmentSchema = z.object({
  value: z.enum(SEGMENT_VALUES),
  reason: z.string().nullable(),
  why: insightReasonSchema.nullable().optional(),
  at: z.string().nullable(),
})
export const contactPrioritySchema = z.object({
  value: z.enum(['low', 'normal', 'high']),
  reason: z.string().nullable(),
  why: insightReasonSchema.nullable().optional(),
})
/** Present only while the person is at risk of churning. */
export const contactChurnRiskSchema = z.object({
  at_risk: z.literal(true),
  level: z.literal('high'),
  reason: z.string().nullable(),
  why: insightReasonSchema.nullable().optional(),
  at: z.string(),
})

export const contactViewSchema = z.object({
  id: z.string(),
  phone: z.string().nullable(),
  bsuid: z.string().nullable(),
  name: z.string().nullable(),
  profile_name: z.string().nullable(),
  email: z.string().nullable(),
  opt_in: z.enum(['unknown', 'opted_in', 'opted_out']),
  marketing_opt_out: z.boolean(),
  last_inbound_at: z.string().nullable(),
  last_outbound_at: z.string().nullable(),
  automation_paused_until: z.string().nullable().optional(),
  intent: contactIntentSchema.nullable().optional(),
  sentiment: contactSentimentSchema.nullable().optional(),
  /** Products the person asked about, most mentioned first. */
  interests: z
    .array(
      z.object({
        sku: z.string(),
        name: z.string().nullable(),
        mentions: z.number().int(),
        last_at: z.string(),
      }),
    )
    .optional(),
  segment: contactSegmentSchema.nullable().optional(),
  priority: contactPrioritySchema.nullable().optional(),
  churn_risk: contactChurnRiskSchema.nullable().optional(),
  /** 0–100 from recency and frequency (README "Rules"). */
  activity_score: z.number().nullable().optional(),
  /** Conversations a week over the last 30 days. */
  inquiry_frequency: z.number().nullable().optional(),
  messages_30d: z.number().int().nullable().optional(),
  median_response_seconds: z.number().nullable().optional(),
  metrics_at: z.string().nullable().optional(),
})
export type ContactView = z.infer<typeof contactViewSchema>

export const tagViewSchema = z.object({
  id: z.string(),
  key: z.string(),
  label: z.string(),
  source: z.enum(['manual', 'rule', 'crm']),
  added_at: z.string(),
  /** Why a rule added it (absent for tags people added). */
  reason: insightReasonSchema.nullable().optional(),
})
export type TagView = z.infer<typeof tagViewSchema>

/** The 24-hour customer-service window: free text only while it is open. */
export const windowViewSchema = z.object({
  state: z.enum(['open', 'closed']),
  open_until: z.string().nullable(),
})
export type WindowView = z.infer<typeof windowViewSchema>

/** A number or BSUID the person stopped using, and what replaced it (newest first in a thread). */
export const identityChangeViewSchema = z.object({
  kind: z.enum(['phone', 'bsuid']),
  from: z.string(),
  /** Null when a merge brought the old value in and the survivor kept its own. */
  to: z.string().nullable(),
  reason: z.enum(['number_change', 'bsuid_change', 'merge']),
  at: z.string(),
})
export type IdentityChangeView = z.infer<typeof identityChangeViewSchema>

/** Why two contacts look like one person: a code the card can key on and the words to show. */
export const duplicateReasonViewSchema = z.object({
  code: z.string(),
  detail: z.string(),
})

/** Another contact that is probably the same person, waiting for a review. */
export const duplicateHintSchema = z.object({
  candidate_id: z.string(),
  score: z.number().min(0).max(1),
  other: z.object({
    id: z.string(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  reasons: z.array(duplicateReasonViewSchema),
})
export type DuplicateHint = z.infer<typeof duplicateHintSchema>

/**
 * The one thing every card asks for. `messages` are oldest first within the page; `next_cursor`
 * loads the page of older messages, null when there are none.
 */
export const threadViewSchema = z.object({
  contact: contactViewSchema.nullable(),
  tags: z.array(tagViewSchema),
  window: windowViewSchema,
  messages: z.array(threadMessageSchema),
  next_cursor: z.string().nullable(),
  /** Numbers and BSUIDs the person used before, newest first (absent from older servers). */
  identity_changes: z.array(identityChangeViewSchema).optional(),
  /** Open duplicate candidates of this contact, best first (absent from older servers). */
  duplicates: z.array(duplicateHintSchema).optional(),
  /**
   * `YYYY-MM`: the person's messages sent before this month are in the workspace's archive (past
   * its retention) and not in `messages`; an admin can restore the month. Null when none are.
   */
  archived_before: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .nullable()
    .optional(),
})
export type ThreadView = z.infer<typeof threadViewSchema>

export const THREAD_PAGE_DEFAULT = 30
export const THREAD_PAGE_MAX = 100
