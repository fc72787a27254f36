import { type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import type { AnalyticsSettings } from './analytics-settings'
import { localDay, localWeek, periodEnd, periodStart, type ReportPeriod } from './report-period'

export const COST_GROUPS = ['none', 'day', 'week'] as const
export type CostGroup = (typeof COST_GROUPS)[number]

export interface CostRow {
  group: string
  /** Billable messages per Meta pricing category. */
  billable: Record<string, number>
  cost: number
  conversations: number
  /** Cost divided by the 24-hour conversations that began in the group; null without any. */
  cost_per_conversation: number | null
}

export interface CostReport {
  currency: string
  /** Categories billed in the period that the rate card has no price for (counted at 0). */
  unpriced_categories: string[]
  total: CostRow
  rows: CostRow[]
}

/** Money in the rate card's unit, rounded to 6 decimals so sums do not carry float noise. */
const round = (n: number) => Math.round(n * 1e6) / 1e6

const keyOf = (group: CostGroup, tz: string): SQL =>
  group === 'day' ? localDay(sql`bucket`, tz) : group === 'week' ? localWeek(sql`bucket`, tz) : sql`'all'`

/** What Meta billed, priced with the workspace's rate card, and per 24-hour conversation. */
export async function costReport(
  db: Executor,
  period: ReportPeriod,
  group: CostGroup,
  settings: AnalyticsSettings,
): Promise<CostReport> {
  const inPeriod = sql`workspace_id = ${period.workspaceId} and bucket >= ${periodStart(period)} and bucket < ${periodEnd(period)}`
  const key = keyOf(group, period.timeZone)
  const billed = await queryRows<{ group: string; category: string; messages: string }>(
    db,
    sql`select ${key} as "group", category, sum(messages) as messages
        from analytics_billable where ${inPeriod} group by 1, 2 order by 1, 2`,
  )
  const conversations = await queryRows<{ group: string; conversations: string }>(
    db,
    sql`select ${key} as "group", sum(conversations) as conversations
        from analytics_activity where ${inPeriod} group by 1 order by 1`,
  )
  const rates = settings.rate_card.rates
  const rows = new Map<string, CostRow>()
  const row = (g: string): CostRow => {
    let r = rows.get(g)
    if (!r) {
      r = { group: g, billable: {}, cost: 0, conversations: 0, cost_per_conversation: null }
      rows.set(g, r)
    }
    return r
  }
  const unpriced = new Set<string>()
  const total: CostRow = {
    group: 'all',
    billable: {},
    cost: 0,
    conversations: 0,
    cost_per_conversation: null,
  }
  for (const b of billed) {
    const n = Number(b.messages)
    const rate = rates[b.category]
    if (rate === undefined) unpriced.add(b.category)
    for (const r of [row(b.group), total]) {
      r.billable[b.category] = (r.billable[b.category] ?? 0) + n
      r.cost += n * (rate ?? 0)
    }
  }
  for (const c of conversations) {
    const n = Number(c.conversations)
    if (n === 0 && !rows.has(c.group)) continue
    row(c.group).conversations += n
    total.conversations += n
  }
  const finish = (r: CostRow): CostRow => ({
    ...r,
    cost: round(r.cost),
    cost_per_conversation: r.conversations === 0 ? null : round(r.cost / r.conversations),
  })
  return {
    currency: settings.rate_card.currency,
    unpriced_categories: [...unpriced].sort(),
    total: finish(total),
    rows:
      group === 'none' ? [] : [...rows.values()].sort((a, b) => a.group.localeCompare(b.group)).map(finish),
  }
}
