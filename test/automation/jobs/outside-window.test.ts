import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import { registerTemplate } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../../support/test-runtime'
import { freshCustomer, jobRow, putQuickReply, queueJob, runJobs } from './jobs-fixture'

const HOUR = 3_600_000

/**
 * Someone the sweep finds gone quiet (churn win-back) has no open 24 h window: the action's
 * template goes instead of its free-text quick reply, in the contact's language.
 */
describe.each(ENGINES)('outside-window template (%s)', (engine) => {
  let rt: TestRuntime
  const action = {
    type: 'send_discount_code',
    pool: 'winback',
    quick_reply: 'winback_text',
    outside_window_template: {
      template: 'winback_offer',
      parameters: ['{{first_name}}', '{{discount_code}}'],
    },
  }
  const request = (jobId: number) =>
    queryRows<{
      request: {
        type: string
        template?: { name: string; language: { code: string }; components: unknown[] }
      }
    }>(rt.db.db, sql`select request from send_jobs where idempotency_key = ${`automation:${jobId}`}`)

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    await putQuickReply(rt, 'winback_text', 'Volte, {{first_name}}: {{discount_code}}')
    const res = await rt.api('/api/v1/discount-pools/winback/codes', {
      method: 'POST',
      json: { codes: ['VOLTA15A', 'VOLTA15B', 'VOLTA15C'] },
    })
    expect(res.status).toBe(200)
  })
  afterAll(async () => {
    await rt?.close()
  })

  it('sends the template in the contact’s language, with the code, when the window is closed', async () => {
    await registerTemplate(rt, 'winback_offer', 'marketing', 'Oi {{1}}, seu cupom: {{2}}', 'pt_BR')
    await registerTemplate(rt, 'winback_offer', 'marketing', 'Hi {{1}}, your code: {{2}}', 'en_US')
    const c = await freshCustomer(rt, 'Marina Alves', new Date(Date.now() - 30 * HOUR))
    await rt.api(`/api/v1/contacts/${c.id}`, { method: 'PATCH', json: { language: 'pt' } })
    const id = await queueJob(rt, c.id, action)
    await runJobs(rt)
    const job = await jobRow(rt, id)
    expect(job.state).toBe('done')
    const [sent] = await request(id)
    expect(sent?.request.type).toBe('template')
    expect(sent?.request.template?.name).toBe('winback_offer')
    expect(sent?.request.template?.language.code).toBe('pt_BR')
    expect(JSON.stringify(sent?.request.template?.components)).toContain('Marina')
    expect(JSON.stringify(sent?.request.template?.components)).toContain(job.result.code)
  })

  it('sends the quick reply while the window is open', async () => {
    const c = await freshCustomer(rt, 'Nina Prado')
    const id = await queueJob(rt, c.id, action)
    await runJobs(rt)
    const [sent] = await request(id)
    expect(sent?.request.type).toBe('text')
  })

  it('is refused with its reason when no such template is approved, and the code goes back to the pool', async () => {
    const c = await freshCustomer(rt, 'Olga Reis', new Date(Date.now() - 30 * HOUR))
    const id = await queueJob(rt, c.id, {
      ...action,
      outside_window_template: { template: 'nope', parameters: [] },
    })
    await runJobs(rt)
    expect(await jobRow(rt, id)).toMatchObject({ state: 'refused', outcome: 'unknown_template' })
    const pools = await (await rt.api('/api/v1/discount-pools')).json()
    expect(pools.pools.find((p: { pool: string }) => p.pool === 'winback')).toMatchObject({ assigned: 2 })
  })
})
