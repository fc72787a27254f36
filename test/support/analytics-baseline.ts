import { sql } from 'drizzle-orm'
import type { ReportPeriod } from '../../backend/src/analytics/report-period'
import type { Executor } from '../../backend/src/db/client'
import { queryRows } from '../../backend/src/db/query-rows'
import { compareText } from '../../backend/src/lib/compare-text'

/**
 * The reports' answers computed from the raw tables (messages, message_status_events) in one SQL
 * statement each, with no rollup: the definitions of the analytics migration restated as window
 * functions over all history. Tests and the benchmark compare the reports with these.
 */

/** Every answer a person gave, from messages alone (arrival order = id). */
export const rawResponses = (workspaceId: string) => sql`
  with m as (
    select id, contact_id, direction, sent_at, coalesce(agent_id, sender) as agent,
      (direction = 'outbound' and sender in ('agent', 'business_app')) as human,
      max(sent_at) over (partition by contact_id order by id rows between unbounded preceding and 1 preceding) as prev_max
    from messages where workspace_id = ${workspaceId} and thread_visible
  ), c as (
    select *, sum(case when prev_max is null or sent_at > prev_max + interval '24 hours' then 1 else 0 end)
        over (partition by contact_id order by id) as conversation,
      coalesce(sum(human::int) over (partition by contact_id order by id rows between unbounded preceding and 1 preceding), 0) as answers_before
    from m
  ), waits as (
    select contact_id, answers_before as answer_no, min(sent_at) as asked_at
    from c where direction = 'inbound' group by contact_id, answers_before
  ), answers as (
    select c.id, c.contact_id, c.agent, c.sent_at as responded_at, c.conversation, w.asked_at
    from c join waits w on w.contact_id = c.contact_id and w.answer_no = c.answers_before
    where c.human
  )
  select id as message_id, contact_id, agent, asked_at, responded_at,
    greatest(0, floor(extract(epoch from responded_at - asked_at)))::int as seconds,
    row_number() over (partition by contact_id, conversation order by id) = 1 as first
  from answers`

type RawServiceGroup = 'none' | 'day' | 'week' | 'agent'

const rawServiceKey = (group: RawServiceGroup, timeZone: string) =>
  group === 'day'
    ? sql`to_char(responded_at at time zone ${timeZone}, 'YYYY-MM-DD')`
    : group === 'week'
      ? sql`to_char(date_trunc('week', responded_at at time zone ${timeZone}), 'YYYY-MM-DD')`
      : group === 'agent'
        ? sql`agent`
        : sql`'all'`

/** The service report's figures per group from raw messages (one `percentile_disc` query). */
export async function rawService(db: Executor, p: ReportPeriod, group: RawServiceGroup) {
  const rows = await queryRows<Record<string, string | number | null>>(
    db,
    sql`select ${rawServiceKey(group, p.timeZone)} as "group", count(*)::int as responses,
          percentile_disc(0.5) within group (order by seconds) as median,
          percentile_disc(0.9) within group (order by seconds) as p90,
          count(*) filter (where first)::int as first_responses,
          percentile_disc(0.5) within group (order by seconds) filter (where first) as first_median,
          percentile_disc(0.9) within group (order by seconds) filter (where first) as first_p90,
          count(business)::int as business_responses,
          percentile_disc(0.5) within group (order by business) as business_median,
          percentile_disc(0.9) within group (order by business) as business_p90,
          percentile_disc(0.5) within group (order by business) filter (where first) as first_business_median,
          percentile_disc(0.9) within group (order by business) filter (where first) as first_business_p90
        from (
          select r.*, scrm_business_seconds(asked_at, responded_at, w.settings -> 'analytics' -> 'business_hours',
            coalesce(w.settings -> 'locale' ->> 'time_zone', 'UTC')) as business
          from (${rawResponses(p.workspaceId)}) r, workspaces w where w.id = ${p.workspaceId}
        ) r
        where responded_at >= (${p.from}::date::timestamp at time zone ${p.timeZone})
          and responded_at < ((${p.to}::date + 1)::timestamp at time zone ${p.timeZone})
        group by 1`,
  )
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  return rows
    .map((row) => ({
      group: String(row.group),
      responses: Number(row.responses ?? 0),
      median_seconds: n(row.median),
      p90_seconds: n(row.p90),
      first_responses: Number(row.first_responses ?? 0),
      first_median_seconds: n(row.first_median),
      first_p90_seconds: n(row.first_p90),
      business_responses: Number(row.business_responses ?? 0),
      business_median_seconds: n(row.business_median),
      business_p90_seconds: n(row.business_p90),
      first_business_median_seconds: n(row.first_business_median),
      first_business_p90_seconds: n(row.first_business_p90),
    }))
    .sort((a, b) => compareText(a.group, b.group))
}

