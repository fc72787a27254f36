import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { localDay, localWeek, periodEnd, periodStart, type ReportPeriod } from './report-period'

export const FUNNEL_GROUPS = ['none', 'day', 'week', 'intent', 'payment_method', 'campaign'] as const
export type FunnelGroup = (typeof FUNNEL_GROUPS)[number]

export interface FunnelRow {
  group: string
  /** Contacts whose first message fell in the period (the cohort). */
  contacts: number
  /** …of whom wrote a buying intent (price/discount, product inquiry, quote, purchase intent). */
  qualified: number
  /** …of whom showed an order (a cart order or an order-status question), so far. */
  ordered: number
  qualified_rate: number | null
  /** Ordered among qualified contacts, the rate an intent is judged by. */
  qualified_order_rate: number | null
}

export interface FunnelReport {
  total: FunnelRow
  rows: FunnelRow[]
}

const rate = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000

/**
 * First contact → qualified → order for the contacts first seen in the period, overall and per
 * local day or week of first contact, per qualifying intent (among qualified contacts), per first
 * payment method mentioned (`not_mentioned` without one), or per click-to-WhatsApp ad of the first
 * message that came from one (`organic` for the others).
 */
export async function funnelReport(
  db: Executor,
  period: ReportPeriod,
  group: FunnelGroup,
): Promise<FunnelReport> {
  const tz = period.timeZone
  const key =
    group === 'day'
      ? localDay(sql`first_contact_at`, tz)
      : group === 'week'
        ? localWeek(sql`first_contact_at`, tz)
        : group === 'intent'
          ? sql`coalesce(qualified_intent, 'unqualified')`
          : group === 'payment_method'
            ? sql`coalesce(payment_method, 'not_mentioned')`
            : group === 'campaign'
              ? sql`coalesce(campaign, 'organic')`
              : sql`'all'`
  const query = (k: typeof key) =>
    queryRows<Record<string, string>>(
      db,
      sql`select ${k} as "group", count(*) as contacts,
            count(qualified_at) as qualified,
            count(ordered_at) as ordered,
            count(*) filter (where qualified_at is not null and ordered_at is not null) as qualified_ordered
          from analytics_funnel
          where workspace_id = ${period.workspaceId}
            and first_contact_at >= ${periodStart(period)} and first_contact_at < ${periodEnd(period)}
          group by 1 order by 1`,
    )
  const toRow = (r: Record<string, string>): FunnelRow => {
    const contacts = Number(r.contacts)
    const qualified = Number(r.qualified)
    return {
      group: r.group as string,
      contacts,
      qualified,
      ordered: Number(r.ordered),
      qualified_rate: rate(qualified, contacts),
      qualified_order_rate: rate(Number(r.qualified_ordered), qualified),
    }
  }
  const [total] = await query(sql`'all'`)
  return {
    total: total
      ? toRow(total)
      : {
          group: 'all',
          contacts: 0,
          qualified: 0,
          ordered: 0,
          qualified_rate: null,
          qualified_order_rate: null,
        },
    rows: group === 'none' ? [] : (await query(key)).map(toRow),
  }
}
