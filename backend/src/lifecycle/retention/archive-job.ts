import { eq, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { workspaces } from '../../db/schema'
import type { ScheduledJob } from '../../jobs/scheduler'
import type { Logger } from '../../lib/logger'
import type { MediaStorage } from '../../media/storage'
import { recordAudit } from '../audit-log'
import { archiveMonth, type MonthArchiveResult } from './archive-month'
import { notHeld } from './held'
import { retentionCutoff, retentionOf } from './retention-settings'

/** A restored month stays in the hot tables this long before the job archives it again. */
export const RESTORED_KEEP_DAYS = 30
/** Messages removed per transaction: small, so ingest never waits on the archive. */
export const ARCHIVE_BATCH_SIZE = 300
/** Shortest rest between two units of archive work. */
export const ARCHIVE_PAUSE_MS = 5
/**
 * The share of wall time the archive may keep busy: it rests as long as it worked, so a backlog
 * of months (the first run on an old workspace) never starves the acks and ingest it runs beside.
 */
export const ARCHIVE_DUTY_SHARE = 0.5

export interface ArchiveOptions {
  workspaceId: string
  now?: Date
  batchSize?: number
  pauseMs?: number
  dutyShare?: number
  readChunk?: number
}

/**
 * Archives every message of the workspace past its retention that no legal hold protects, one
 * file per month. Months restored in the last RESTORED_KEEP_DAYS are left alone.
 */
export async function archiveWorkspace(
  db: Database,
  storage: MediaStorage,
  options: ArchiveOptions,
): Promise<MonthArchiveResult[]> {
  const now = options.now ?? new Date()
  const [workspace] = await db
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, options.workspaceId))
  if (!workspace) return []
  const cutoff = retentionCutoff(retentionOf(workspace.settings).days, now)
  const restoredSince = new Date(now.getTime() - RESTORED_KEEP_DAYS * 86_400_000)
  const months = await queryRows<{ month: string }>(
    db,
    sql`select distinct to_char(m.sent_at at time zone 'UTC', 'YYYY-MM') as month from messages m
         where m.workspace_id = ${options.workspaceId}::uuid and m.sent_at < ${cutoff.toISOString()}::timestamptz
           and ${notHeld()}
           and not exists (select 1 from message_archives a
                            where a.workspace_id = m.workspace_id
                              and a.month = to_char(m.sent_at at time zone 'UTC', 'YYYY-MM')
                              and a.restored_at > ${restoredSince.toISOString()}::timestamptz)
         order by 1`,
  )
  const results: MonthArchiveResult[] = []
  for (const { month } of months) {
    const result = await archiveMonth(db, storage, {
      workspaceId: options.workspaceId,
      month,
      until: cutoff,
      batchSize: options.batchSize ?? ARCHIVE_BATCH_SIZE,
      pauseMs: options.pauseMs ?? ARCHIVE_PAUSE_MS,
      dutyShare: options.dutyShare ?? ARCHIVE_DUTY_SHARE,
      readChunk: options.readChunk,
    })
    results.push(result)
    await recordAudit(db, {
      workspaceId: options.workspaceId,
      actorType: 'system',
      scope: 'retention-archive',
      action: 'archive.month',
      targetType: 'archive',
      targetId: month,
      detail: {
        archived: result.archived,
        skipped: result.skipped,
        messages_in_file: result.messagesInFile,
        raw_bytes: result.rawBytes,
        compressed_bytes: result.compressedBytes,
        cutoff: cutoff.toISOString(),
      },
    })
  }
  return results
}

/** The daily archive pass on the shared scheduler, per workspace. */
export function retentionArchiveJob(
  db: Database,
  storage: MediaStorage,
  options: { schedule: string; logger: Logger },
): ScheduledJob {
  return {
    name: 'retention-archive',
    schedule: options.schedule,
    async run({ workspaceId }) {
      const results = await archiveWorkspace(db, storage, { workspaceId })
      const archived = results.reduce((n, r) => n + r.archived, 0)
      if (results.length > 0)
        options.logger.info(
          { workspaceId, months: results.length, archived },
          'messages past retention archived',
        )
    },
  }
}
