import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../../support/test-runtime'
import {
  collectingLogger,
  freshCustomer,
  jobRow,
  putQuickReply,
  queueJob,
  runJobs,
  sendsOf,
  workerDeps,
} from './jobs-fixture'

describe.each(ENGINES)('discount codes on %s', (engine) => {
  let rt: TestRuntime
  const loadCodes = (pool: string, codes: unknown) =>
    rt.api(`/api/v1/discount-pools/${pool}/codes`, { method: 'POST', json: { codes } })
  const pools = async () => (await (await rt.api('/api/v1/discount-pools')).json()).pools
  const codeAction = (pool: string) =>
    ({ type: 'send_discount_code', pool, quick_reply: 'discount' }) as const

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    await putQuickReply(rt, 'discount', '{{first_name}}, seu cupom de 10%: {{discount_code}}')
  })
  afterAll(async () => rt?.close())

  it('loads codes once each and validates them', async () => {
    const first = await loadCodes('ten_percent', ['TEN-AAA', 'TEN-BBB', 'TEN-BBB', ' TEN-CCC '])
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({
      pool: 'ten_percent',
      received: 4,
      added: 3,
      duplicates: 1,
      total: 3,
      free: 3,
      assigned: 0,
    })
    const again = await (await loadCodes('ten_percent', ['TEN-CCC', 'TEN-DDD'])).json()
    expect(again).toMatchObject({ added: 1, duplicates: 1, total: 4, free: 4 })

    for (const [pool, codes] of [
      ['ten_percent', ['has space']],
      ['ten_percent', []],
      ['ten_percent', Array.from({ length: 10_001 }, (_, i) => `C${i}`)],
      ['Ten%', ['OK1']],
    ] as const) {
      const res = await loadCodes(pool, codes)
      expect(res.status, pool).toBe(400)
      expect((await res.json()).error.code).toBe('validation_failed')
    }
    expect(await pools()).toEqual([{ pool: 'ten_percent', total: 4, free: 4, assigned: 0 }])
  })

  it('gives a contact one code and the same one again on a second send', async () => {
    const c = await freshCustomer(rt, 'Carla Dias')
    const first = await queueJob(rt, c.id, codeAction('ten_percent'))
    expect(await runJobs(rt)).toMatchObject({ done: 1 })
    const job = await jobRow(rt, first)
    expect(job).toMatchObject({ state: 'done', result: { pool: 'ten_percent', reused: false } })
    const code = job.result.code as string
    expect(code).toMatch(/^TEN-/)
    expect(await sendsOf(rt, first)).toMatchObject([
      { kind: 'automation', text: `Carla, seu cupom de 10%: ${code}` },
    ])

    const second = await queueJob(rt, c.id, codeAction('ten_percent'))
    expect(await runJobs(rt)).toMatchObject({ done: 1 })
    expect(await jobRow(rt, second)).toMatchObject({ state: 'done', result: { code, reused: true } })
    expect(await pools()).toEqual([{ pool: 'ten_percent', total: 4, free: 3, assigned: 1 }])

    const assigned = await (await rt.api('/api/v1/discount-pools/ten_percent/codes?assigned=true')).json()
    expect(assigned.codes).toEqual([
      { code, contact_id: c.id, assigned_at: expect.any(String), created_at: expect.any(String) },
    ])
    const free = await (
      await rt.api('/api/v1/discount-pools/ten_percent/codes?assigned=false&limit=2')
    ).json()
    expect(free.codes).toHaveLength(2)
    expect(free.next_cursor).toEqual(expect.any(String))
    const rest = await (
      await rt.api(`/api/v1/discount-pools/ten_percent/codes?assigned=false&cursor=${free.next_cursor}`)
    ).json()
    expect(rest).toMatchObject({ codes: [expect.anything()], next_cursor: null })
  })

  it('gives one code when two jobs for the same contact run at once', async () => {
    const c = await freshCustomer(rt)
    const a = await queueJob(rt, c.id, codeAction('ten_percent'))
    const b = await queueJob(rt, c.id, codeAction('ten_percent'))
    expect(await runJobs(rt)).toMatchObject({ claimed: 2, done: 2 })
    const [first, second] = [await jobRow(rt, a), await jobRow(rt, b)]
    expect(second.result.code).toBe(first.result.code)
    expect(await pools()).toEqual([{ pool: 'ten_percent', total: 4, free: 2, assigned: 2 }])
  })

  it('gives the code back when the send is refused', async () => {
    const c = await freshCustomer(rt)
    await rt.api(`/api/v1/contacts/${c.id}/takeover`, { method: 'POST', json: { hours: 12 } })
    const before = await pools()
    expect(before[0].free).toBeGreaterThan(0)
    const id = await queueJob(rt, c.id, codeAction('ten_percent'))
    expect(await runJobs(rt)).toMatchObject({ refused: 1 })
    expect(await jobRow(rt, id)).toMatchObject({ state: 'refused', outcome: 'automation_paused' })
    expect(await pools()).toEqual(before)
    const assigned = await (await rt.api('/api/v1/discount-pools/ten_percent/codes?assigned=true')).json()
    expect(assigned.codes.map((row: { contact_id: string }) => row.contact_id)).not.toContain(c.id)
  })

  it('gives the last code to one contact and fails the other with discount_pool_empty, with an alert', async () => {
    expect((await loadCodes('vip', ['VIP-ONLY'])).status).toBe(200)
    const jobs = [
      await queueJob(rt, (await freshCustomer(rt)).id, codeAction('vip')),
      await queueJob(rt, (await freshCustomer(rt)).id, codeAction('vip')),
    ]
    const { logger, lines } = collectingLogger()

    // Both run at once: exactly one of them gets the code.
    expect(await runJobs(rt, new Date(), workerDeps(rt, logger))).toMatchObject({ done: 1, failed: 1 })
    const rows = await Promise.all(jobs.map((id) => jobRow(rt, id)))
    const winner = rows.findIndex((r) => r.state === 'done')
    const loser = 1 - winner
    expect(rows[winner]).toMatchObject({ state: 'done', result: { code: 'VIP-ONLY' } })
    expect(rows[loser]).toMatchObject({
      state: 'failed',
      outcome: 'discount_pool_empty',
      attempts: 1,
      result: { error: expect.stringContaining('/api/v1/discount-pools/vip/codes') },
    })
    expect(await sendsOf(rt, jobs[loser] as number)).toEqual([])
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 50, alert: 'discount_pool_empty', jobId: jobs[loser] }),
    )
    expect((await runJobs(rt, new Date(Date.now() + 86_400_000))).claimed).toBe(0)
  })

  it('removes a free code but keeps one already given', async () => {
    expect((await loadCodes('spare', ['SPARE-1'])).status).toBe(200)
    const del = (pool: string, code: string) =>
      rt.api(`/api/v1/discount-pools/${pool}/codes/${code}`, { method: 'DELETE' })
    expect((await del('spare', 'SPARE-1')).status).toBe(200)
    expect((await del('spare', 'SPARE-1')).status).toBe(404)
    const res = await del('vip', 'VIP-ONLY')
    expect(res.status).toBe(409)
    expect((await res.json()).error.code).toBe('conflict')
  })

  it('keeps pools, codes and runs inside their workspace', async () => {
    const created = await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja Dois' } })
    expect(created.status).toBe(201)
    const otherKey = (await created.json()).api_key as string
    const asOther = (path: string, init: { method?: string; json?: unknown } = {}) =>
      rt.api(path, { ...init, key: otherKey })

    expect(await (await asOther('/api/v1/discount-pools')).json()).toEqual({ pools: [] })
    expect(await (await asOther('/api/v1/discount-pools/ten_percent/codes')).json()).toEqual({
      codes: [],
      next_cursor: null,
    })
    expect((await asOther('/api/v1/discount-pools/vip/codes/VIP-ONLY', { method: 'DELETE' })).status).toBe(
      404,
    )
    expect((await (await asOther('/api/v1/automation/runs')).json()).runs).toEqual([])
    expect((await (await rt.api('/api/v1/automation/runs')).json()).runs.length).toBeGreaterThan(0)

    // The same pool name in another workspace is another pool.
    expect(
      await (
        await asOther('/api/v1/discount-pools/vip/codes', { method: 'POST', json: { codes: ['VIP-ONLY'] } })
      ).json(),
    ).toMatchObject({ added: 1, free: 1 })
  })
})
