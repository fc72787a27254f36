import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BusinessHours } from '../../backend/src/analytics/business-hours'
import { serviceReport, weeklyAgentMedians } from '../../backend/src/analytics/service-report'
import type { DbHandle } from '../../backend/src/db/client'
import { queryRows } from '../../backend/src/db/query-rows'
import { seedChannel } from '../support/seed-channel'
import { ENGINES, openTestDb } from '../support/test-db'
import { startTestRuntime, type TestRuntime } from '../support/test-runtime'
import { seedContacts, seedMessages } from './seed'

const OFFICE: BusinessHours = {
  mon: [{ open: '09:00', close: '18:00' }],
  tue: [{ open: '09:00', close: '18:00' }],
  wed: [
    { open: '09:00', close: '12:00' },
    { open: '13:00', close: '18:00' },
  ],
  thu: [{ open: '09:00', close: '18:00' }],
  fri: [{ open: '09:00', close: '18:00' }],
  sat: [{ open: '10:00', close: '14:00' }],
}
const ALWAYS: BusinessHours = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ open: '00:00', close: '24:00' }]]),
)
const NIGHT_SUNDAY: BusinessHours = { sun: [{ open: '00:00', close: '06:00' }] }

describe.each(ENGINES)('business-hours response times (%s)', (engine) => {
  let handle: DbHandle

  beforeAll(async () => {
    handle = await openTestDb(engine)
  })
  afterAll(async () => {
    await handle.close()
  })

  async function business(from: string, to: string, hours: BusinessHours | null, zone: string) {
    const [row] = await queryRows<{ s: number | null }>(
      handle.db,
      sql`select scrm_business_seconds(${from}::timestamptz, ${to}::timestamptz,
            ${hours === null ? null : JSON.stringify(hours)}::jsonb, ${zone}) as s`,
    )
    return row?.s === null || row?.s === undefined ? null : Number(row.s)
  }

  it('counts only the seconds inside the opening hours, at every boundary', async () => {
    const sp = 'America/Sao_Paulo' // UTC−3, no daylight saving since 2019
    // Friday 17:59 local, answered Monday 09:01: a minute each side of the weekend and Saturday's 10:00–14:00.
    expect(await business('2026-03-06T20:59:00Z', '2026-03-09T12:01:00Z', OFFICE, sp)).toBe(120 + 4 * 3600)
    // Asked and answered in the same closed night: no business time at all.
    expect(await business('2026-03-10T00:00:00Z', '2026-03-10T11:59:59Z', OFFICE, sp)).toBe(0)
    // Inside one interval: the wall-clock wait, to the second.
    expect(await business('2026-03-10T13:00:00Z', '2026-03-10T13:05:07Z', OFFICE, sp)).toBe(307)
    // Wednesday's lunch break does not count: 11:59 → 13:01 is two minutes.
    expect(await business('2026-03-11T14:59:00Z', '2026-03-11T16:01:00Z', OFFICE, sp)).toBe(120)
    // Sunday is closed; Saturday counts 10:00–14:00 only.
    expect(await business('2026-03-08T03:00:00Z', '2026-03-09T02:59:00Z', OFFICE, sp)).toBe(0)
    expect(await business('2026-03-07T03:00:00Z', '2026-03-08T03:00:00Z', OFFICE, sp)).toBe(4 * 3600)
    // The last second before opening and the first after closing add nothing.
    expect(await business('2026-03-10T11:59:59Z', '2026-03-10T12:00:00Z', OFFICE, sp)).toBe(0)
    expect(await business('2026-03-10T21:00:00Z', '2026-03-10T21:00:01Z', OFFICE, sp)).toBe(0)
    // A day open until 24:00 runs into the next day's 00:00 without a gap.
    expect(await business('2026-03-10T02:59:30Z', '2026-03-10T03:00:30Z', ALWAYS, sp)).toBe(60)
  })

  it('counts the hours the clock showed on daylight-saving days', async () => {
    const berlin = 'Europe/Berlin'
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 00:00–06:00 lasts five hours.
    expect(await business('2026-03-28T21:00:00Z', '2026-03-29T07:00:00Z', NIGHT_SUNDAY, berlin)).toBe(
      5 * 3600,
    )
    // 25 October 2026: 03:00 CEST falls back to 02:00 CET, so 00:00–06:00 lasts seven hours.
    expect(await business('2026-10-24T21:00:00Z', '2026-10-25T07:00:00Z', NIGHT_SUNDAY, berlin)).toBe(
      7 * 3600,
    )
    // A wait that starts inside the repeated hour counts from the instant it started.
    expect(await business('2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', NIGHT_SUNDAY, berlin)).toBe(3600)
  })

  it('answers null without hours or with a zone Postgres does not know, and never raises', async () => {
    expect(await business('2026-03-10T12:00:00Z', '2026-03-10T13:00:00Z', null, 'UTC')).toBeNull()
    expect(await business('2026-03-10T12:00:00Z', '2026-03-10T13:00:00Z', OFFICE, 'Mars/Olympus')).toBeNull()
    expect(await business('2026-03-10T13:00:00Z', '2026-03-10T12:00:00Z', OFFICE, 'UTC')).toBe(0)
  })

  it('is never more than the wall-clock wait, adds up over a split wait, and equals it when always open (property)', async () => {
    const base = Date.parse('2026-03-20T00:00:00Z')
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 20 * 86_400 }), { minLength: 3, maxLength: 3 }),
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/Sao_Paulo', 'Asia/Hong_Kong', 'America/New_York'),
        async (offsets, zone) => {
          const [a, b, c] = [...offsets]
            .sort((x, y) => x - y)
            .map((s) => new Date(base + s * 1000).toISOString())
          const whole = (await business(a as string, c as string, OFFICE, zone)) as number
          const wall = (Date.parse(c as string) - Date.parse(a as string)) / 1000
          expect(whole).toBeGreaterThanOrEqual(0)
          expect(whole).toBeLessThanOrEqual(wall)
          const first = (await business(a as string, b as string, OFFICE, zone)) as number
          const second = (await business(b as string, c as string, OFFICE, zone)) as number
          expect(first + second).toBe(whole)
          expect(await business(a as string, c as string, ALWAYS, zone)).toBe(wall)
        },
      ),
      { numRuns: engine === 'pg' ? 60 : 40 },
    )
  })

  it('stores each answer’s business wait and reports its median and p90 beside the wall-clock ones', async () => {
    const channel = await seedChannel(handle.db)
    const ids = await seedContacts(handle.db, channel, 3)
    const without = await seedChannel(handle.db)
    const withoutIds = await seedContacts(handle.db, without, 1)
    await handle.db.execute(
      sql`update workspaces set settings = settings
            || jsonb_build_object('locale', jsonb_build_object('time_zone', 'America/Sao_Paulo'))
            || jsonb_build_object('analytics', jsonb_build_object('business_hours', ${JSON.stringify(OFFICE)}::jsonb))
          where id = ${channel.workspaceId}`,
    )
    const at = (iso: string) => new Date(iso)
    await seedMessages(handle.db, channel, ids, [
      // Friday 17:50 local, answered Monday 09:10: 10 + 10 business minutes and Saturday's four hours.
      { contact: 0, direction: 'inbound', sender: 'customer', at: at('2026-03-06T20:50:00Z') },
      {
        contact: 0,
        direction: 'outbound',
        sender: 'agent',
        agentId: 'u-ana',
        at: at('2026-03-09T12:10:00Z'),
      },
      // Tuesday 10:00, answered 10:03.
      { contact: 1, direction: 'inbound', sender: 'customer', at: at('2026-03-10T13:00:00Z') },
      {
        contact: 1,
        direction: 'outbound',
        sender: 'agent',
        agentId: 'u-ana',
        at: at('2026-03-10T13:03:00Z'),
      },
      // Tuesday 23:00, answered Wednesday 09:01.
      { contact: 2, direction: 'inbound', sender: 'customer', at: at('2026-03-11T02:00:00Z') },
      {
        contact: 2,
        direction: 'outbound',
        sender: 'agent',
        agentId: 'u-ana',
        at: at('2026-03-11T12:01:00Z'),
      },
    ])
    await seedMessages(handle.db, without, withoutIds, [
      { contact: 0, direction: 'inbound', sender: 'customer', at: at('2026-03-10T13:00:00Z') },
      { contact: 0, direction: 'outbound', sender: 'agent', at: at('2026-03-10T13:03:00Z') },
    ])
    const stored = await queryRows<{ seconds: number; business_seconds: number | null }>(
      handle.db,
      sql`select seconds, business_seconds from analytics_responses
          where workspace_id = ${channel.workspaceId} order by responded_at`,
    )
    expect(stored.map((r) => [r.seconds, r.business_seconds])).toEqual([
      [63 * 3600 + 20 * 60, 4 * 3600 + 20 * 60],
      [180, 180],
      [10 * 3600 + 60, 60],
    ])
    const period = { workspaceId: channel.workspaceId, from: '2026-03-01', to: '2026-03-31', timeZone: 'UTC' }
    const report = await serviceReport(handle.db, period, 'none')
    expect(report.total).toMatchObject({
      responses: 3,
      median_seconds: 10 * 3600 + 60,
      p90_seconds: 63 * 3600 + 20 * 60,
      business_responses: 3,
      business_median_seconds: 180,
      business_p90_seconds: 4 * 3600 + 20 * 60,
      first_business_median_seconds: 180,
    })
    // The coaching rule reads the business wait: overnight questions are not the agent's delay.
    expect(
      await weeklyAgentMedians(handle.db, channel.workspaceId, '2026-03-09', 'America/Sao_Paulo'),
    ).toEqual([{ agent: 'u-ana', responses: 3, median_seconds: 180 }])
    // A workspace without business hours reports wall-clock figures only.
    const plain = await serviceReport(handle.db, { ...period, workspaceId: without.workspaceId }, 'none')
    expect(plain.total).toMatchObject({
      responses: 1,
      median_seconds: 180,
      business_responses: 0,
      business_median_seconds: null,
    })
  })
})

