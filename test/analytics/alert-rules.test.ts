import { inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  complaintStreak,
  slowAgents,
  storeAlerts,
  syncFailures,
} from '../../backend/src/analytics/alert-rules'
import { analyticsOf } from '../../backend/src/analytics/analytics-settings'
import { localDate } from '../../backend/src/analytics/report-period'
import type { ChannelRoute } from '../../backend/src/channels/channel-route'
import type { DbHandle } from '../../backend/src/db/client'
import { queryRows } from '../../backend/src/db/query-rows'
import { crmConnections, crmOutbox, eventSubscriptions } from '../../backend/src/db/schema'
import { seedChannel } from '../support/seed-channel'
import { ENGINES, openTestDb } from '../support/test-db'
import { type SeedMessage, seedContacts, seedMessages } from './seed'

const DEFAULTS = analyticsOf({})

describe.each(ENGINES)('alert rules at their boundaries (%s)', (engine) => {
  let handle: DbHandle

  beforeAll(async () => {
    handle = await openTestDb(engine)
  })
  afterAll(async () => {
    await handle.close()
  })

  /** A workspace whose customers wrote `inbound` messages on each day, `complaints` of them complaints. */
  async function complaintDays(days: { day: string; inbound: number; complaints: number }[], zone = 'UTC') {
    const channel = await seedChannel(handle.db)
    const [contact] = await seedContacts(handle.db, channel, 1)
    const list: SeedMessage[] = []
    for (const d of days)
      for (let i = 0; i < d.inbound; i += 1)
        list.push({
          contact: 0,
          direction: 'inbound',
          sender: 'customer',
          // noon local, give or take: inside the day in any zone used here
          at: new Date(Date.parse(`${d.day}T12:00:00Z`) + i * 1000),
          intent: i < d.complaints ? 'complaint' : 'other',
        })
    await seedMessages(handle.db, channel, [contact as string], list)
    return { channel, zone }
  }

  const streakOn = (channel: ChannelRoute, day: string, zone = 'UTC') =>
    complaintStreak(handle.db, channel.workspaceId, day, zone, DEFAULTS)

  it('complaints over 5 % on three days running raise one alert; 5.0 % is not over', async () => {
    const { channel } = await complaintDays([
      { day: '2026-03-01', inbound: 1000, complaints: 51 },
      { day: '2026-03-02', inbound: 1000, complaints: 51 },
      { day: '2026-03-03', inbound: 1000, complaints: 51 },
      { day: '2026-03-04', inbound: 1000, complaints: 60 },
    ])
    expect(await streakOn(channel, '2026-03-02')).toEqual([]) // two days: not yet
    const [alert] = await streakOn(channel, '2026-03-03')
    expect(alert).toMatchObject({ rule: 'complaint_rate', subject: 'workspace', period: '2026-03-01..' })
    expect(
      ((alert as { figures: Record<string, unknown> }).figures.days as { rate_percent: number }[]).map(
        (d) => d.rate_percent,
      ),
    ).toEqual([5.1, 5.1, 5.1])
    expect(await storeAlerts(handle.db, channel.workspaceId, [alert!])).toBe(1)
    // the streak goes on: same streak, same alert, nothing new
    const next = await streakOn(channel, '2026-03-04')
    expect(next[0]?.period).toBe('2026-03-01..')
    expect(await storeAlerts(handle.db, channel.workspaceId, next)).toBe(0)

    const { channel: atFive } = await complaintDays([
      { day: '2026-03-01', inbound: 1000, complaints: 51 },
      { day: '2026-03-02', inbound: 1000, complaints: 50 },
      { day: '2026-03-03', inbound: 1000, complaints: 51 },
    ])
    expect(await streakOn(atFive, '2026-03-03')).toEqual([])
  })

  it('a day without customer messages breaks the streak', async () => {
    const { channel } = await complaintDays([
      { day: '2026-03-01', inbound: 20, complaints: 2 },
      { day: '2026-03-03', inbound: 20, complaints: 2 },
      { day: '2026-03-04', inbound: 20, complaints: 2 },
    ])
    expect(await streakOn(channel, '2026-03-04')).toEqual([])
  })

  it('days are the workspace zone’s: the same messages make a streak in one zone and not in another', async () => {
    // complaints at 12:00Z on the 1st..3rd; in Pacific/Kiritimati (UTC+14) 12:00Z is 02:00 next day
    const { channel } = await complaintDays([
      { day: '2026-03-01', inbound: 10, complaints: 1 },
      { day: '2026-03-02', inbound: 10, complaints: 1 },
      { day: '2026-03-03', inbound: 10, complaints: 1 },
    ])
    expect(await streakOn(channel, '2026-03-03', 'UTC')).toHaveLength(1)
    expect(await streakOn(channel, '2026-03-03', 'Pacific/Kiritimati')).toEqual([])
    expect(await streakOn(channel, '2026-03-04', 'Pacific/Kiritimati')).toHaveLength(1)
  })

  it('an agent whose weekly median is 6:01 gets a coaching alert; 6:00 does not', async () => {
    const channel = await seedChannel(handle.db)
    const contacts = await seedContacts(handle.db, channel, 6)
    const list: SeedMessage[] = []
    const week = Date.parse('2026-03-02T09:00:00Z') // a Monday
    const answer = (contact: number, agentId: string, waitSeconds: number, hour: number) => {
      const asked = week + hour * 3_600_000
      list.push({ contact, direction: 'inbound', sender: 'customer', at: new Date(asked) })
      list.push({
        contact,
        direction: 'outbound',
        sender: 'agent',
        agentId,
        at: new Date(asked + waitSeconds * 1000),
      })
    }
    for (const [i, s] of [300, 360, 400].entries()) answer(i, 'u-ok', s, i)
    for (const [i, s] of [300, 361, 400].entries()) answer(3 + i, 'u-slow', s, i)
    // the week after does not count for the week of 2 March
    answer(0, 'u-ok', 9000, 24 * 7 + 1)
    await seedMessages(handle.db, channel, contacts, list)

    const alerts = await slowAgents(handle.db, channel.workspaceId, '2026-03-02', 'UTC', DEFAULTS)
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({
      rule: 'agent_response_time',
      subject: 'u-slow',
      period: 'week of 2026-03-02',
      figures: { median_seconds: 361, threshold_seconds: 360, responses: 3 },
    })
    expect(alerts[0]?.suggestion).toContain('6 min 01 s')
  })

  it('CRM sync success under 99 % in a day raises an alert; exactly 99 % does not', async () => {
    const channel = await seedChannel(handle.db)
    const today = localDate(new Date(), 'UTC')
    const connection = async (account: string, parked: number) => {
      const [c] = await handle.db
        .insert(crmConnections)
        .values({
          workspaceId: channel.workspaceId,
          provider: 'hubspot',
          accountId: `${account}-${channel.id}`,
        })
        .returning()
      const rows = await handle.db
        .insert(crmOutbox)
        .values(
          Array.from({ length: 100 }, (_, i) => ({
            workspaceId: channel.workspaceId,
            connectionId: c!.id,
            kind: 'contact' as const,
            subjectId: `s-${i}`,
          })),
        )
        .returning({ id: crmOutbox.id })
      const ids = rows.map((r) => r.id)
      // as the sync settles changes: parked ones failed, the others leave the outbox
      if (parked > 0)
        await handle.db
          .update(crmOutbox)
          .set({ parkedAt: new Date() })
          .where(inArray(crmOutbox.id, ids.slice(0, parked)))
      await handle.db.delete(crmOutbox).where(inArray(crmOutbox.id, ids.slice(parked)))
      return c!.id
    }
    await connection('ninety-nine', 1)
    const failing = await connection('ninety-eight', 2)
    const alerts = await syncFailures(handle.db, channel.workspaceId, today, 'UTC', DEFAULTS)
    expect(alerts).toEqual([
      expect.objectContaining({
        rule: 'sync_success',
        subject: failing,
        period: today,
        figures: { threshold_percent: 99, succeeded: 98, failed: 2, success_percent: 98 },
      }),
    ])
    // removing a connection takes its queued changes with it: not sync outcomes, and no error
    const gone = await connection('removed', 0)
    await handle.db
      .insert(crmOutbox)
      .values({ workspaceId: channel.workspaceId, connectionId: gone, kind: 'contact', subjectId: 'left' })
    await handle.db.execute(sql`delete from crm_connections where id = ${gone}`)
    const [figures] = await queryRows<{ succeeded: number }>(
      handle.db,
      sql`select sum(succeeded)::int as succeeded from analytics_sync where connection_id = ${gone}`,
    )
    expect(figures?.succeeded).toBe(100)
  })

  it('a stored alert is queued as the alert.raised event for subscribers', async () => {
    const channel = await seedChannel(handle.db)
    await handle.db.insert(eventSubscriptions).values({
      workspaceId: channel.workspaceId,
      url: 'https://hooks.example.com/scrm',
      events: ['alert.raised'],
      secretEnc: 'x',
    })
    await storeAlerts(handle.db, channel.workspaceId, [
      {
        rule: 'complaint_rate',
        subject: 'workspace',
        period: '2026-03-01..',
        figures: { days: [] },
        suggestion: 'look',
      },
    ])
    const deliveries = await queryRows<{ event_type: string; payload: { data: Record<string, unknown> } }>(
      handle.db,
      sql`select event_type, payload from event_deliveries where workspace_id = ${channel.workspaceId}`,
    )
    expect(deliveries).toHaveLength(1)
    expect(deliveries[0]?.event_type).toBe('alert.raised')
    expect(deliveries[0]?.payload.data).toMatchObject({
      rule: 'complaint_rate',
      period: '2026-03-01..',
      suggestion: 'look',
    })
  })
})
