import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../../backend/src/config'
import type { DbHandle } from '../../backend/src/db/client'
import { queryRows } from '../../backend/src/db/query-rows'
import { jobRuns, workspaces } from '../../backend/src/db/schema'
import { listJobRuns } from '../../backend/src/jobs/job-runs'
import { dueSlot, nextSlot } from '../../backend/src/jobs/schedule'
import { type ScheduledJob, Scheduler } from '../../backend/src/jobs/scheduler'
import { isCronPattern as isSchedule } from '../../backend/src/lib/cron-pattern'
import { createLogger } from '../../backend/src/lib/logger'
import { ENGINES, openTestDb } from '../support/test-db'

const silent = createLogger('silent')
const HOUR = 3_600_000
const iso = (s: string) => new Date(s)

describe('cron schedules in a time zone', () => {
  it('finds the next slot in the zone, across a DST change', () => {
    // 09:00 in São Paulo (UTC−3, no DST) is 12:00 UTC.
    expect(nextSlot('0 9 * * *', 'America/Sao_Paulo', iso('2025-06-01T13:00:00Z'))).toEqual(
      iso('2025-06-02T12:00:00Z'),
    )
    // New York springs forward on 9 March 2025: 02:30 does not exist that day and runs at 03:00 EDT.
    expect(nextSlot('30 2 * * *', 'America/New_York', iso('2025-03-08T12:00:00Z'))).toEqual(
      iso('2025-03-09T07:00:00Z'),
    )
    expect(nextSlot('30 2 * * *', 'America/New_York', iso('2025-03-09T12:00:00Z'))).toEqual(
      iso('2025-03-10T06:30:00Z'),
    )
    // Hourly across the fall-back hour (2 November 2025, 01:00–02:00 happens twice): no slot lost.
    const slots: Date[] = []
    let at = iso('2025-11-02T04:30:00Z')
    for (let i = 0; i < 4; i++) {
      at = nextSlot('0 * * * *', 'America/New_York', at) as Date
      slots.push(at)
    }
    expect(slots.map((d) => d.getTime() - slots[0]!.getTime())).toEqual([0, HOUR, 2 * HOUR, 3 * HOUR])
  })

  it('after downtime, the due slot is the latest one only', () => {
    const after = iso('2025-01-01T10:00:00Z')
    expect(dueSlot('0 * * * *', 'UTC', after, iso('2025-01-01T15:20:00Z'))).toEqual(
      iso('2025-01-01T15:00:00Z'),
    )
    expect(dueSlot('0 * * * *', 'UTC', after, iso('2025-01-01T10:59:59Z'))).toBeNull()
    expect(dueSlot('0 * * * *', 'UTC', after, iso('2025-01-01T11:00:00Z'))).toEqual(
      iso('2025-01-01T11:00:00Z'),
    )
  })

  it('accepts five-field patterns only', () => {
    expect(isSchedule('0 * * * *')).toBe(true)
    expect(isSchedule('*/15 6-22 * * 1-5')).toBe(true)
    expect(isSchedule('every hour')).toBe(false)
    expect(isSchedule('0 0 * * * *')).toBe(false)
  })

  it('RULES_SWEEP_SCHEDULE: hourly by default, `off`, or refused at start when not a cron pattern', () => {
    expect(parseConfig({}).RULES_SWEEP_SCHEDULE).toBe('0 * * * *')
    expect(parseConfig({ RULES_SWEEP_SCHEDULE: 'off' }).RULES_SWEEP_SCHEDULE).toBe('off')
    expect(parseConfig({ RULES_SWEEP_SCHEDULE: '15 3 * * *' }).RULES_SWEEP_SCHEDULE).toBe('15 3 * * *')
    expect(() => parseConfig({ RULES_SWEEP_SCHEDULE: 'hourly' })).toThrow(
      /RULES_SWEEP_SCHEDULE must be a five-field cron pattern/,
    )
  })
})

