import type { ContactView, InsightReasonView } from '@scrm/shared'
import type { Contact, InsightReason, TagReason } from '../db/schema'

/** A stored reason ({ruleId, ruleKey, messageIds, note}) as the thread view shows it. */
export function reasonView(r: InsightReason | TagReason | null | undefined): InsightReasonView | null {
  if (!r || (!r.note && !r.ruleKey)) return null
  return {
    rule_key: r.ruleKey ?? null,
    message_ids: (r.messageIds ?? []).map(String),
    note: r.note ?? `Set by rule ${r.ruleKey}`,
  }
}

/** Segment, priority, churn risk and activity metrics of a contact, for the thread view. */
export function insightFields(
  c: Contact,
): Pick<
  ContactView,
  | 'segment'
  | 'priority'
  | 'churn_risk'
  | 'activity_score'
  | 'inquiry_frequency'
  | 'messages_30d'
  | 'median_response_seconds'
  | 'metrics_at'
> {
  const segmentWhy = reasonView(c.segmentReason)
  const priorityWhy = reasonView(c.priorityReason)
  const churnWhy = reasonView(c.churnRiskReason)
  return {
    segment: c.segment
      ? {
          value: c.segment,
          reason: segmentWhy?.note ?? null,
          why: segmentWhy,
          at: c.segmentAt?.toISOString() ?? null,
        }
      : null,
    priority: { value: c.priority, reason: priorityWhy?.note ?? null, why: priorityWhy },
    churn_risk: c.churnRiskAt
      ? {
          at_risk: true,
          level: 'high',
          reason: churnWhy?.note ?? null,
          why: churnWhy,
          at: c.churnRiskAt.toISOString(),
        }
      : null,
    activity_score: c.activityScore,
    inquiry_frequency: c.inquiryFrequency,
    messages_30d: c.messages30d,
    median_response_seconds: c.medianResponseSeconds,
    metrics_at: c.metricsAt?.toISOString() ?? null,
  }
}
