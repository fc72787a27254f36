import { errorEnvelopeSchema } from '@scrm/shared'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storeAlerts } from '../../backend/src/analytics/alert-rules'
import { analyticsJobs } from '../../backend/src/analytics/analytics-jobs'
import type { ChannelRoute } from '../../backend/src/channels/channel-route'
import { queryRows } from '../../backend/src/db/query-rows'
import { whatsappChannels } from '../../backend/src/db/schema'
import { Scheduler } from '../../backend/src/jobs/scheduler'
import { createLogger } from '../../backend/src/lib/logger'
import { customerWrites } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'
import { seedContacts, seedMessages } from './seed'

describe.each(ENGINES)('report and alert API (%s)', (engine) => {
  let rt: TestRuntime
  let keyA: string
  let keyB: string
  let workspaceA: string
  let channelA: ChannelRoute

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    const a = await (await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja A' } })).json()
    const b = await (await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja B' } })).json()
    keyA = a.api_key
    keyB = b.api_key
    workspaceA = a.id
    expect((await registerChannel(rt, NUMBER_A, 'BR', keyA)).status).toBe(201)
    const [channel] = await rt.db.db.select().from(whatsappChannels)
    channelA = { ...channel!, wabaId: channel!.wabaId ?? null }
  })
  afterAll(async () => {
    await rt?.close()
  })

  const today = () => new Date().toISOString().slice(0, 10)

  it('a customer message from the webhook and an agent reply from the API become a response time of that agent', async () => {
    await customerWrites(
      rt,
      NUMBER_A,
      { waId: '5511987650001', name: 'Ana' },
      'Oi, meu pedido não chegou',
      new Date(Date.now() - 90_000),
    )
    const contact = (await (await rt.api('/api/v1/thread?phone=%2B5511987650001', { key: keyA })).json())
      .contact.id
    const sent = await rt.api('/api/v1/messages', {
      method: 'POST',
      key: keyA,
      json: {
        contact_id: contact,
        sender: 'agent',
        agent_id: 'user-17',
        content: { type: 'text', text: 'Vou verificar agora.' },
      },
    })
    expect(sent.status).toBe(202)
    const [waited] = await queryRows<{ seconds: number }>(
      rt.db.db,
      sql`select floor(extract(epoch from max(sent_at) filter (where direction = 'outbound') - min(sent_at)))::int as seconds
          from messages where contact_id = ${contact}`,
    )
    const q = `from=${today()}&to=${today()}&time_zone=UTC`
    const res = await rt.api(`/api/v1/reports/service?${q}&group_by=agent`, { key: keyA })
    expect(res.status).toBe(200)
    const report = await res.json()
    expect(report.rows).toEqual([
      expect.objectContaining({
        group: 'user-17',
        responses: 1,
        median_seconds: waited?.seconds,
        first_responses: 1,
      }),
    ])
    expect(waited!.seconds).toBeGreaterThanOrEqual(89)

    const csv = await rt.api(`/api/v1/reports/service?${q}&group_by=agent`, {
      key: keyA,
      headers: { accept: 'text/csv' },
    })
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const lines = (await csv.text()).trim().split('\n')
    expect(lines[0]).toBe(
      'group,responses,median_seconds,p90_seconds,first_responses,first_median_seconds,first_p90_seconds,' +
        'business_responses,business_median_seconds,business_p90_seconds,first_business_median_seconds,first_business_p90_seconds',
    )
    expect(lines[1]).toBe(
      // no business hours set: the business-hours columns are empty
      `user-17,1,${waited?.seconds},${waited?.seconds},1,${waited?.seconds},${waited?.seconds},0,,,,`,
    )

    // the other workspace sees none of it
    const other = await (await rt.api(`/api/v1/reports/service?${q}`, { key: keyB })).json()
    expect(other.total.responses).toBe(0)
  })

  it('refuses impossible dates, reversed or overlong ranges, unknown zones and groupings with the error envelope', async () => {
    for (const query of [
      'from=2026-02-30&to=2026-03-01',
      'from=2550-42-43&to=2026-03-01',
      'from=%00&to=x',
      'from=2026-03-02&to=2026-03-01',
      'from=2024-01-01&to=2026-01-01',
      'from=2026-03-01&to=2026-03-02&time_zone=Mars%2FOlympus',
      'from=2026-03-01&to=2026-03-02&group_by=planet',
      'to=2026-03-02',
    ]) {
      const res = await rt.api(`/api/v1/reports/activity?${query}`, { key: keyA })
      expect(res.status, query).toBe(400)
      expect(errorEnvelopeSchema.safeParse(await res.json()).success).toBe(true)
    }
    // found by the route fuzz: a date that matches the pattern but no calendar answered 500
    for (const query of ['from=2550-42-43', 'from=%00&to=x']) {
      expect((await rt.api(`/api/v1/reports/weekly?${query}`, { key: keyA })).status, query).toBe(400)
    }
  })

  it('hour of week follows the wall clock across DST changes (Europe/Berlin)', async () => {
    const contacts = await seedContacts(rt.db.db, channelA, 1)
    const at = (iso: string) => ({
      contact: 0,
      direction: 'inbound' as const,
      sender: 'customer' as const,
      at: new Date(iso),
    })
    await seedMessages(rt.db.db, channelA, contacts, [
      at('2026-03-29T00:30:00Z'), // 01:30 CET, Sunday
      at('2026-03-29T01:30:00Z'), // 03:30 CEST: 02:xx does not exist that day
      at('2026-10-25T00:30:00Z'), // 02:30 CEST, Sunday
      at('2026-10-25T01:30:00Z'), // 02:30 CET: the hour that happens twice
    ])
    const spring = await (
      await rt.api('/api/v1/reports/activity?from=2026-03-29&to=2026-03-29&time_zone=Europe%2FBerlin', {
        key: keyA,
      })
    ).json()
    expect(spring.hour_of_week).toEqual([
      { weekday: 7, hour: 1, inbound: 1, outbound: 0 },
      { weekday: 7, hour: 3, inbound: 1, outbound: 0 },
    ])
    const autumn = await (
      await rt.api('/api/v1/reports/activity?from=2026-10-25&to=2026-10-25&time_zone=Europe%2FBerlin', {
        key: keyA,
      })
    ).json()
    expect(autumn.hour_of_week).toEqual([{ weekday: 7, hour: 2, inbound: 2, outbound: 0 }])
    expect(autumn.rows).toEqual([expect.objectContaining({ group: '2026-10-25', inbound: 2 })])
    // in UTC the same four messages fall at hours 0 and 1
    const utc = await (
      await rt.api('/api/v1/reports/activity?from=2026-10-25&to=2026-10-25&time_zone=UTC', { key: keyA })
    ).json()
    expect(utc.hour_of_week.map((c: { hour: number }) => c.hour)).toEqual([0, 1])
  })

  it('lists alerts of its own workspace only, and resolves them', async () => {
    await storeAlerts(rt.db.db, workspaceA, [
      {
        rule: 'agent_response_time',
        subject: 'user-17',
        period: 'week of 2026-03-02',
        figures: { median_seconds: 361, threshold_seconds: 360, responses: 40 },
        suggestion: 'coach',
      },
    ])
    const listed = await (await rt.api('/api/v1/alerts', { key: keyA })).json()
    expect(listed.alerts).toEqual([
      expect.objectContaining({
        rule: 'agent_response_time',
        subject: 'user-17',
        resolved_at: null,
        figures: { median_seconds: 361, threshold_seconds: 360, responses: 40 },
      }),
    ])
    const id = listed.alerts[0].id
    expect((await (await rt.api('/api/v1/alerts', { key: keyB })).json()).alerts).toEqual([])
    expect((await rt.api(`/api/v1/alerts/${id}/resolve`, { method: 'POST', key: keyB })).status).toBe(404)
    const resolved = await rt.api(`/api/v1/alerts/${id}/resolve`, { method: 'POST', key: keyA })
    expect(resolved.status).toBe(200)
    const first = (await resolved.json()).resolved_at
    expect(first).not.toBeNull()
    expect(
      (await (await rt.api(`/api/v1/alerts/${id}/resolve`, { method: 'POST', key: keyA })).json())
        .resolved_at,
    ).toBe(first)
    expect((await (await rt.api('/api/v1/alerts', { key: keyA })).json()).alerts).toEqual([])
    expect((await (await rt.api('/api/v1/alerts?state=resolved', { key: keyA })).json()).alerts).toHaveLength(
      1,
    )
  })

  it('prices the cost report with the rate card set in the analytics settings', async () => {
    const put = await rt.api('/api/v1/settings/analytics', {
      method: 'PUT',
      key: keyA,
      json: { rate_card: { currency: 'BRL', rates: { marketing: 0.35, utility: 0.04 } } },
    })
    expect(put.status).toBe(200)
    expect((await put.json()).alerts).toEqual({
      complaint_rate_percent: 5,
      complaint_days: 3,
      agent_median_seconds: 360,
      sync_success_percent: 99,
      intent_conversion_percent: { price_discount: 12 },
      intent_conversion_min_contacts: 20,
    })
    const cost = await (
      await rt.api(`/api/v1/reports/cost?from=${today()}&to=${today()}`, { key: keyA })
    ).json()
    expect(cost.currency).toBe('BRL')
  })

  it('the weekly job runs on the shared scheduler and keeps the week as it was', async () => {
    await rt.api('/api/v1/settings/locale', {
      method: 'PUT',
      key: keyA,
      json: { time_zone: 'America/Sao_Paulo' },
    })
    const contacts = await seedContacts(rt.db.db, channelA, 1)
    const t = (iso: string) => new Date(iso)
    await seedMessages(rt.db.db, channelA, contacts, [
      {
        contact: 0,
        direction: 'inbound',
        sender: 'customer',
        at: t('2026-03-04T15:00:00Z'),
        intent: 'quote',
      },
      {
        contact: 0,
        direction: 'outbound',
        sender: 'agent',
        agentId: 'user-9',
        at: t('2026-03-04T15:07:00Z'),
      },
    ])
    const scheduler = new Scheduler(rt.db.db, {
      jobs: analyticsJobs(rt.db.db),
      logger: createLogger('silent'),
      since: t('2026-03-08T00:00:00Z'),
    })
    // Monday 9 March, 00:25 in São Paulo (UTC-3)
    const { runs } = await scheduler.runOnce(t('2026-03-09T03:25:00Z'))
    expect(
      runs
        .filter((r) => r.workspaceId === workspaceA)
        .map((r) => [r.job, r.outcome])
        .sort(),
    ).toEqual([
      ['analytics-daily-alerts', 'ok'],
      ['analytics-weekly', 'ok'],
    ])
    const read = async () => (await (await rt.api('/api/v1/reports/weekly', { key: keyA })).json()).weeks
    const [week] = await read()
    expect(week.week_start).toBe('2026-03-02')
    expect(week.report.time_zone).toBe('America/Sao_Paulo')
    expect(week.report.service.rows).toEqual([
      expect.objectContaining({ group: 'user-9', median_seconds: 420 }),
    ])
    expect(week.report.funnel.total).toMatchObject({ contacts: 1, qualified: 1 })
    // the agent's 7:00 median raised the coaching alert through the same run
    const alerts = (await (await rt.api('/api/v1/alerts?rule=agent_response_time', { key: keyA })).json())
      .alerts
    expect(alerts.map((a: { subject: string; period: string }) => [a.subject, a.period])).toEqual([
      ['user-9', 'week of 2026-03-02'],
    ])

    // a late message for that week changes the live report, not the snapshot
    await seedMessages(rt.db.db, channelA, contacts, [
      { contact: 0, direction: 'inbound', sender: 'customer', at: t('2026-03-05T15:00:00Z') },
      {
        contact: 0,
        direction: 'outbound',
        sender: 'agent',
        agentId: 'user-9',
        at: t('2026-03-05T15:01:00Z'),
      },
    ])
    await scheduler.runOnce(t('2026-03-09T03:40:00Z'))
    const [again] = await read()
    expect(again).toEqual(week)
    const live = await (
      await rt.api('/api/v1/reports/service?from=2026-03-02&to=2026-03-08', { key: keyA })
    ).json()
    expect(live.total.responses).toBe(2)

    // a snapshot taken before business hours existed (no business_ figures) still reads as it was
    const old = structuredClone(week.report)
    for (const row of [old.service.total, ...old.service.rows])
      for (const k of Object.keys(row)) if (k.includes('business')) delete row[k]
    await rt.db.db.execute(
      sql`update analytics_weekly_reports set report = ${JSON.stringify(old)}::jsonb
          where workspace_id = ${workspaceA} and week_start = '2026-03-02'`,
    )
    const res = await rt.api('/api/v1/reports/weekly', { key: keyA })
    expect(res.status).toBe(200)
    expect((await res.json()).weeks[0].report).toEqual(old)
  })
})