describe.each(ENGINES)('scheduler on %s', (engine) => {
  let handle: DbHandle
  let utc: string
  let tokyo: string

  /** A job that counts its runs per workspace, takes `ms`, and fails while `fail` is set. */
  function countingJob(name: string, schedule = '0 * * * *', ms = 30) {
    const ran: string[] = []
    const state = { fail: false }
    const job: ScheduledJob = {
      name,
      schedule,
      async run({ workspaceId }) {
        ran.push(workspaceId)
        await new Promise((r) => setTimeout(r, ms))
        if (state.fail) throw new Error('order service unreachable')
      },
    }
    return { job, ran, state }
  }
  const scheduler = (jobs: ScheduledJob[], since: Date) =>
    new Scheduler(handle.db, { jobs, logger: silent, since })
  const runsOf = (job: string) =>
    queryRows<{ workspace_id: string; scheduled_for: Date; outcome: string; attempts: number }>(
      handle.db,
      sql`select workspace_id, scheduled_for, outcome, attempts from job_runs where job = ${job} order by scheduled_for, workspace_id`,
    )

  beforeAll(async () => {
    handle = await openTestDb(engine)
  })
  afterAll(async () => handle?.close())
  beforeEach(async () => {
    await handle.db.delete(workspaces)
    const [a, b] = await handle.db
      .insert(workspaces)
      .values([
        { name: 'utc', settings: {} },
        { name: 'tokyo', settings: { locale: { time_zone: 'Asia/Tokyo' } } },
      ])
      .returning()
    utc = a!.id
    tokyo = b!.id
  })

  it('runs a daily job at 09:00 in each workspace’s own time zone', async () => {
    const { job, ran } = countingJob('daily-digest', '0 9 * * *', 1)
    const s = scheduler([job], iso('2025-04-30T20:00:00Z'))
    // 00:30 UTC is 09:30 in Tokyo: Tokyo's slot is due, UTC's 09:00 is not yet.
    await s.runOnce(iso('2025-05-01T00:30:00Z'))
    expect(ran).toEqual([tokyo])
    await s.runOnce(iso('2025-05-01T09:05:00Z'))
    expect(ran).toEqual([tokyo, utc])
    expect((await runsOf('daily-digest')).map((r) => [r.workspace_id, new Date(r.scheduled_for)])).toEqual([
      [tokyo, iso('2025-05-01T00:00:00Z')],
      [utc, iso('2025-05-01T09:00:00Z')],
    ])
  })

  it('two schedulers on one database: each slot runs once, in one of them', async () => {
    const one = countingJob('sweep-a')
    const two = countingJob('sweep-a')
    const since = iso('2025-05-01T00:00:00Z')
    const now = iso('2025-05-01T03:10:00Z')
    const a = scheduler([one.job], since)
    const b = scheduler([two.job], since)
    await Promise.all([a.runOnce(now), b.runOnce(now), a.runOnce(now), b.runOnce(now)])
    expect([...one.ran, ...two.ran].sort()).toEqual([utc, tokyo].sort())
    expect(await runsOf('sweep-a')).toHaveLength(2)
  })

  it('logs each run with its duration and outcome, failures with their error', async () => {
    const { job, state } = countingJob('flaky', '0 * * * *', 40)
    const s = scheduler([job], iso('2025-05-01T00:00:00Z'))
    const first = await s.runOnce(iso('2025-05-01T01:00:30Z'))
    expect(first.runs.map((r) => r.outcome)).toEqual(['ok', 'ok'])
    state.fail = true
    await s.runOnce(iso('2025-05-01T02:00:30Z'))
    const logged = await listJobRuns(handle.db, { workspaceId: utc, job: 'flaky' })
    expect(logged.map((r) => [r.scheduledFor, r.outcome, r.error])).toEqual([
      [iso('2025-05-01T02:00:00Z'), 'failed', 'order service unreachable'],
      [iso('2025-05-01T01:00:00Z'), 'ok', null],
    ])
    for (const run of logged) {
      expect(run.durationMs).toBeGreaterThanOrEqual(35)
      expect(run.finishedAt!.getTime() - run.startedAt.getTime()).toBeGreaterThanOrEqual(35)
      expect(run.leaseUntil).toBeNull()
    }
  })

  it('after a restart following downtime, it catches up exactly once, then waits for the next slot', async () => {
    const before = countingJob('catch-up')
    await scheduler([before.job], iso('2025-05-01T00:00:00Z')).runOnce(iso('2025-05-01T01:00:10Z'))
    expect(before.ran).toHaveLength(2)
    // Down from 01:30 to 06:20: five slots missed. The restarted scheduler (its own `since` is now)
    // resumes from the log and runs the 06:00 slot once per workspace.
    const after = countingJob('catch-up')
    const restarted = scheduler([after.job], iso('2025-05-01T06:20:00Z'))
    await restarted.runOnce(iso('2025-05-01T06:20:00Z'))
    await restarted.runOnce(iso('2025-05-01T06:40:00Z'))
    expect(after.ran.sort()).toEqual([utc, tokyo].sort())
    const slots = (await runsOf('catch-up'))
      .filter((r) => r.workspace_id === utc)
      .map((r) => new Date(r.scheduled_for))
    expect(slots).toEqual([iso('2025-05-01T01:00:00Z'), iso('2025-05-01T06:00:00Z')])
    await restarted.runOnce(iso('2025-05-01T07:00:05Z'))
    expect(after.ran).toHaveLength(4)
  })

  it('a run whose process died is taken over when its lease runs out, and given up after max attempts', async () => {
    const { job, ran } = countingJob('takeover')
    const slot = iso('2025-05-01T05:00:00Z')
    await handle.db.insert(jobRuns).values([
      { job: 'takeover', workspaceId: utc, scheduledFor: slot, leaseUntil: new Date(Date.now() - 1000) },
      {
        job: 'takeover',
        workspaceId: tokyo,
        scheduledFor: slot,
        leaseUntil: new Date(Date.now() - 1000),
        attempts: 3,
      },
    ])
    const s = new Scheduler(handle.db, { jobs: [job], logger: silent, since: slot, maxAttempts: 3 })
    const pass = await s.runOnce(iso('2025-05-01T05:10:00Z'))
    expect(pass.runs.map((r) => [r.workspaceId, r.outcome])).toEqual([[utc, 'ok']])
    expect(ran).toEqual([utc])
    const logged = (await runsOf('takeover')).map((r) => [r.workspace_id, r.outcome, r.attempts])
    expect(logged).toHaveLength(2)
    expect(logged).toContainEqual([utc, 'ok', 2])
    expect(logged).toContainEqual([tokyo, 'failed', 3])
  })
})
