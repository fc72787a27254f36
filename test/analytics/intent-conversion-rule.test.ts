import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storeAlerts } from '../../backend/src/analytics/alert-rules'
import { analyticsOf } from '../../backend/src/analytics/analytics-settings'
import { intentConversion } from '../../backend/src/analytics/intent-conversion-rule'
import type { DbHandle } from '../../backend/src/db/client'
import { seedChannel } from '../support/seed-channel'
import { ENGINES, openTestDb } from '../support/test-db'
import { type SeedMessage, seedContacts, seedMessages } from './seed'

const DEFAULTS = analyticsOf({})
/** The week judged (a Monday): its cohort is the contacts qualified 2026-02-02 .. 2026-03-01. */
const WEEK = '2026-03-02'

describe.each(ENGINES)('intent conversion alert at its boundaries (%s)', (engine) => {
  let handle: DbHandle
  beforeAll(async () => {
    handle = await openTestDb(engine)
  })
  afterAll(async () => handle.close())

  /**
   * A workspace whose `qualified` contacts first asked with `intent` on `askedOn`, `ordered` of them
   * sending a cart order on `orderedAt`.
   */
  async function cohort(
    qualified: number,
    ordered: number,
    opts: { intent?: string; askedOn?: string; orderedAt?: string } = {},
  ) {
    const channel = await seedChannel(handle.db)
    const contacts = await seedContacts(handle.db, channel, qualified)
    const asked = Date.parse(`${opts.askedOn ?? '2026-02-16'}T12:00:00Z`)
    const list: SeedMessage[] = []
    for (let i = 0; i < qualified; i++)
      list.push({
        contact: i,
        direction: 'inbound',
        sender: 'customer',
        at: new Date(asked + i * 1000),
        intent: opts.intent ?? 'price_discount',
      })
    for (let i = 0; i < ordered; i++)
      list.push({
        contact: i,
        direction: 'inbound',
        sender: 'customer',
        at: new Date(opts.orderedAt ?? '2026-02-20T12:00:00Z'),
        type: 'order',
      })
    await seedMessages(handle.db, channel, contacts, list)
    return channel.workspaceId
  }
  const judge = (workspaceId: string, settings = DEFAULTS, zone = 'UTC') =>
    intentConversion(handle.db, workspaceId, WEEK, zone, settings)

  it('11.9 % of discount askers ordering raises the alert against 12 %; 12.0 % does not', async () => {
    const under = await cohort(42, 5)
    const [alert] = await judge(under)
    expect(alert).toMatchObject({
      rule: 'intent_conversion',
      subject: 'price_discount',
      period: `week of ${WEEK}`,
      figures: {
        target_percent: 12,
        conversion_percent: 11.9,
        qualified: 42,
        ordered: 5,
        cohort_from: '2026-02-02',
        cohort_to: '2026-03-01',
      },
    })
    expect(alert?.suggestion).toMatch(/11\.9 % of the contacts .* target of 12 %/)
    expect(await storeAlerts(handle.db, under, [alert!])).toBe(1)
    // Judged again for the same week: the same alert, nothing new.
    expect(await storeAlerts(handle.db, under, await judge(under))).toBe(0)
    expect(await judge(await cohort(25, 3))).toEqual([])
  })

  it('needs the minimum number of contacts: 19 without an order say nothing, 20 do', async () => {
    expect(await judge(await cohort(19, 0))).toEqual([])
    expect(await judge(await cohort(20, 0))).toHaveLength(1)
  })

  it('counts only the cohort weeks, orders until the end of the judged week, and intents with a target', async () => {
    // Asked in the judged week itself: too recent to judge.
    expect(await judge(await cohort(30, 0, { askedOn: '2026-03-03' }))).toEqual([])
    // Asked five weeks before: out of the cohort.
    expect(await judge(await cohort(30, 0, { askedOn: '2026-01-31' }))).toEqual([])
    // Ordered after the judged week ended: not counted yet.
    const late = await cohort(20, 20, { orderedAt: '2026-03-09T00:00:01Z' })
    expect((await judge(late))[0]?.figures).toMatchObject({ ordered: 0 })
    const inTime = await cohort(20, 20, { orderedAt: '2026-03-08T23:59:59Z' })
    expect(await judge(inTime)).toEqual([])
    // No target for product_inquiry by default; with one it is judged.
    const inquiries = await cohort(20, 1, { intent: 'product_inquiry' })
    expect(await judge(inquiries)).toEqual([])
    const settings = analyticsOf({
      analytics: { alerts: { intent_conversion_percent: { product_inquiry: 10 } } },
    })
    expect(await judge(inquiries, settings)).toEqual([
      expect.objectContaining({ subject: 'product_inquiry' }),
    ])
  })

  it('reads the weeks in the workspace zone', async () => {
    // 2026-03-01 23:30 in São Paulo is 02:30 UTC on 2 March: inside the cohort there, not in UTC.
    const ws = await cohort(20, 0, { askedOn: '2026-03-02', orderedAt: '2026-03-20T00:00:00Z' })
    expect(await judge(ws, DEFAULTS, 'UTC')).toEqual([])
    const spWs = await cohortAt(20, '2026-03-02T02:30:00Z')
    expect(await judge(spWs, DEFAULTS, 'UTC')).toEqual([])
    expect(await judge(spWs, DEFAULTS, 'America/Sao_Paulo')).toHaveLength(1)
  })

  async function cohortAt(qualified: number, atIso: string) {
    const channel = await seedChannel(handle.db)
    const contacts = await seedContacts(handle.db, channel, qualified)
    await seedMessages(
      handle.db,
      channel,
      contacts,
      contacts.map((_, i) => ({
        contact: i,
        direction: 'inbound' as const,
        sender: 'customer' as const,
        at: new Date(atIso),
        intent: 'price_discount',
      })),
    )
    return channel.workspaceId
  }
})
