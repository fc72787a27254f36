import type { WidgetContact } from '../api/schemas'
import type { Translator } from '../i18n/locale'

export const INSIGHT_KINDS = ['segment', 'intent', 'sentiment', 'churn_risk'] as const
export type InsightKind = (typeof INSIGHT_KINDS)[number]

export interface Insight {
  kind: InsightKind
  value: string
  reason: string | null
}

function describeValue(raw: string | number, i18n: Translator): string {
  if (typeof raw === 'number') return raw >= 0 && raw <= 1 ? `${Math.round(raw * 100)}%` : String(raw)
  return i18n.maybeT(`value.${raw.toLowerCase()}`) ?? raw.replace(/_/g, ' ')
}

/** The contact's insights, each with its value in the user's language and why the product thinks so. */
export function insightsOf(contact: WidgetContact, i18n: Translator): Insight[] {
  const out: Insight[] = []
  for (const kind of INSIGHT_KINDS) {
    const raw = contact[kind]
    if (raw === null || raw === undefined || raw === '') continue
    if (typeof raw === 'string' || typeof raw === 'number') {
      out.push({ kind, value: describeValue(raw, i18n), reason: null })
      continue
    }
    const value = raw.label ?? raw.value ?? raw.level ?? raw.score
    if (value === null || value === undefined || value === '') continue
    out.push({ kind, value: describeValue(value, i18n), reason: raw.reason ?? raw.why?.note ?? null })
  }
  return out
}
