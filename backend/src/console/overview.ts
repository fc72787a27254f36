import { sql } from 'drizzle-orm'
import { analyticsContext } from '../analytics/workspace-context'
import type { Database } from '../db/client'
import { queryRows } from '../db/query-rows'
import { listDeadLetters } from '../webhooks/dead-letter-service'

/** Dead letters counted up to this many: the overview says "100+" beyond it; the page lists them all. */
export const DEAD_LETTER_COUNT_CAP = 100
/** Days in the overview's chart, today included. */
export const OVERVIEW_DAYS = 14

export interface WorkspaceOverview {
  time_zone: string
  today: { inbound: number; outbound: number }
  /** Contacts who wrote in the last 24 h: free-form replies are allowed to them. */
  open_windows: number
  queues: {
    sends_waiting: number
    crm_changes_due: number
    crm_changes_parked: number
    review_open: number
    dead_letters: number
    dead_letters_capped: boolean
  }
  connections: {
    id: string
    provider: string
    account_id: string
    state: string
    last_synced_at: string | null
    last_error: string | null
  }[]
  open_alerts: number
  days: { day: string; inbound: number; outbound: number }[]
}

/**
 * The console's first page in one read. Message counts come from `analytics_activity` (quarter-hour
 * buckets a trigger keeps), summed into the workspace's own days, so the cost does not grow with
 * the number of messages or contacts; open windows use the (workspace, last_inbound_at) index.
 */
export async function workspaceOverview(
  db: Database,
  workspaceId: string,
  platform: boolean,
): Promise<WorkspaceOverview> {
  const { timeZone } = await analyticsContext(db, workspaceId)
  const days = await queryRows<{ day: string; inbound: number; outbound: number }>(
    db,
    sql`with span as (
          select generate_series(
                   (date_trunc('day', now() at time zone ${timeZone}) - interval '${sql.raw(String(OVERVIEW_DAYS - 1))} days'),
                   date_trunc('day', now() at time zone ${timeZone}),
                   interval '1 day') as local_day)
        select to_char(s.local_day, 'YYYY-MM-DD') as day,
               coalesce(sum(a.inbound), 0)::int as inbound,
               coalesce(sum(a.outbound), 0)::int as outbound
          from span s
          left join analytics_activity a
            on a.workspace_id = ${workspaceId}
           and a.bucket >= (s.local_day at time zone ${timeZone})
           and a.bucket < ((s.local_day + interval '1 day') at time zone ${timeZone})
         group by s.local_day order by s.local_day`,
  )
  const [counts] = await queryRows<{
    open_windows: number
    sends_waiting: number
    crm_changes_due: number
    crm_changes_parked: number
    review_open: number
    open_alerts: number
  }>(
    db,
    sql`select
          (select count(*)::int from contacts
            where workspace_id = ${workspaceId} and last_inbound_at > now() - interval '24 hours') as open_windows,
          (select count(*)::int from send_jobs
            where workspace_id = ${workspaceId} and state in ('queued', 'sending', 'unknown')) as sends_waiting,
          (select count(*)::int from crm_outbox o join crm_connections c on c.id = o.connection_id
            where c.workspace_id = ${workspaceId} and o.parked_at is null) as crm_changes_due,
          (select count(*)::int from crm_outbox o join crm_connections c on c.id = o.connection_id
            where c.workspace_id = ${workspaceId} and o.parked_at is not null) as crm_changes_parked,
          (select count(*)::int from crm_review_items
            where workspace_id = ${workspaceId} and status = 'open') as review_open,
          (select count(*)::int from analytics_alerts
            where workspace_id = ${workspaceId} and resolved_at is null) as open_alerts`,
  )
  const connections = await queryRows<{
    id: string
    provider: string
    account_id: string
    state: string
    last_synced_at: Date | string | null
    last_error: string | null
  }>(
    db,
    sql`select id, provider, account_id, state, last_synced_at, last_error from crm_connections
         where workspace_id = ${workspaceId} order by installed_at nulls last, id`,
  )
  const deadLetters = await listDeadLetters(db, workspaceId, platform, DEAD_LETTER_COUNT_CAP)
  const today = days[days.length - 1] ?? { inbound: 0, outbound: 0 }
  return {
    time_zone: timeZone,
    today: { inbound: today.inbound, outbound: today.outbound },
    open_windows: counts?.open_windows ?? 0,
    queues: {
      sends_waiting: counts?.sends_waiting ?? 0,
      crm_changes_due: counts?.crm_changes_due ?? 0,
      crm_changes_parked: counts?.crm_changes_parked ?? 0,
      review_open: counts?.review_open ?? 0,
      dead_letters: deadLetters.length,
      dead_letters_capped: deadLetters.length >= DEAD_LETTER_COUNT_CAP,
    },
    connections: connections.map((c) => ({
      id: c.id,
      provider: c.provider,
      account_id: c.account_id,
      state: c.state,
      last_synced_at: c.last_synced_at === null ? null : new Date(c.last_synced_at).toISOString(),
      last_error: c.last_error,
    })),
    open_alerts: counts?.open_alerts ?? 0,
    days,
  }
}
