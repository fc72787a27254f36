import type { Database } from '../db/client'
import type { ScheduledJob } from '../jobs/scheduler'
import type { Logger } from '../lib/logger'
import { retrainDue, retrainWorkspace } from './workspace-models'

export const INTENT_RETRAIN_JOB = 'intent-retrain'

/**
 * Retrains each workspace's intent and sentiment layers on the shared scheduler, only when its reps corrected
 * something since the last training (POST /api/v1/intelligence/retrain does it on demand).
 */
export function intentRetrainJob(db: Database, options: { schedule: string; logger: Logger }): ScheduledJob {
  return {
    name: INTENT_RETRAIN_JOB,
    schedule: options.schedule,
    async run({ workspaceId }) {
      if (!(await retrainDue(db, workspaceId))) return
      const result = await retrainWorkspace(db, workspaceId, new Date())
      options.logger.info(
        {
          workspaceId,
          examples: result.examples,
          features: result.features,
          sentimentExamples: result.sentimentExamples,
        },
        'workspace intent and sentiment layers retrained',
      )
    },
  }
}
