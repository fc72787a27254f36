import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { activityReport } from '../../backend/src/analytics/activity-report'
import { analyticsOf } from '../../backend/src/analytics/analytics-settings'
import { costReport } from '../../backend/src/analytics/cost-report'
import { funnelReport } from '../../backend/src/analytics/funnel-report'
import type { ReportPeriod } from '../../backend/src/analytics/report-period'
import { serviceReport } from '../../backend/src/analytics/service-report'
import type { ChannelRoute } from '../../backend/src/channels/channel-route'
import type { DbHandle } from '../../backend/src/db/client'
import { queryRows } from '../../backend/src/db/query-rows'
import {
  rawBillable,
  rawDailyActivity,
  rawFunnel,
  rawHourOfWeek,
  rawResponses,
  rawService,
  rawServiceTotal,
} from '../support/analytics-baseline'
import { seedChannel } from '../support/seed-channel'
import { ENGINES, openTestDb } from '../support/test-db'
import { type SeedMessage, seedContacts, seedMessages, seedStatus } from './seed'

const SENDERS = ['customer', 'agent', 'business_app', 'automation', 'api'] as const
const INTENTS = [null, 'complaint', 'price_discount', 'quote', 'order_status', 'other'] as const
const START = Date.parse('2026-03-26T00:00:00Z')
const HOURS = {
  thu: [{ open: '09:00', close: '18:00' }],
  fri: [
    { open: '09:00', close: '12:30' },
    { open: '13:30', close: '18:00' },
  ],
  sun: [{ open: '00:00', close: '06:00' }],
}

/** A stream of messages for a few contacts over a week around Europe's DST change, arriving out of order now and then. */
const stream = fc.array(
  fc.record({
    contact: fc.integer({ min: 0, max: 3 }),
    inbound: fc.boolean(),
    sender: fc.constantFrom(...SENDERS),
    // minutes from START, so gaps over 24 h (new conversations) and waits over 6 min both occur
    minute: fc.integer({ min: 0, max: 4 * 24 * 60 }),
    seconds: fc.integer({ min: 0, max: 59 }),
    agent: fc.constantFrom(null, 'u-ana', 'u-bo'),
    intent: fc.constantFrom(...INTENTS),
    order: fc.boolean(),
    visible: fc.boolean(),
  }),
  { minLength: 10, maxLength: 80 },
)

type StreamItem = typeof stream extends fc.Arbitrary<(infer T)[]> ? T : never

const toSeed = (items: StreamItem[]): SeedMessage[] =>
  items
    // mostly in time order (as arrivals are), but not strictly: sort by a coarse key
    .map((m, i) => ({ m, key: Math.floor(m.minute / 30) * 1000 + i }))
    .sort((a, b) => a.key - b.key)
    .map(({ m }) => ({
      contact: m.contact,
      direction: m.inbound ? 'inbound' : 'outbound',
      sender: m.inbound ? 'customer' : m.sender === 'customer' ? 'agent' : m.sender,
      at: new Date(START + m.minute * 60_000 + m.seconds * 1000),
      agentId: m.agent,
      intent: m.inbound ? m.intent : null,
      type: m.inbound && m.order && m.intent === null ? 'order' : 'text',
      visible: m.visible || m.minute % 7 !== 0,
    }))

