import { Writable } from 'node:stream'
import { sql } from 'drizzle-orm'
import { expect } from 'vitest'
import type { JobAction } from '../../../backend/src/automation/actions'
import { type AutomationDeps, runAutomationJobs } from '../../../backend/src/automation/jobs/worker'
import { queryRows } from '../../../backend/src/db/query-rows'
import { createLogger } from '../../../backend/src/lib/logger'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { NUMBER_A, type TestRuntime } from '../../support/test-runtime'

/** Log lines the worker wrote, parsed, so tests can check an alert was raised. */
export function collectingLogger() {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line))
      done()
    },
  })
  return { logger: createLogger('info', stream), lines }
}

export const MAX_ATTEMPTS = 3

export function workerDeps(rt: TestRuntime, logger = createLogger('silent')): AutomationDeps {
  return {
    logger,
    encryptionKey: rt.deps.encryptionKey,
    maxAttempts: MAX_ATTEMPTS,
    retryBaseMs: 1_000,
    leaseMs: 60_000,
    concurrency: 2,
  }
}

/** One pass of the worker with the test's clock. */
export const runJobs = (rt: TestRuntime, now = new Date(), deps = workerDeps(rt)) =>
  runAutomationJobs(rt.db.db, deps, { now, limit: 20 })

/** What the rules engine writes: a queued job for a contact (it may also set state and lease). */
export async function queueJob(
  rt: TestRuntime,
  contactId: string,
  action: JobAction | Record<string, unknown>,
  row: { state?: string; attempts?: number; leaseUntil?: Date } = {},
): Promise<number> {
  const [job] = await queryRows<{ id: string }>(
    rt.db.db,
    sql`insert into automation_jobs (workspace_id, contact_id, action, state, attempts, lease_until)
        select workspace_id, id, ${JSON.stringify(action)}::jsonb, ${row.state ?? 'queued'}, ${row.attempts ?? 0},
          ${row.leaseUntil?.toISOString() ?? null}::timestamptz
        from contacts where id = ${contactId}
        returning id`,
  )
  if (!job) throw new Error(`no contact ${contactId}`)
  return Number(job.id)
}

export interface JobRow {
  state: string
  attempts: number
  outcome: string | null
  // biome-ignore lint/suspicious/noExplicitAny: tests read result fields freely
  result: any
  run_after: string
  finished_at: string | null
}

export async function jobRow(rt: TestRuntime, id: number): Promise<JobRow> {
  const [row] = await queryRows<JobRow>(
    rt.db.db,
    sql`select state, attempts, outcome, result, run_after, finished_at from automation_jobs where id = ${id}`,
  )
  if (!row) throw new Error(`no job ${id}`)
  return row
}

/** The send a job queued: its send_jobs row and thread message, found by the job's idempotency key. */
export async function sendsOf(rt: TestRuntime, jobId: number) {
  return queryRows<{ kind: string; state: string; message_id: string; text: string | null; sender: string }>(
    rt.db.db,
    sql`select j.kind, j.state, j.message_id::text as message_id, m.text, m.sender
        from send_jobs j join messages m on m.id = j.message_id
        where j.idempotency_key = ${`automation:${jobId}`}`,
  )
}

let seq = 0
/** A customer who just wrote through the webhook (window open), unique per call. */
export async function freshCustomer(rt: TestRuntime, name = 'Ana Souza', at?: Date) {
  seq += 1
  const waId = `55119${81_000_000 + seq}`
  await customerWrites(rt, NUMBER_A, { waId, name }, 'oi', at)
  return { phone: `+${waId}`, id: await contactIdOf(rt, `+${waId}`) }
}

export async function putQuickReply(
  rt: TestRuntime,
  key: string,
  body: string,
  defaults: Record<string, string> = {},
): Promise<void> {
  const res = await rt.api(`/api/v1/quick-replies/${key}`, {
    method: 'PUT',
    json: { title: key, body, defaults },
  })
  expect(res.status, await res.text()).toBe(200)
}