/** The service report's total from raw messages. */
export async function rawServiceTotal(db: Executor, p: ReportPeriod) {
  const [row] = await rawService(db, p, 'none')
  const { group: _group, ...figures } = row ?? {
    group: 'all',
    responses: 0,
    median_seconds: null,
    p90_seconds: null,
    first_responses: 0,
    first_median_seconds: null,
    first_p90_seconds: null,
    business_responses: 0,
    business_median_seconds: null,
    business_p90_seconds: null,
    first_business_median_seconds: null,
    first_business_p90_seconds: null,
  }
  return figures
}

/** Per local day: messages each way, complaints and conversations begun, from raw messages. */
export async function rawDailyActivity(db: Executor, p: ReportPeriod) {
  const rows = await queryRows<Record<string, string>>(
    db,
    sql`with m as (
          select *, max(sent_at) over (partition by contact_id order by id rows between unbounded preceding and 1 preceding) as prev_max
          from messages where workspace_id = ${p.workspaceId} and thread_visible
        )
        select to_char(sent_at at time zone ${p.timeZone}, 'YYYY-MM-DD') as day,
          count(*) filter (where direction = 'inbound') as inbound,
          count(*) filter (where direction = 'outbound') as outbound,
          count(*) filter (where direction = 'inbound' and intent = 'complaint') as complaints,
          count(*) filter (where prev_max is null or sent_at > prev_max + interval '24 hours') as conversations
        from m
        where sent_at >= (${p.from}::date::timestamp at time zone ${p.timeZone})
          and sent_at < ((${p.to}::date + 1)::timestamp at time zone ${p.timeZone})
        group by 1 order by 1`,
  )
  return rows.map((r) => ({
    day: r.day as string,
    inbound: Number(r.inbound),
    outbound: Number(r.outbound),
    complaints: Number(r.complaints),
    conversations: Number(r.conversations),
  }))
}

/** Hour-of-week cells from raw messages. */
export async function rawHourOfWeek(db: Executor, p: ReportPeriod) {
  const rows = await queryRows<Record<string, string>>(
    db,
    sql`select extract(isodow from sent_at at time zone ${p.timeZone})::int as weekday,
          extract(hour from sent_at at time zone ${p.timeZone})::int as hour,
          count(*) filter (where direction = 'inbound') as inbound,
          count(*) filter (where direction = 'outbound') as outbound
        from messages
        where workspace_id = ${p.workspaceId} and thread_visible
          and sent_at >= (${p.from}::date::timestamp at time zone ${p.timeZone})
          and sent_at < ((${p.to}::date + 1)::timestamp at time zone ${p.timeZone})
        group by 1, 2 order by 1, 2`,
  )
  return rows.map((r) => ({
    weekday: Number(r.weekday),
    hour: Number(r.hour),
    inbound: Number(r.inbound),
    outbound: Number(r.outbound),
  }))
}

/** Billable messages per category (first billable status of each message) from raw status events. */
export async function rawBillable(db: Executor, p: ReportPeriod) {
  const rows = await queryRows<{ category: string; n: string }>(
    db,
    sql`with firsts as (
          select distinct on (channel_id, wamid) occurred_at, coalesce(pricing ->> 'category', 'unknown') as category
          from message_status_events
          where workspace_id = ${p.workspaceId} and pricing ->> 'billable' = 'true'
          order by channel_id, wamid, id
        )
        select category, count(*) as n from firsts
        where occurred_at >= (${p.from}::date::timestamp at time zone ${p.timeZone})
          and occurred_at < ((${p.to}::date + 1)::timestamp at time zone ${p.timeZone})
        group by 1 order by 1`,
  )
  return Object.fromEntries(rows.map((r) => [r.category, Number(r.n)]))
}

/** Funnel totals from raw messages: contacts first seen in the period, qualified, ordered. */
export async function rawFunnel(db: Executor, p: ReportPeriod) {
  const [row] = await queryRows<Record<string, string>>(
    db,
    sql`with per as (
          select contact_id,
            bool_or(direction = 'inbound' and intent in ('price_discount', 'product_inquiry', 'quote', 'purchase_intent')) as qualified,
            bool_or(direction = 'inbound' and (type = 'order' or intent = 'order_status')) as ordered,
            (array_agg(sent_at order by id))[1] as first_arrival_at
          from messages where workspace_id = ${p.workspaceId} and thread_visible group by contact_id
        )
        select count(*) as contacts, count(*) filter (where qualified) as qualified,
          count(*) filter (where ordered) as ordered,
          count(*) filter (where qualified and ordered) as qualified_ordered
        from per
        where first_arrival_at >= (${p.from}::date::timestamp at time zone ${p.timeZone})
          and first_arrival_at < ((${p.to}::date + 1)::timestamp at time zone ${p.timeZone})`,
  )
  return {
    contacts: Number(row?.contacts ?? 0),
    qualified: Number(row?.qualified ?? 0),
    ordered: Number(row?.ordered ?? 0),
    qualified_ordered: Number(row?.qualified_ordered ?? 0),
  }
}
