import { type ContactView, INTENT_SUGGESTION_BELOW } from '@scrm/shared'
import type { Contact } from '../db/schema'
import { displayPgText } from '../lib/pg-text'
import { insightFields } from './reason-view'

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}...` : text)

export function toContactView(c: Contact, intentSource: string | null = null): ContactView {
  const sentimentLabel =
    c.sentiment === null ? null : c.sentiment < 0.4 ? 'negative' : c.sentiment > 0.6 ? 'positive' : 'neutral'
  return {
    id: c.id,
    phone: c.phoneE164,
    bsuid: c.bsuid,
    // Names can come from WhatsApp profiles, stored escaped by ingest (lib/pg-text).
    name: displayPgText(c.name),
    profile_name: displayPgText(c.profileName),
    email: c.email,
    opt_in: c.optInStatus,
    marketing_opt_out: c.marketingOptOutAt !== null,
    last_inbound_at: c.lastInboundAt?.toISOString() ?? null,
    last_outbound_at: c.lastOutboundAt?.toISOString() ?? null,
    automation_paused_until: c.automationPausedUntil?.toISOString() ?? null,
    intent:
      c.lastIntent && c.lastIntentAt
        ? {
            value: c.lastIntent as NonNullable<ContactView['intent']>['value'],
            confidence: c.lastIntentConfidence ?? 0,
            suggestion: (c.lastIntentConfidence ?? 0) < INTENT_SUGGESTION_BELOW,
            reason: intentSource
              ? `Their message "${excerpt(displayPgText(intentSource))}" (confidence ${Math.round((c.lastIntentConfidence ?? 0) * 100)}%)`
              : 'From their latest specific message',
            at: c.lastIntentAt.toISOString(),
          }
        : null,
    sentiment:
      c.sentiment !== null && sentimentLabel && c.sentimentAt
        ? {
            score: Math.round(c.sentiment * 1000) / 1000,
            label: sentimentLabel,
            reason: `Moving average over ${c.sentimentMessages} message${c.sentimentMessages === 1 ? '' : 's'} from them, newest weighted most`,
            at: c.sentimentAt.toISOString(),
          }
        : null,
    ...insightFields(c),
  }
}
