import { sql } from 'drizzle-orm'
import { bigint, index, integer, jsonb, pgTable, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz, updatedAt } from './columns'
import { workspaces } from './workspaces'

/** Milliseconds since epoch of the last write to each field, for per-field last-writer-wins sync. */
export type FieldVersions = Record<string, number>

/** Why the product derived something about a contact: the rule and the messages behind it. */
export type InsightReason = {
  ruleId?: string
  ruleKey?: string
  messageIds?: number[]
  note: string
}

/** Values from the CRM or an admin: first_name, last_name, city, last_purchase_at, customer_level ... */
export type ContactAttributes = Record<string, string | number | boolean | null>

export const SEGMENTS = ['new', 'potential', 'high_intent', 'customer', 'at_risk', 'lost'] as const
export type Segment = (typeof SEGMENTS)[number]
export const PRIORITIES = ['low', 'normal', 'high'] as const
export type Priority = (typeof PRIORITIES)[number]

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    phoneE164: text('phone_e164'),
    waId: text('wa_id'),
    /** Business-scoped user id (`user_id`, e.g. `US.1349…`): the only key for username users. */
    bsuid: text('bsuid'),
    parentBsuid: text('parent_bsuid'),
    username: text('username'),
    /** The name the person set in WhatsApp, as last seen. */
    profileName: text('profile_name'),
    /** The name we use; filled from the profile only while empty, so CRM or agent edits win. */
    name: text('name'),
    email: text('email'),
    optInStatus: text('opt_in_status', { enum: ['unknown', 'opted_in', 'opted_out'] })
      .notNull()
      .default('unknown'),
    optInSource: text('opt_in_source'),
    optInAt: tstz('opt_in_at'),
    marketingOptOutAt: tstz('marketing_opt_out_at'),
    /** Meta said the number cannot receive WhatsApp messages (131026). */
    unreachableAt: tstz('unreachable_at'),
    /** A human took over: automated sends wait until then. */
    automationPausedUntil: tstz('automation_paused_until'),
    lastInboundAt: tstz('last_inbound_at'),
    lastOutboundAt: tstz('last_outbound_at'),
    /** The intent of the latest customer message that had one, and which message it was. */
    lastIntent: text('last_intent'),
    lastIntentConfidence: real('last_intent_confidence'),
    lastIntentMessageId: bigint('last_intent_message_id', { mode: 'number' }),
    lastIntentAt: tstz('last_intent_at'),
    /** Moving average of the sentiment of the person's messages (0..1) and how many it covers. */
    sentiment: real('sentiment'),
    sentimentMessages: bigint('sentiment_messages', { mode: 'number' }).notNull().default(0),
    sentimentAt: tstz('sentiment_at'),
    /** Set by rules (and CRM edits): where the person is in the funnel, and why. */
    segment: text('segment', { enum: SEGMENTS }),
    segmentReason: jsonb('segment_reason').$type<InsightReason>(),
    segmentAt: tstz('segment_at'),
    priority: text('priority', { enum: PRIORITIES }).notNull().default('normal'),
    priorityReason: jsonb('priority_reason').$type<InsightReason>(),
    /** Interaction rate fell and the mood is bad (issue #4's churn rule); null when not at risk. */
    churnRiskAt: tstz('churn_risk_at'),
    churnRiskReason: jsonb('churn_risk_reason').$type<InsightReason>(),
    /** 0..100 from recency and frequency of the person's interactions; kept by the rules engine. */
    activityScore: real('activity_score'),
    /** Interactions (conversations, not single messages) per week over the last 30 days. */
    inquiryFrequency: real('inquiry_frequency'),
    /** Inbound plus outbound messages in the last 30 days. */
    messages30d: integer('messages_30d'),
    /** Median seconds from a customer message to our first answer, over the last 30 days. */
    medianResponseSeconds: real('median_response_seconds'),
    metricsAt: tstz('metrics_at'),
    /** Language of the person's latest message with a clear one (en, pt, es, zh). */
    language: text('language'),
    attributes: jsonb('attributes').$type<ContactAttributes>().notNull().default({}),
    fieldVersions: jsonb('field_versions').$type<FieldVersions>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('contacts_workspace_phone_uq')
      .on(t.workspaceId, t.phoneE164)
      .where(sql`${t.phoneE164} is not null`),
    uniqueIndex('contacts_workspace_bsuid_uq').on(t.workspaceId, t.bsuid).where(sql`${t.bsuid} is not null`),
    index('contacts_workspace_last_inbound_idx').on(t.workspaceId, t.lastInboundAt),
  ],
)

export type Contact = typeof contacts.$inferSelect
export type NewContact = typeof contacts.$inferInsert
