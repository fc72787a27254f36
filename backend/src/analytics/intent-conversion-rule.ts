import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import type { RaisedAlert } from './alert-rules'
import type { AnalyticsSettings } from './analytics-settings'
import { addDays, periodEnd, periodStart } from './report-period'

/** Weeks of qualified contacts judged at once: enough contacts to mean something. */
export const COHORT_WEEKS = 4

/**
 * Buying intents whose conversion to an order fell under their target. Judged each Monday for
 * the contacts first qualified by the intent in the four local weeks before the week that just
 * ended (`weekStart`), each given at least that week to order; orders until the end of that week
 * count. Too few contacts say nothing, so intents under the minimum are not judged; a rate equal
 * to the target is not under it.
 */
export async function intentConversion(
  db: Executor,
  workspaceId: string,
  weekStart: string,
  timeZone: string,
  settings: AnalyticsSettings,
): Promise<RaisedAlert[]> {
  const targets = settings.alerts.intent_conversion_percent
  const intents = Object.keys(targets)
  if (intents.length === 0) return []
  const cohort = {
    workspaceId,
    from: addDays(weekStart, -7 * COHORT_WEEKS),
    to: addDays(weekStart, -1),
    timeZone,
  }
  const until = periodEnd({ workspaceId, from: weekStart, to: addDays(weekStart, 6), timeZone })
  const rows = await queryRows<{ intent: string; qualified: number; ordered: number }>(
    db,
    sql`select qualified_intent as intent, count(*)::int as qualified,
          count(*) filter (where ordered_at is not null and ordered_at < ${until})::int as ordered
        from analytics_funnel
        where workspace_id = ${workspaceId} and qualified_at >= ${periodStart(cohort)} and qualified_at < ${periodEnd(cohort)}
          and qualified_intent in (select value from jsonb_array_elements_text(${JSON.stringify(intents)}::jsonb))
        group by 1 order by 1`,
  )
  const minimum = settings.alerts.intent_conversion_min_contacts
  return rows.flatMap((r) => {
    const target = targets[r.intent as keyof typeof targets] as number
    // Integers, so 12.0 % is not under 12 %.
    if (r.qualified < minimum || r.ordered * 100 >= target * r.qualified) return []
    const percent = Math.round((r.ordered / r.qualified) * 10_000) / 100
    return [
      {
        rule: 'intent_conversion' as const,
        subject: r.intent,
        period: `week of ${weekStart}`,
        figures: {
          target_percent: target,
          conversion_percent: percent,
          qualified: r.qualified,
          ordered: r.ordered,
          cohort_from: cohort.from,
          cohort_to: cohort.to,
        },
        suggestion: `${percent} % of the contacts who first asked with intent ${r.intent} between ${cohort.from} and ${cohort.to} ordered, against a target of ${target} %: read a sample of those threads, check the answers and quick replies given to that question, and whether an offer or a faster reply would close them.`,
      },
    ]
  })
}
