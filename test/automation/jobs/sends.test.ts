import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import { registerTemplate } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../../support/test-runtime'
import {
  freshCustomer,
  jobRow,
  MAX_ATTEMPTS,
  putQuickReply,
  queueJob,
  runJobs,
  sendsOf,
} from './jobs-fixture'

const HOUR = 3_600_000

describe.each(ENGINES)('automation sends through the outbound policy on %s', (engine) => {
  let rt: TestRuntime

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    await putQuickReply(rt, 'shipping', 'Olá {{first_name}}! O frete é grátis acima de R$ 200.')
    await registerTemplate(rt, 'order_followup', 'utility', 'Hi {{1}}, how was your order?')
  })
  afterAll(async () => rt?.close())

  it('queues a quick reply as an automation send and lists the run', async () => {
    const c = await freshCustomer(rt, 'Ana Souza')
    const id = await queueJob(rt, c.id, { type: 'send_quick_reply', quick_reply: 'shipping' })

    expect(await runJobs(rt)).toMatchObject({ claimed: 1, done: 1 })
    const job = await jobRow(rt, id)
    expect(job).toMatchObject({ state: 'done', attempts: 1, outcome: null })
    const sends = await sendsOf(rt, id)
    expect(sends).toEqual([
      {
        kind: 'automation',
        state: 'queued',
        message_id: job.result.message_id,
        text: 'Olá Ana! O frete é grátis acima de R$ 200.',
        sender: 'automation',
      },
    ])

    const runs = await (await rt.api(`/api/v1/automation/runs?contact_id=${c.id}`)).json()
    expect(runs.runs).toEqual([
      expect.objectContaining({
        id: String(id),
        action_type: 'send_quick_reply',
        state: 'done',
        outcome: null,
        result: expect.objectContaining({ message_id: job.result.message_id, duplicate: false }),
        finished_at: expect.any(String),
      }),
    ])
    const thread = await (await rt.api(`/api/v1/thread?contact_id=${c.id}`)).json()
    expect(thread.messages.at(-1)).toMatchObject({ id: job.result.message_id, sender: 'automation' })
  })

  it('refuses with automation_paused after a human takeover, and never retries it', async () => {
    const c = await freshCustomer(rt)
    const takeover = await rt.api(`/api/v1/contacts/${c.id}/takeover`, { method: 'POST', json: {} })
    expect(takeover.status).toBe(200)
    const id = await queueJob(rt, c.id, { type: 'send_quick_reply', quick_reply: 'shipping' })

    expect(await runJobs(rt)).toMatchObject({ claimed: 1, refused: 1 })
    expect(await jobRow(rt, id)).toMatchObject({
      state: 'refused',
      outcome: 'automation_paused',
      result: { reason: 'automation_paused', message: expect.stringContaining('paused until') },
    })
    expect(await sendsOf(rt, id)).toEqual([])
    // Past the pause the refused job stays refused: a late answer would be out of place.
    expect((await runJobs(rt, new Date(Date.now() + 13 * HOUR))).claimed).toBe(0)

    const runs = await (await rt.api(`/api/v1/automation/runs?state=refused&contact_id=${c.id}`)).json()
    expect(runs.runs.map((r: { outcome: string }) => r.outcome)).toEqual(['automation_paused'])
  })

  it('refuses the same content beyond the cap, naming the cap', async () => {
    const policy = await rt.api('/api/v1/settings/sending-policy', {
      method: 'PUT',
      json: { same_content_max: 1 },
    })
    expect(policy.status).toBe(200)
    try {
      const c = await freshCustomer(rt)
      const jobs = [
        await queueJob(rt, c.id, { type: 'send_quick_reply', quick_reply: 'shipping' }),
        await queueJob(rt, c.id, { type: 'send_quick_reply', quick_reply: 'shipping' }),
      ]
      // Both run at once: the contact lock makes the second see the first's send.
      expect(await runJobs(rt)).toMatchObject({ claimed: 2, done: 1, refused: 1 })
      const rows = await Promise.all(jobs.map((id) => jobRow(rt, id)))
      expect(rows.map((r) => r.outcome).sort()).toEqual(['cap_exceeded:same_content', null])
      const sends = await Promise.all(jobs.map((id) => sendsOf(rt, id)))
      expect(sends.flat()).toHaveLength(1)
    } finally {
      await rt.api('/api/v1/settings/sending-policy', { method: 'PUT', json: {} })
    }
  })

  it('refuses free text once the 24 h window closed, while a template still goes out', async () => {
    const c = await freshCustomer(rt, 'Bruno Lima', new Date(Date.now() - 30 * HOUR))
    const text = await queueJob(rt, c.id, { type: 'send_quick_reply', quick_reply: 'shipping' })
    const template = await queueJob(rt, c.id, {
      type: 'send_template',
      template: 'order_followup',
      language: 'en_US',
      parameters: ['{{first_name}}'],
    })
    expect(await runJobs(rt)).toMatchObject({ claimed: 2, done: 1, refused: 1 })
    expect(await jobRow(rt, text)).toMatchObject({
      state: 'refused',
      outcome: 'window_closed_template_required',
    })
    expect((await jobRow(rt, template)).state).toBe('done')
    expect(await sendsOf(rt, template)).toMatchObject([
      { kind: 'automation', text: 'Hi Bruno, how was your order?' },
    ])
  })

  it('refuses a reply the workspace does not have, and fails an action that breaks the contract', async () => {
    const c = await freshCustomer(rt)
    const unknown = await queueJob(rt, c.id, { type: 'send_quick_reply', quick_reply: 'no_such_reply' })
    const broken = await queueJob(rt, c.id, { type: 'send_quick_reply', quick_reply: 'Not A Key!' })
    expect(await runJobs(rt)).toMatchObject({ claimed: 2, refused: 1, failed: 1 })
    expect(await jobRow(rt, unknown)).toMatchObject({ state: 'refused', outcome: 'quick_reply_not_found' })
    expect(await jobRow(rt, broken)).toMatchObject({
      state: 'failed',
      outcome: 'invalid_action',
      result: { error: expect.stringContaining('quick_reply') },
    })
  })

  it('re-runs a job whose worker died without sending twice', async () => {
    const c = await freshCustomer(rt)
    const lost = new Date(Date.now() - 1000)
    // A worker died before it queued anything: the job is run again once its lease is over.
    const fresh = await queueJob(
      rt,
      c.id,
      { type: 'send_quick_reply', quick_reply: 'shipping' },
      { state: 'running', attempts: 1, leaseUntil: new Date(Date.now() + 60_000) },
    )
    expect((await runJobs(rt)).claimed).toBe(0)
    await rt.db.db.execute(
      sql`update automation_jobs set lease_until = ${lost.toISOString()}::timestamptz where id = ${fresh}`,
    )
    expect(await runJobs(rt)).toMatchObject({ claimed: 1, done: 1 })
    expect(await jobRow(rt, fresh)).toMatchObject({ state: 'done', attempts: 2 })
    expect(await sendsOf(rt, fresh)).toHaveLength(1)

    // A worker queued the send, then lost the job before anyone saw it end: the key finds the
    // first message instead of sending a second one.
    await rt.db.db.execute(
      sql`update automation_jobs set state = 'running', lease_until = ${lost.toISOString()}::timestamptz, finished_at = null
          where id = ${fresh}`,
    )
    expect(await runJobs(rt)).toMatchObject({ claimed: 1, done: 1 })
    const again = await jobRow(rt, fresh)
    expect(again).toMatchObject({ state: 'done', attempts: 3, result: { duplicate: true } })
    expect(await sendsOf(rt, fresh)).toHaveLength(1)
    const [count] = await queryRows<{ n: number }>(
      rt.db.db,
      sql`select count(*)::int as n from messages where contact_id = ${c.id} and direction = 'outbound'`,
    )
    expect(count?.n).toBe(1)
  })

  it('gives up on a job whose worker keeps dying', async () => {
    const c = await freshCustomer(rt)
    const id = await queueJob(
      rt,
      c.id,
      { type: 'send_quick_reply', quick_reply: 'shipping' },
      { state: 'running', attempts: MAX_ATTEMPTS, leaseUntil: new Date(Date.now() - 1000) },
    )
    expect(await runJobs(rt)).toMatchObject({ claimed: 1, failed: 1 })
    expect(await jobRow(rt, id)).toMatchObject({ state: 'failed', outcome: 'lease_expired' })
    expect(await sendsOf(rt, id)).toEqual([])
  })
})
