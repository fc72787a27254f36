import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Executor } from '../../backend/src/db/client'
import { queryRows } from '../../backend/src/db/query-rows'
import { recoverLostSends } from '../../backend/src/outbound/claim-jobs'
import { contactIdOf, customerWrites } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

const RECONCILE_MS = 1_000

/** The database, with every statement after the `slowFrom`-th held back by `ms`: a busy machine. */
function slowAfter(db: Executor, slowFrom: number, ms: number): Executor {
  let calls = 0
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'execute') return Reflect.get(target, prop, receiver)
      return async (query: Parameters<Executor['execute']>[0]) => {
        calls += 1
        if (calls >= slowFrom) await new Promise((r) => setTimeout(r, ms))
        return target.execute(query)
      }
    },
  })
}

describe.each(ENGINES)('reconciling sends with an unknown outcome on %s', (engine) => {
  let rt: TestRuntime
  let seq = 0

  beforeAll(async () => {
    rt = await startTestRuntime(engine, { SENDER: 'off' })
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
  })
  afterAll(async () => rt?.close())

  /** A reply whose second try went unanswered: waiting for Meta's status, its failure window long over. */
  const resentAndUnanswered = async (dueInMs: number) => {
    seq += 1
    const waId = `551197100000${seq}`
    await customerWrites(rt, NUMBER_A, { waId, name: `Cliente ${seq}` }, 'oi')
    const res = await rt.api('/api/v1/messages', {
      method: 'POST',
      json: {
        contact_id: await contactIdOf(rt, `+${waId}`),
        sender: 'agent',
        content: { type: 'text', text: 'Olá' },
      },
    })
    expect(res.status).toBe(202)
    const messageId = Number((await res.json()).message_id)
    await rt.db.db.execute(sql`
      update send_jobs set state = 'unknown', last_error = 'outcome unknown: timeout (no answer within 300 ms)',
        failing_since = clock_timestamp() - interval '3 seconds',
        not_before = clock_timestamp() + make_interval(secs => ${dueInMs / 1000})
      where message_id = ${messageId}`)
    return messageId
  }
  const jobState = async (messageId: number) =>
    (
      await queryRows<{ state: string }>(
        rt.db.db,
        sql`select state from send_jobs where message_id = ${messageId}`,
      )
    )[0]?.state

  it('never sends again a job that fell due while the pass was running: it fails on the next pass', async () => {
    const messageId = await resentAndUnanswered(150)
    // The pass looks for expired sends before the job is due and requeues after it is.
    await recoverLostSends(slowAfter(rt.db.db, 3, 400), RECONCILE_MS)
    expect(await jobState(messageId)).toBe('unknown')
    const expired = await recoverLostSends(rt.db.db, RECONCILE_MS)
    expect(expired.map((e) => e.messageId)).toContain(messageId)
    expect(await jobState(messageId)).toBe('failed')
  })

  it('sends once more a job still inside its failure window', async () => {
    const messageId = await resentAndUnanswered(0)
    await rt.db.db.execute(
      sql`update send_jobs set failing_since = not_before - interval '1 second' where message_id = ${messageId}`,
    )
    expect(await recoverLostSends(rt.db.db, RECONCILE_MS)).toEqual([])
    expect(await jobState(messageId)).toBe('queued')
  })
})
