import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import type { Database, Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import type { ScheduledJob } from '../jobs/scheduler'
import type { Logger } from '../lib/logger'
import { reportCsv } from './report-csv'
import { localDate } from './report-period'
import { analyticsContext } from './workspace-context'

/** A conversation whose customer wrote last: nobody (person or automation) has answered since. */
export interface UnreadConversation {
  contact_id: string
  business_number: string
  /** The first customer message nobody has answered yet. */
  waiting_since: string
  minutes_waiting: number
  messages_waiting: number
  last_intent: string | null
  segment: string | null
  /** `<provider>:<object type>:<record id>` of each CRM record linked to the contact, `;`-separated. */
  crm_records: string
}

/**
 * Every unanswered conversation of a workspace at `at`, longest waiting first. The latest visible
 * message per contact comes from the thread index (one index probe per contact), so the nightly
 * pass never scans history. No customer number, name or words are written: the export outlives
 * erasure requests, so it names contacts by id and CRM record only.
 */
export async function unreadConversations(
  db: Executor,
  workspaceId: string,
  at: Date,
): Promise<UnreadConversation[]> {
  const rows = await queryRows<{
    contact_id: string
    business_number: string
    waiting_since: Date | string
    messages_waiting: number
    last_intent: string | null
    segment: string | null
    crm_records: string | null
  }>(
    db,
    sql`select c.id::text as contact_id, ch.display_phone_number as business_number,
               w.waiting_since, w.messages_waiting, c.last_intent, c.segment,
               (select string_agg(cc.provider || ':' || l.object_type || ':' || l.record_id, ';' order by cc.provider, l.record_id)
                  from crm_record_links l join crm_connections cc on cc.id = l.connection_id
                 where l.contact_id = c.id and l.role <> 'deleted') as crm_records
          from contacts c
          join lateral (select m.direction, m.channel_id, m.sent_at from messages m
                         where m.contact_id = c.id and m.thread_visible and m.sent_at <= ${at}
                         order by m.sent_at desc, m.id desc limit 1) last on last.direction = 'inbound'
          join whatsapp_channels ch on ch.id = last.channel_id
          join lateral (select min(m.sent_at) as waiting_since, count(*)::int as messages_waiting
                          from messages m
                         where m.contact_id = c.id and m.thread_visible and m.direction = 'inbound'
                           and m.sent_at <= ${at}
                           and m.sent_at > coalesce((select max(o.sent_at) from messages o
                                                      where o.contact_id = c.id and o.thread_visible
                                                        and o.direction = 'outbound' and o.sent_at <= ${at}),
                                                    '-infinity'::timestamptz)) w on true
         where c.workspace_id = ${workspaceId}::uuid
         order by w.waiting_since, c.id`,
  )
  return rows.map((r) => {
    const since = new Date(r.waiting_since)
    return {
      contact_id: r.contact_id,
      business_number: r.business_number,
      waiting_since: since.toISOString(),
      minutes_waiting: Math.floor((at.getTime() - since.getTime()) / 60_000),
      messages_waiting: r.messages_waiting,
      last_intent: r.last_intent,
      segment: r.segment,
      crm_records: r.crm_records ?? '',
    }
  })
}

export interface UnreadExportOptions {
  /** Cron pattern in each workspace's time zone; the brief asks for 2 a.m. */
  schedule: string
  /** Files go to `<dir>/<workspace id>/unread-<local date>.csv`. */
  dir: string
  /** Older files are removed after each run. */
  keepDays: number
  logger: Logger
}

/**
 * The nightly export of unanswered conversations, so the morning shift starts from a list. Runs on
 * the shared scheduler (one run per workspace and night among all processes; each run logged in
 * job_runs with its duration and outcome). The file is named by the workspace's local date.
 */
export function unreadExportJob(db: Database, options: UnreadExportOptions): ScheduledJob {
  return {
    name: 'unread-export',
    schedule: options.schedule,
    async run({ workspaceId, scheduledFor }) {
      const { timeZone } = await analyticsContext(db, workspaceId)
      const rows = await unreadConversations(db, workspaceId, scheduledFor)
      const dir = join(options.dir, workspaceId)
      await mkdir(dir, { recursive: true, mode: 0o700 })
      const day = localDate(scheduledFor, timeZone)
      const file = join(dir, `unread-${day}.csv`)
      await writeFile(file, rows.length ? reportCsv(rows as unknown as Record<string, unknown>[]) : HEADER, {
        mode: 0o600,
      })
      await prune(dir, day, options.keepDays)
      options.logger.info({ workspaceId, conversations: rows.length, file }, 'unread conversations exported')
    },
  }
}

const COLUMNS: (keyof UnreadConversation)[] = [
  'contact_id',
  'business_number',
  'waiting_since',
  'minutes_waiting',
  'messages_waiting',
  'last_intent',
  'segment',
  'crm_records',
]
/** A night with nothing waiting still writes the file, so "no file" always means "did not run". */
const HEADER = `${COLUMNS.join(',')}\n`

/** Removes exports whose local date is more than `keepDays` before `today` (both YYYY-MM-DD). */
async function prune(dir: string, today: string, keepDays: number): Promise<void> {
  const cutoff = Date.parse(`${today}T00:00:00Z`) - keepDays * 86_400_000
  for (const name of await readdir(dir)) {
    const day = /^unread-(\d{4}-\d{2}-\d{2})\.csv$/.exec(name)?.[1]
    if (day && Date.parse(`${day}T00:00:00Z`) < cutoff) await rm(join(dir, name), { force: true })
  }
}
