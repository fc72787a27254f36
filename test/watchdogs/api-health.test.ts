import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GraphRoutes } from '../../backend/src/channels/graph-routes'
import { queryRows } from '../../backend/src/db/query-rows'
import {
  nextRoute,
  probeAgainNow,
  probeVerdict,
  type RouteState,
  STREAK,
} from '../../backend/src/watchdogs/api-health-rule'
import { type CloudApiSimulator, startCloudApiSimulator } from '../simulators/whatsapp/cloud-api'
import { contactIdOf, customerWrites } from '../support/conversation'
import { type SendHarness, startSendHarness, TOKEN } from '../support/send-harness'
import { ENGINES } from '../support/test-db'
import { NUMBER_A } from '../support/test-runtime'

const PRIMARY: RouteState = { route: 'primary', failingStreak: 0, healthyStreak: 0 }

describe('the WhatsApp API health rule at its boundaries', () => {
  it('judges a probe: under 800 ms normal, up to 1.5 s slow, over 1.5 s or no answer failing', () => {
    expect([0, 799, 800, 1_490, 1_500, 1_501, 1_510, null].map(probeVerdict)).toEqual([
      'normal',
      'normal',
      'slow',
      'slow',
      'slow',
      'failing',
      'failing',
      'failing',
    ])
  })

  const run = (verdicts: ('normal' | 'slow' | 'failing')[], hasStandby = true, from = PRIMARY) =>
    verdicts.reduce(
      (acc, v) => {
        const next = nextRoute(acc.state, v, hasStandby)
        return { state: next.state, changes: [...acc.changes, next.change] }
      },
      { state: from, changes: [] as (string | null)[] },
    )

  it('fails over on the third failing probe in a row, not the second; a slow one breaks the run', () => {
    expect(run(['failing', 'failing']).state.route).toBe('primary')
    expect(run(['failing', 'failing', 'slow', 'failing', 'failing']).state.route).toBe('primary')
    const third = run(['failing', 'failing', 'failing'])
    expect(third.state).toEqual({ route: 'standby', failingStreak: 0, healthyStreak: 0 })
    expect(third.changes).toEqual([null, null, 'failover'])
  })

  it('without a standby raises the alarm once per failing run and stays on the primary', () => {
    const out = run(
      ['failing', 'failing', 'failing', 'failing', 'normal', 'failing', 'failing', 'failing'],
      false,
    )
    expect(out.state.route).toBe('primary')
    expect(out.changes.filter(Boolean)).toEqual(['failing_without_standby', 'failing_without_standby'])
    expect(out.changes[2]).toBe('failing_without_standby')
  })

  it('fails back after three normal probes of the primary in a row; a slow one starts the count again', () => {
    const standby: RouteState = { route: 'standby', failingStreak: 0, healthyStreak: 0 }
    expect(run(['normal', 'normal', 'slow', 'normal', 'normal'], true, standby).state.route).toBe('standby')
    expect(run(['normal', 'normal', 'normal'], true, standby).changes).toEqual([null, null, 'failback'])
  })

  it('only a failing primary is probed again at once', () => {
    expect(probeAgainNow(PRIMARY, 'failing')).toBe(true)
    expect(probeAgainNow(PRIMARY, 'slow')).toBe(false)
    expect(probeAgainNow({ ...PRIMARY, route: 'standby' }, 'normal')).toBe(false)
  })

  it('for any sequence of probes, the route is the standby exactly when the rule says so', () => {
    const verdict = fc.constantFrom('normal' as const, 'slow' as const, 'failing' as const)
    fc.assert(
      fc.property(fc.array(verdict, { maxLength: 40 }), (verdicts) => {
        // A straightforward re-reading of the rule, to compare against.
        let route: 'primary' | 'standby' = 'primary'
        let streak = 0
        for (const v of verdicts) {
          if (route === 'primary') {
            streak = v === 'failing' ? streak + 1 : 0
            if (streak === STREAK) [route, streak] = ['standby', 0]
          } else {
            streak = v === 'normal' ? streak + 1 : 0
            if (streak === STREAK) [route, streak] = ['primary', 0]
          }
        }
        expect(run(verdicts).state.route).toBe(route)
      }),
    )
  })
})

