import { type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { addDays, daysInclusive, periodEnd, periodStart, type ReportPeriod } from './report-period'

export type KeywordGroup = 'none' | 'language'
export type KeywordKind = 'all' | 'word' | 'phrase'
export type KeywordTrend = 'new' | 'rising' | 'steady' | 'falling'

export interface KeywordRow {
  /** The language with group_by=language, else `all`. */
  group: string
  kind: 'word' | 'phrase'
  term: string
  /** Customer messages in the period that used the term (a message counts once per term). */
  messages: number
  /** `messages` per customer message in the period, 0..1 (4 decimals); null without any. */
  share: number | null
  /** The same count over the period of equal length just before. */
  previous_messages: number
  /** (messages − previous) / previous, 4 decimals; null when the term is new. */
  change: number | null
  trend: KeywordTrend
}

export interface KeywordsReport {
  previous_from: string
  previous_to: string
  customer_messages: number
  rows: KeywordRow[]
}

export interface KeywordsRequest {
  group: KeywordGroup
  kind: KeywordKind
  language?: string
  limit: number
}

/**
 * A term is rising when it is used at least a quarter more than in the period before (and by at
 * least 3 more messages, so 1 → 2 is not a trend), falling when a fifth less, else steady; a term
 * nobody used before is new.
 */
export function trendOf(current: number, previous: number): KeywordTrend {
  if (previous === 0) return 'new'
  if (current >= previous * 1.25 && current - previous >= 3) return 'rising'
  if (current <= previous * 0.8 && previous - current >= 3) return 'falling'
  return 'steady'
}

/**
 * The terms customers use most in a period, per kind (and language), each with its count in the
 * period of the same length just before. Read from the daily keyword counts, never from messages.
 */
export async function keywordsReport(
  db: Executor,
  period: ReportPeriod,
  request: KeywordsRequest,
): Promise<KeywordsReport> {
  const length = daysInclusive(period.from, period.to)
  const previousFrom = addDays(period.from, -length)
  const previousTo = addDays(period.from, -1)
  const group = request.group === 'language' ? sql`language` : sql`'all'`
  const filters: SQL[] = [sql`workspace_id = ${period.workspaceId}`]
  if (request.kind !== 'all') filters.push(sql`kind = ${request.kind}`)
  if (request.language) filters.push(sql`language = ${request.language}`)
  const where = sql.join(filters, sql` and `)
  const rows = await queryRows<{
    group: string
    kind: 'word' | 'phrase'
    term: string
    messages: number
    previous: number
  }>(
    db,
    sql`
    with cur as (
      select ${group} as grp, kind, term, sum(messages)::int as messages from analytics_keywords
      where ${where} and day between ${period.from}::date and ${period.to}::date
      group by 1, 2, 3),
    top as (
      select * from (
        select *, row_number() over (partition by grp, kind order by messages desc, term) as rank from cur) ranked
      where rank <= ${request.limit}),
    prev as (
      select ${group} as grp, kind, term, sum(messages)::int as messages from analytics_keywords
      where ${where} and day between ${previousFrom}::date and ${previousTo}::date
        and term in (select term from top)
      group by 1, 2, 3)
    select top.grp as "group", top.kind, top.term, top.messages, coalesce(prev.messages, 0)::int as previous
    from top left join prev on prev.grp = top.grp and prev.kind = top.kind and prev.term = top.term
    order by top.grp, top.kind desc, top.rank`,
  )
  const customerMessages = await inboundCount(db, period)
  return {
    previous_from: previousFrom,
    previous_to: previousTo,
    customer_messages: customerMessages,
    rows: rows.map((r) => {
      const messages = Number(r.messages)
      const previous = Number(r.previous)
      return {
        group: r.group,
        kind: r.kind,
        term: r.term,
        messages,
        share: customerMessages === 0 ? null : round4(messages / customerMessages),
        previous_messages: previous,
        change: previous === 0 ? null : round4((messages - previous) / previous),
        trend: trendOf(messages, previous),
      }
    }),
  }
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000

/** Customer messages in the period, from the quarter-hour activity rollup. */
async function inboundCount(db: Executor, period: ReportPeriod): Promise<number> {
  const [row] = await queryRows<{ n: string | number | null }>(
    db,
    sql`select coalesce(sum(inbound), 0) as n from analytics_activity
        where workspace_id = ${period.workspaceId} and bucket >= ${periodStart(period)} and bucket < ${periodEnd(period)}`,
  )
  return Number(row?.n ?? 0)
}
