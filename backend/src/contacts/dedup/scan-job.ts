import type { Database } from '../../db/client'
import type { ScheduledJob } from '../../jobs/scheduler'
import type { Logger } from '../../lib/logger'
import { type MergeListener, scanDuplicates } from './duplicates-service'

/** The scheduled duplicate scan of one workspace (the scheduler runs it once per workspace slot). */
export function dedupScanJob(
  db: Database,
  options: { schedule: string; logger: Logger; onMerge?: MergeListener },
): ScheduledJob {
  return {
    name: 'dedup-scan',
    schedule: options.schedule,
    async run({ workspaceId }) {
      const outcome = await scanDuplicates(db, workspaceId, options.onMerge)
      options.logger.info({ workspaceId, ...outcome }, 'duplicate scan finished')
    },
  }
}