describe.each(ENGINES)('rollups equal raw SQL over messages (%s)', (engine) => {
  let handle: DbHandle

  beforeAll(async () => {
    handle = await openTestDb(engine)
  })
  afterAll(async () => {
    await handle.close()
  })

  async function freshWorkspace(): Promise<{ channel: ChannelRoute; contactIds: string[] }> {
    const channel = await seedChannel(handle.db)
    return { channel, contactIds: await seedContacts(handle.db, channel, 6) }
  }

  it('response times, activity per day and hour of week, and the funnel match, in any zone', async () => {
    await fc.assert(
      fc.asyncProperty(
        stream,
        fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/Sao_Paulo'),
        fc.boolean(),
        // the report may be asked in another zone than the workspace's, half-hour and 45-minute ones too
        fc.constantFrom(null, 'Asia/Kathmandu', 'Australia/Adelaide', 'America/New_York'),
        fc.constantFrom('day', 'week', 'agent'),
        async (items, zone, withHours, askedZone, group) => {
          const { channel, contactIds } = await freshWorkspace()
          // Business hours in the workspace's own zone (the stream crosses Europe's DST change).
          if (withHours)
            await handle.db.execute(
              sql`update workspaces set settings = settings
                    || jsonb_build_object('locale', jsonb_build_object('time_zone', ${zone}::text))
                    || jsonb_build_object('analytics', jsonb_build_object('business_hours', ${JSON.stringify(HOURS)}::jsonb))
                  where id = ${channel.workspaceId}`,
            )
          await seedMessages(handle.db, channel, contactIds, toSeed(items))
          const period: ReportPeriod = {
            workspaceId: channel.workspaceId,
            from: '2026-03-25',
            to: '2026-04-03',
            timeZone: zone,
          }

          const stored = await queryRows<Record<string, unknown>>(
            handle.db,
            sql`select message_id::int, contact_id, agent, asked_at, responded_at, seconds, first
              from analytics_responses where workspace_id = ${channel.workspaceId} order by message_id`,
          )
          const raw = await queryRows<Record<string, unknown>>(
            handle.db,
            sql`select message_id::int, contact_id, agent, asked_at, responded_at, seconds, first
              from (${rawResponses(channel.workspaceId)}) r order by message_id`,
          )
          expect(stored).toEqual(raw)

          const service = await serviceReport(handle.db, period, 'none')
          expect(service.total).toEqual(await rawServiceTotal(handle.db, period))
          // grouped, from the digests of whole hours plus the answers of hours a local day cuts
          const asked = { ...period, timeZone: askedZone ?? zone, from: '2026-03-27', to: '2026-03-30' }
          const grouped = await serviceReport(handle.db, asked, group)
          expect(grouped.rows).toEqual(await rawService(handle.db, asked, group))
          expect(grouped.total).toEqual(await rawServiceTotal(handle.db, asked))

          const activity = await activityReport(handle.db, period, 'day')
          expect(
            activity.rows.map(({ group, inbound, outbound, complaints, conversations }) => ({
              day: group,
              inbound,
              outbound,
              complaints,
              conversations,
            })),
          ).toEqual(await rawDailyActivity(handle.db, period))
          expect(activity.hour_of_week).toEqual(await rawHourOfWeek(handle.db, period))

          const funnel = await funnelReport(handle.db, period, 'none')
          const rawF = await rawFunnel(handle.db, period)
          expect({
            contacts: funnel.total.contacts,
            qualified: funnel.total.qualified,
            ordered: funnel.total.ordered,
          }).toEqual({ contacts: rawF.contacts, qualified: rawF.qualified, ordered: rawF.ordered })
        },
      ),
      { numRuns: engine === 'pg' ? 15 : 25 },
    )
  })

  it('keeps the response digests equal to the answers through inserts, moves and deletions', async () => {
    const { channel, contactIds } = await freshWorkspace()
    const t = (minutes: number) => new Date(Date.parse('2026-03-28T08:50:00Z') + minutes * 60_000)
    const talk = (contact: number, at: number, agentId: string): SeedMessage[] => [
      { contact, direction: 'inbound', sender: 'customer', at: t(at) },
      { contact, direction: 'outbound', sender: 'agent', agentId, at: t(at + 5) },
    ]
    await seedMessages(handle.db, channel, contactIds, [
      ...talk(0, 0, 'u-ana'),
      ...talk(1, 1, 'u-ana'),
      ...talk(2, 2, 'u-bo'),
      ...talk(0, 20, 'u-ana'),
      ...talk(1, 30, 'u-bo'),
    ])
    // each cell's values, unpacked in SQL, against the answers themselves
    const cells = () =>
      queryRows<Record<string, unknown>>(
        handle.db,
        sql`select hour, agent, first,
              (select array_agg(v order by v) from (
                 select ('x' || encode(substring(seconds from i for 4), 'hex'))::bit(32)::int as v
                 from generate_series(1, length(seconds), 4) i) x) as waits
            from analytics_response_digests where workspace_id = ${channel.workspaceId} order by 1, 2, 3`,
      )
    const answers = () =>
      queryRows<Record<string, unknown>>(
        handle.db,
        sql`select date_trunc('hour', responded_at, 'UTC') as hour, agent, first, array_agg(seconds order by seconds) as waits
            from analytics_responses where workspace_id = ${channel.workspaceId} group by 1, 2, 3 order by 1, 2, 3`,
      )
    expect((await cells()).length).toBe(4)
    expect(await cells()).toEqual(await answers())
    // a merge moves answers to another contact and agent names can change: cells are rebuilt
    await handle.db.execute(
      sql`update analytics_responses set agent = 'u-cy' where workspace_id = ${channel.workspaceId} and agent = 'u-bo'`,
    )
    expect(await cells()).toEqual(await answers())
    // an erased contact takes its answers with it; a cell left empty goes
    await handle.db.execute(sql`delete from contacts where id = ${contactIds[2]}::uuid`)
    await handle.db.execute(sql`delete from contacts where id = ${contactIds[0]}::uuid`)
    expect(await cells()).toEqual(await answers())
    expect((await answers()).length).toBeGreaterThan(0)
  })

  it('splits an hour a local midnight cuts through (Kathmandu +5:45, Adelaide +10:30) by the answers themselves', async () => {
    const { channel, contactIds } = await freshWorkspace()
    // Kathmandu's midnight of 2026-03-29 is 18:15 UTC; Adelaide's (+10:30 in March) is 13:30 UTC.
    const answerAt = (contact: number, iso: string, waitMinutes: number): SeedMessage[] => [
      {
        contact,
        direction: 'inbound',
        sender: 'customer',
        at: new Date(Date.parse(iso) - waitMinutes * 60_000),
      },
      { contact, direction: 'outbound', sender: 'agent', agentId: 'u-ana', at: new Date(iso) },
    ]
    await seedMessages(handle.db, channel, contactIds, [
      ...answerAt(0, '2026-03-28T18:10:00Z', 1),
      ...answerAt(1, '2026-03-28T18:20:00Z', 2),
      ...answerAt(2, '2026-03-28T18:50:00Z', 3),
      ...answerAt(3, '2026-03-28T13:20:00Z', 4),
      ...answerAt(4, '2026-03-28T13:40:00Z', 5),
    ])
    for (const timeZone of ['Asia/Kathmandu', 'Australia/Adelaide']) {
      for (const [from, to] of [
        ['2026-03-28', '2026-03-29'],
        ['2026-03-29', '2026-03-29'],
      ] as const) {
        const period: ReportPeriod = { workspaceId: channel.workspaceId, from, to, timeZone }
        const report = await serviceReport(handle.db, period, 'day')
        expect(report.rows).toEqual(await rawService(handle.db, period, 'day'))
        expect(report.total).toEqual(await rawServiceTotal(handle.db, period))
      }
    }
    const kathmandu = await serviceReport(
      handle.db,
      { workspaceId: channel.workspaceId, from: '2026-03-28', to: '2026-03-29', timeZone: 'Asia/Kathmandu' },
      'day',
    )
    expect(kathmandu.rows.map((r) => [r.group, r.responses])).toEqual([
      ['2026-03-28', 3], // 19:05, 19:25 and 23:55 local
      ['2026-03-29', 2], // 00:05 and 00:35 local, the same UTC hour as 23:55
    ])
  })

  it('marks the first answer of each 24-hour conversation, measures from the earliest waiting message', async () => {
    const { channel, contactIds } = await freshWorkspace()
    const t = (minutes: number) => new Date(Date.parse('2026-03-28T08:00:00Z') + minutes * 60_000)
    await seedMessages(handle.db, channel, contactIds, [
      { contact: 0, direction: 'inbound', sender: 'customer', at: t(0) },
      { contact: 0, direction: 'inbound', sender: 'customer', at: t(2) },
      { contact: 0, direction: 'outbound', sender: 'automation', at: t(3) }, // a bot does not answer
      { contact: 0, direction: 'outbound', sender: 'agent', agentId: 'u-ana', at: t(5) },
      { contact: 0, direction: 'outbound', sender: 'agent', agentId: 'u-ana', at: t(6) }, // nobody waiting
      { contact: 0, direction: 'inbound', sender: 'customer', at: t(60) },
      { contact: 0, direction: 'outbound', sender: 'business_app', at: t(61) },
      { contact: 0, direction: 'inbound', sender: 'customer', at: t(61 + 24 * 60 + 1) }, // a new conversation
      { contact: 0, direction: 'outbound', sender: 'agent', agentId: 'u-bo', at: t(61 + 24 * 60 + 11) },
    ])
    const rows = await queryRows<{ agent: string; seconds: number; first: boolean }>(
      handle.db,
      sql`select agent, seconds, first from analytics_responses where workspace_id = ${channel.workspaceId} order by id`,
    )
    expect(rows).toEqual([
      { agent: 'u-ana', seconds: 300, first: true },
      { agent: 'business_app', seconds: 60, first: false },
      { agent: 'u-bo', seconds: 600, first: true },
    ])
  })

  it('counts a billable message once however many statuses repeat its pricing, and prices it with the rate card', async () => {
    const { channel } = await freshWorkspace()
    const at = new Date('2026-03-28T10:00:00Z')
    const marketing = { billable: true, pricing_model: 'PMP', category: 'marketing', type: 'regular' }
    for (const status of ['sent', 'delivered', 'read'])
      await seedStatus(handle.db, channel, 'w.m1', status, at, marketing)
    await seedStatus(handle.db, channel, 'w.m2', 'sent', at, marketing)
    await seedStatus(handle.db, channel, 'w.u1', 'sent', at, {
      billable: true,
      pricing_model: 'PMP',
      category: 'utility',
    })
    // free service replies and statuses without pricing are not billed
    await seedStatus(handle.db, channel, 'w.s1', 'sent', at, {
      billable: false,
      pricing_model: 'PMP',
      category: 'service',
    })
    await seedStatus(handle.db, channel, 'w.s2', 'delivered', at, null)
    const period: ReportPeriod = {
      workspaceId: channel.workspaceId,
      from: '2026-03-28',
      to: '2026-03-28',
      timeZone: 'UTC',
    }
    const settings = analyticsOf({
      analytics: { rate_card: { currency: 'BRL', rates: { marketing: 0.0625 } } },
    })
    const report = await costReport(handle.db, period, 'day', settings)
    expect(report.total.billable).toEqual({ marketing: 2, utility: 1 })
    expect(report.total.billable).toEqual(await rawBillable(handle.db, period))
    expect(report.total.cost).toBe(0.125)
    expect(report.currency).toBe('BRL')
    expect(report.unpriced_categories).toEqual(['utility'])
    // no conversation started that day in this workspace: no cost per conversation
    expect(report.total.cost_per_conversation).toBeNull()
  })

  it('cost per conversation divides by the 24-hour conversations begun', async () => {
    const { channel, contactIds } = await freshWorkspace()
    const t = (h: number) => new Date(Date.parse('2026-03-28T08:00:00Z') + h * 3_600_000)
    await seedMessages(handle.db, channel, contactIds, [
      { contact: 0, direction: 'inbound', sender: 'customer', at: t(0) },
      { contact: 0, direction: 'outbound', sender: 'agent', at: t(1) },
      { contact: 1, direction: 'inbound', sender: 'customer', at: t(2) },
      // same contact 0 within 24 h of its last message: same conversation
      { contact: 0, direction: 'inbound', sender: 'customer', at: t(20) },
    ])
    for (const w of ['a', 'b', 'c'])
      await seedStatus(handle.db, channel, w, 'sent', t(3), { billable: true, category: 'marketing' })
    const settings = analyticsOf({ analytics: { rate_card: { rates: { marketing: 0.05 } } } })
    const period: ReportPeriod = {
      workspaceId: channel.workspaceId,
      from: '2026-03-28',
      to: '2026-03-29',
      timeZone: 'UTC',
    }
    const report = await costReport(handle.db, period, 'none', settings)
    expect(report.total).toMatchObject({ cost: 0.15, conversations: 2, cost_per_conversation: 0.075 })
  })

  it('a corrected intent moves the message in or out of the complaint count', async () => {
    const { channel, contactIds } = await freshWorkspace()
    await seedMessages(handle.db, channel, contactIds, [
      {
        contact: 0,
        direction: 'inbound',
        sender: 'customer',
        at: new Date('2026-03-28T09:00:00Z'),
        intent: 'other',
      },
    ])
    const period: ReportPeriod = {
      workspaceId: channel.workspaceId,
      from: '2026-03-28',
      to: '2026-03-28',
      timeZone: 'UTC',
    }
    const complaints = async () => (await activityReport(handle.db, period, 'day')).rows[0]?.complaints
    expect(await complaints()).toBe(0)
    await handle.db.execute(
      sql`update messages set intent = 'complaint' where workspace_id = ${channel.workspaceId}`,
    )
    expect(await complaints()).toBe(1)
    await handle.db.execute(
      sql`update messages set intent = 'quote' where workspace_id = ${channel.workspaceId}`,
    )
    expect(await complaints()).toBe(0)
  })
})
