import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customerWrites } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

const DAY = 86_400_000

/** GET /api/v1/overview: the console's first page, from what the workspace really holds. */
describe.each(ENGINES)('the workspace overview on %s', (engine) => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
  })
  afterAll(async () => rt?.close())

  it('starts at zero with 14 empty days ending today', async () => {
    const res = await rt.api('/api/v1/overview')
    expect(res.status).toBe(200)
    const o = await res.json()
    expect(o.time_zone).toBe('UTC')
    expect(o.today).toEqual({ inbound: 0, outbound: 0 })
    expect(o.open_windows).toBe(0)
    expect(o.connections).toEqual([])
    expect(o.open_alerts).toBe(0)
    expect(o.days).toHaveLength(14)
    expect(o.days.at(-1).day).toBe(new Date().toISOString().slice(0, 10))
    expect(o.days[0].day).toBe(new Date(Date.now() - 13 * DAY).toISOString().slice(0, 10))
  })

  it('counts messages on their day, and contacts who wrote in the last 24 h as open windows', async () => {
    await customerWrites(rt, NUMBER_A, { waId: '5511988887777', name: 'Ana' }, 'oi, tudo bem?')
    await customerWrites(rt, NUMBER_A, { waId: '5511988887777', name: 'Ana' }, 'quero um orçamento')
    await customerWrites(
      rt,
      NUMBER_A,
      { waId: '5511977776666', name: 'Bia' },
      'faz tempo',
      new Date(Date.now() - 3 * DAY),
    )
    const o = await (await rt.api('/api/v1/overview')).json()
    expect(o.today.inbound).toBe(2)
    expect(o.open_windows).toBe(1)
    const threeDaysAgo = new Date(Date.now() - 3 * DAY).toISOString().slice(0, 10)
    expect(o.days.find((d: { day: string }) => d.day === threeDaysAgo).inbound).toBe(1)
    expect(o.days.reduce((n: number, d: { inbound: number }) => n + d.inbound, 0)).toBe(3)
  })

  it('is refused to a request without credentials', async () => {
    const res = await rt.request('/api/v1/overview')
    expect(res.status).toBe(401)
    expect((await res.json()).error.code).toBe('unauthorized')
  })
})