describe.each(ENGINES)('the hourly WhatsApp API health probe (%s)', (engine) => {
  let standby: CloudApiSimulator
  let h: SendHarness
  let hour = 0
  beforeAll(async () => {
    standby = await startCloudApiSimulator({
      appSecret: 'test-app-secret-0123456789',
      accessTokens: [TOKEN],
      numbers: [{ ...NUMBER_A, mps: 80, tierLimit: null }],
    })
    h = await startSendHarness(
      engine,
      {},
      {
        WHATSAPP_STANDBY_GRAPH_URL: standby.url,
        WHATSAPP_HEALTH_SCHEDULE: '0 * * * *',
        WHATSAPP_HEALTH_RETRY_MS: '0',
      },
    )
  }, 120_000)
  afterAll(async () => {
    await h?.close()
    await standby?.close()
  })

  /** The scheduler one hour later each time: one probe run per call. */
  const nextHour = async () => {
    hour += 1
    const { runs } = await h.rt.scheduler.runOnce(new Date(Date.now() + hour * 3_600_000 + 60_000))
    return runs.filter((r) => r.job === 'whatsapp-health-probe')
  }
  const state = async () => {
    const [row] = await queryRows<{ route: string; probes: string[]; open_alerts: number }>(
      h.rt.db.db,
      sql`select (select route from whatsapp_api_routes) as route,
                 (select coalesce(json_agg(verdict order by id), '[]'::json) from whatsapp_health_probes) as probes,
                 (select count(*)::int from analytics_alerts where rule = 'api_health' and resolved_at is null) as open_alerts`,
    )
    return row
  }

  it('a Graph slower than 1.5 s three times in a row: sends go to the standby, with an alert', async () => {
    h.sim.configure({ faults: { readLatencyMs: 1_600 } })
    const [run] = await nextHour()
    expect(run?.outcome).toBe('ok')
    expect(await state()).toEqual({
      route: 'standby',
      probes: ['failing', 'failing', 'failing'],
      open_alerts: 1,
    })
    const [alert] = (await (await h.rt.api('/api/v1/alerts?rule=api_health')).json()).alerts
    expect(alert.figures).toMatchObject({ switched_to_standby: true, in_a_row: 3 })
    expect(alert.figures.samples_ms.every((ms: number) => ms > 1_500)).toBe(true)

    // A rep's answer now leaves through the standby, not the slow primary.
    await customerWrites(h.rt, NUMBER_A, { waId: '5511970001111', name: 'Bia' }, 'oi')
    const contactId = await contactIdOf(h.rt, '+5511970001111')
    const res = await h.rt.api('/api/v1/messages', {
      method: 'POST',
      json: { contact_id: contactId, sender: 'agent', content: { type: 'text', text: 'Olá!' } },
    })
    expect(res.status).toBe(202)
    await h.waitFor(
      async () => standby.stats().accepted,
      (n) => n === 1,
    )
    expect(h.sim.stats().accepted).toBe(0)
  }, 60_000)

  it('three healthy hourly probes of the primary bring sends back and resolve the alert', async () => {
    h.sim.configure({ faults: {} })
    // Hour by hour (a loaded machine may make one probe slow, which rightly starts the count again).
    for (let hours = 0; hours < 10 && (await state())?.route === 'standby'; hours += 1) {
      await nextHour()
      const probes = (await state())?.probes.slice(3) ?? []
      // Never back before the third normal probe in a row.
      if ((await state())?.route === 'standby')
        expect(probes.slice(-3)).not.toEqual(['normal', 'normal', 'normal'])
    }
    const after = await state()
    expect(after).toMatchObject({ route: 'primary', open_alerts: 0 })
    expect(after?.probes.slice(-3)).toEqual(['normal', 'normal', 'normal'])
    expect(after?.probes.length).toBeGreaterThanOrEqual(6)
    const routes = new GraphRoutes(h.rt.db.db, h.sim.url, standby.url)
    const [ws] = await queryRows<{ id: string }>(
      h.rt.db.db,
      sql`select workspace_id::text as id from whatsapp_channels`,
    )
    expect(await routes.graphUrlFor(ws!.id)).toBe(h.sim.url)
  }, 60_000)
})
