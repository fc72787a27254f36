import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import type { InsightReason } from '../db/schema'
import { NotFoundError } from '../lib/errors'
import { localWeek } from './report-period'
import { analyticsContext } from './workspace-context'

export interface ContactChurn {
  at_risk: boolean
  since: string | null
  reason: InsightReason | null
  /** Every mark and recovery, oldest first. */
  history: { at: string; at_risk: boolean; reason: InsightReason | null }[]
  /** The weeks the rule looks at: messages each way and the average sentiment of what they wrote. */
  weeks: { week: string; inbound: number; outbound: number; average_sentiment: number | null }[]
}

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString())

/**
 * One person's churn trend: whether the rule marks them now, every mark and recovery, and their
 * weekly interaction and mood over the last `weeks` local weeks (Monday first) — what a rep or
 * manager reads to see the fall the rule reacted to. Reads the person's own rows only (the messages
 * their thread shows, through the thread index).
 */
export async function contactChurn(
  db: Executor,
  workspaceId: string,
  contactId: string,
  weeks = 12,
): Promise<ContactChurn> {
  const [contact] = await queryRows<{
    churn_risk_at: string | null
    churn_risk_reason: InsightReason | null
  }>(
    db,
    sql`select churn_risk_at, churn_risk_reason from contacts where id = ${contactId} and workspace_id = ${workspaceId}`,
  )
  if (!contact) throw new NotFoundError('No such contact in this workspace.')
  const { timeZone } = await analyticsContext(db, workspaceId)
  const history = await queryRows<{ at: string; at_risk: boolean; reason: InsightReason | null }>(
    db,
    sql`select at, at_risk, reason from churn_risk_changes where contact_id = ${contactId} order by at, id`,
  )
  const week = localWeek(sql`sent_at`, timeZone)
  const counts = await queryRows<{
    week: string
    inbound: string
    outbound: string
    sentiment: string | null
  }>(
    db,
    sql`select ${week} as week, count(*) filter (where direction = 'inbound') as inbound,
               count(*) filter (where direction = 'outbound') as outbound,
               round((avg(sentiment) filter (where direction = 'inbound'))::numeric, 4) as sentiment
        from messages
        where contact_id = ${contactId} and thread_visible
          and sent_at >= date_trunc('week', now() at time zone ${timeZone}) at time zone ${timeZone}
                         - ${`${weeks - 1} weeks`}::interval
        group by 1`,
  )
  const byWeek = new Map(counts.map((c) => [c.week, c]))
  const [first] = await queryRows<{ monday: string }>(
    db,
    sql`select to_char(date_trunc('week', now() at time zone ${timeZone}) - ${`${weeks - 1} weeks`}::interval, 'YYYY-MM-DD') as monday`,
  )
  const start = Date.parse(`${first?.monday}T00:00:00Z`)
  return {
    at_risk: contact.churn_risk_at !== null,
    since: iso(contact.churn_risk_at),
    reason: contact.churn_risk_reason,
    history: history.map((h) => ({ at: iso(h.at) as string, at_risk: h.at_risk, reason: h.reason })),
    weeks: Array.from({ length: weeks }, (_, i) => {
      const monday = new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10)
      const c = byWeek.get(monday)
      return {
        week: monday,
        inbound: Number(c?.inbound ?? 0),
        outbound: Number(c?.outbound ?? 0),
        average_sentiment: c?.sentiment == null ? null : Number(c.sentiment),
      }
    }),
  }
}