describe.each(ENGINES)('business hours through the settings API (%s)', (engine) => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startTestRuntime(engine)
  })
  afterAll(async () => {
    await rt?.close()
  })

  it('keeps valid hours and refuses overlapping, reversed or malformed ones, naming the field', async () => {
    const put = (business_hours: unknown) =>
      rt.api('/api/v1/settings/analytics', { method: 'PUT', json: { business_hours } })
    expect((await put(OFFICE)).status).toBe(200)
    const read = await (await rt.api('/api/v1/settings/analytics')).json()
    expect(read.business_hours).toEqual(OFFICE)
    for (const [hours, field, words] of [
      [
        {
          mon: [
            { open: '09:00', close: '12:00' },
            { open: '11:00', close: '18:00' },
          ],
        },
        'business_hours.mon',
        'overlap',
      ],
      [{ tue: [{ open: '18:00', close: '09:00' }] }, 'business_hours.tue.0.close', 'before'],
      [{ wed: [{ open: '9:00', close: '18:00' }] }, 'business_hours.wed.0.open', 'HH:MM'],
      [{ funday: [] }, 'business_hours', 'funday'],
    ] as const) {
      const res = await put(hours)
      expect(res.status).toBe(400)
      const body = await res.json()
      expect(body.error.code).toBe('validation_failed')
      expect(JSON.stringify(body.error)).toContain(field)
      expect(JSON.stringify(body.error)).toContain(words)
    }
    // Still the last valid hours.
    expect((await (await rt.api('/api/v1/settings/analytics')).json()).business_hours).toEqual(OFFICE)
  })
})
