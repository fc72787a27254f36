import { and, desc, eq, type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { type JobRun, jobRuns } from '../db/schema'
import type { LeaseQueue } from './lease-claim'

/**
 * The scheduler's table: a row per run, which is also the run's lease. A run whose process died
 * (lease ran out, still `running`) is due to be taken over; after `maxAttempts` takeovers it is
 * logged as failed.
 */
export const jobRunQueue = (jobs: string[], maxAttempts: number): LeaseQueue => ({
  table: 'job_runs',
  due: (at) =>
    sql`outcome = 'running' and lease_until < ${at}
        and job in (select jsonb_array_elements_text(${JSON.stringify(jobs)}::jsonb))`,
  orderBy: sql`scheduled_for, id`,
  leaseColumn: 'lease_until',
  attemptsColumn: 'attempts',
  claimSet: sql`started_at = clock_timestamp()`,
  returning: sql`id, job, workspace_id, scheduled_for, attempts`,
  deadLetter: {
    maxAttempts,
    set: sql`outcome = 'failed', finished_at = clock_timestamp(), lease_until = null,
             error = 'its process stopped during the run on every attempt'`,
  },
  held: sql`outcome = 'running'`,
})

/** A run this process holds the lease of. */
export interface HeldRun {
  id: number
  job: string
  workspaceId: string
  scheduledFor: Date
  attempts: number
}

export type HeldRunRow = {
  id: number | string
  job: string
  workspace_id: string
  scheduled_for: string | Date
  attempts: number
}

export const heldRun = (r: HeldRunRow): HeldRun => ({
  id: Number(r.id),
  job: r.job,
  workspaceId: r.workspace_id,
  scheduledFor: new Date(r.scheduled_for),
  attempts: r.attempts,
})

/** The newest slot each job has run (or started) per workspace: where a restarted scheduler resumes. */
export async function lastSlots(db: Executor, jobs: string[]): Promise<Map<string, Date>> {
  const rows = await queryRows<{ job: string; workspace_id: string; last: string | Date }>(
    db,
    sql`select job, workspace_id, max(scheduled_for) as last from job_runs
         where job in (select jsonb_array_elements_text(${JSON.stringify(jobs)}::jsonb))
         group by job, workspace_id`,
  )
  return new Map(rows.map((r) => [slotKey(r.job, r.workspace_id), new Date(r.last)]))
}

export const slotKey = (job: string, workspaceId: string) => `${job} ${workspaceId}`

/**
 * Claims one slot: the unique (job, workspace, scheduled_for) key lets exactly one process insert
 * it, whichever processes try. Null when another got there first.
 */
export async function startRun(
  db: Executor,
  slot: { job: string; workspaceId: string; scheduledFor: Date },
  leaseMs: number,
): Promise<HeldRun | null> {
  const [row] = await queryRows<HeldRunRow>(
    db,
    sql`insert into job_runs (job, workspace_id, scheduled_for, started_at, lease_until)
        values (${slot.job}, ${slot.workspaceId}::uuid, ${slot.scheduledFor.toISOString()}::timestamptz,
                clock_timestamp(), clock_timestamp() + make_interval(secs => ${leaseMs / 1000}))
        on conflict (job, workspace_id, scheduled_for) do nothing
        returning id, job, workspace_id, scheduled_for, attempts`,
  )
  return row ? heldRun(row) : null
}

/** Logs the outcome; fenced by `attempts`, so a run that lost its lease cannot overwrite the takeover's. */
export async function finishRun(
  db: Executor,
  run: HeldRun,
  result: { durationMs: number; error: string | null },
): Promise<boolean> {
  const rows = await db
    .update(jobRuns)
    .set({
      outcome: result.error === null ? 'ok' : 'failed',
      error: result.error?.slice(0, 2000) ?? null,
      finishedAt: sql`clock_timestamp()`,
      durationMs: Math.round(result.durationMs),
      leaseUntil: null,
    })
    .where(and(eq(jobRuns.id, run.id), eq(jobRuns.attempts, run.attempts), eq(jobRuns.outcome, 'running')))
    .returning({ id: jobRuns.id })
  return rows.length > 0
}

/** A workspace's runs, newest slot first: what ran, when, how long, and how it ended. */
export async function listJobRuns(
  db: Executor,
  filter: { workspaceId: string; job?: string; limit?: number },
): Promise<JobRun[]> {
  const where: SQL[] = [eq(jobRuns.workspaceId, filter.workspaceId)]
  if (filter.job) where.push(eq(jobRuns.job, filter.job))
  return db
    .select()
    .from(jobRuns)
    .where(and(...where))
    .orderBy(desc(jobRuns.scheduledFor), desc(jobRuns.id))
    .limit(Math.min(Math.max(filter.limit ?? 50, 1), 500))
}

/** Every workspace with the time zone its schedules run in. */
export async function workspaceZones(db: Executor): Promise<{ id: string; timeZone: string | null }[]> {
  // Read straight from the stored settings: jobs/ sits below the modules that own locale settings.
  return queryRows<{ id: string; timeZone: string | null }>(
    db,
    sql`select id, settings -> 'locale' ->> 'time_zone' as "timeZone" from workspaces order by id`,
  )
}
