import { sql } from 'drizzle-orm'
import { bigint, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { workspaces } from './workspaces'

export const JOB_RUN_OUTCOMES = ['running', 'ok', 'failed'] as const
export type JobRunOutcome = (typeof JOB_RUN_OUTCOMES)[number]

/**
 * The scheduler's run log and its lease in one: a row per (job, workspace, due time). Inserting
 * it is how one process, and only one, wins a slot; `lease_until` lets another take over a run
 * whose process died; the newest `scheduled_for` is where a restarted scheduler picks up.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    job: text('job').notNull(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The slot of the schedule this run is for (the latest one due, after downtime). */
    scheduledFor: tstz('scheduled_for').notNull(),
    startedAt: tstz('started_at').notNull().defaultNow(),
    finishedAt: tstz('finished_at'),
    durationMs: integer('duration_ms'),
    outcome: text('outcome', { enum: JOB_RUN_OUTCOMES }).notNull().default('running'),
    error: text('error'),
    /** Runs started for this slot: more than one when a process died mid-run and another took over. */
    attempts: integer('attempts').notNull().default(1),
    leaseUntil: tstz('lease_until'),
  },
  (t) => [
    uniqueIndex('job_runs_slot_uq').on(t.job, t.workspaceId, t.scheduledFor),
    index('job_runs_workspace_idx').on(t.workspaceId, t.startedAt),
    index('job_runs_running_idx').on(t.leaseUntil).where(sql`${t.outcome} = 'running'`),
  ],
)

export type JobRun = typeof jobRuns.$inferSelect
