import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zohoStateOf } from '../../../backend/src/crm/zoho/org-state'
import type { ZohoConnector } from '../../../backend/src/crm/zoho/zoho-connector'
import { zohoWatchJob } from '../../../backend/src/crm/zoho/zoho-watch-job'
import { queryRows } from '../../../backend/src/db/query-rows'
import { createLogger } from '../../../backend/src/lib/logger'
import type { Sender } from '../../simulators/whatsapp/envelopes'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { expectDisagreementsReviewed } from '../sync/convergence-review'
import { startZohoFixture, type ZohoFixture, zohoEventCount } from './zoho-support'

const person = (i: number): Sender => ({ waId: `55119878${String(20_000 + i)}`, name: `P${i}` })
const phoneOf = (p: Sender) => `+${p.waId}`

describe.each(ENGINES)('Zoho changes come back through notifications (%s)', (engine) => {
  let f: ZohoFixture
  const recordOf = (p: Sender) =>
    f.sim.records(f.orgId, 'Contacts').find((c) => c.WhatsApp_Number === phoneOf(p))
  const contactRow = async (id: string) =>
    (await queryRows<Record<string, unknown>>(f.rt.db.db, sql`select * from contacts where id = ${id}`))[0]
  const linkOf = async (id: string) =>
    (
      await queryRows<{ record_id: string; role: string }>(
        f.rt.db.db,
        sql`select record_id, role from crm_record_links where contact_id = ${id}`,
      )
    )[0]

  beforeAll(async () => {
    f = await startZohoFixture(engine, { dc: 'in' })
    for (let i = 0; i < 4; i++) await customerWrites(f.rt, NUMBER_A, person(i), 'Oi')
    await f.drain()
    // The first pass subscribes the channel.
    await f.reread()
  }, 180_000)
  afterAll(async () => {
    await f?.close()
  })

  it('subscribes one channel for Contacts and Leads: 6 days, a random token kept only as a hash', async () => {
    const [channel] = f.sim.channels(f.orgId)
    expect(channel?.events).toEqual(['Contacts.all', 'Leads.all'])
    expect(channel?.notify_url).toBe(`https://scrm.example.test/webhooks/zoho?org=${f.orgId}`)
    expect(channel?.token?.length).toBeLessThanOrEqual(50)
    const days = (Date.parse(channel?.channel_expiry as string) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(5.9)
    expect(days).toBeLessThanOrEqual(6)
    const stored = zohoStateOf(await f.connection()).channel
    expect(stored?.id).toBe(channel?.channel_id)
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(await f.connection())).not.toContain(channel?.token as string)
  })

  it('stores a rep edit’s callback before answering, re-reads the record, applies it; our own writes do not echo', async () => {
    const id = await contactIdOf(f.rt, phoneOf(person(0)))
    f.sim.editRecord(f.orgId, 'Contacts', recordOf(person(0))?.id as string, {
      WA_Segment: 'customer',
      First_Name: 'Bia',
    })
    await f.sim.flushNotifications()
    expect(f.sim.deliveries.at(-1)?.status).toBe(200)
    expect(await zohoEventCount(f.rt, 'callback')).toBeGreaterThan(0)
    expect(await f.reread()).toBe(2)
    const c = await contactRow(id)
    expect(c?.segment).toBe('customer')
    expect(c?.attributes).toMatchObject({ first_name: 'Bia' })
    // Our own write fires a callback too; re-read, it holds what we wrote: nothing is applied or written back.
    await f.rt.api(`/api/v1/contacts/${id}`, { method: 'PATCH', json: { priority: 'high' } })
    await f.drain()
    await f.sim.flushNotifications()
    f.sim.resetRequests()
    expect(await f.reread()).toBe(0)
    await f.drain()
    expect(f.sim.requests.filter((r) => r.method !== 'GET')).toHaveLength(0)
  })

  it('acts on what the record holds now when callbacks repeat and arrive out of order', async () => {
    const id = await contactIdOf(f.rt, phoneOf(person(1)))
    const recordId = recordOf(person(1))?.id as string
    f.sim.holdNotifications(true)
    f.sim.editRecord(f.orgId, 'Contacts', recordId, { WA_Priority: 'high' })
    f.sim.editRecord(f.orgId, 'Contacts', recordId, { WA_Priority: 'low' })
    f.sim.holdNotifications(false)
    await f.sim.flushNotifications({ reverse: true, repeat: true })
    await f.reread()
    expect((await contactRow(id))?.priority).toBe('low')
  })

  it('applies a rep setting a field back to a value our push overwrote, within the same second', async () => {
    // CI seed -1026608554: a rep's edit back to an earlier value was named like that earlier
    // change (same record, field, Modified_Time and value) and dropped as a repeat.
    const id = await contactIdOf(f.rt, phoneOf(person(2)))
    const recordId = recordOf(person(2))?.id as string
    // Everything below falls in one second of the org's clock: Modified_Time never moves.
    f.sim.holdClock(f.orgId, Date.now())
    try {
      f.sim.editRecord(f.orgId, 'Contacts', recordId, { First_Name: 'Carla' })
      await f.sim.flushNotifications()
      await f.reread()
      expect((await contactRow(id))?.attributes).toMatchObject({ first_name: 'Carla' })
      const res = await f.rt.api(`/api/v1/contacts/${id}`, {
        method: 'PATCH',
        json: { attributes: { first_name: 'Ana' } },
      })
      expect(res.status).toBe(200)
      await f.drain()
      await f.sim.flushNotifications()
      await f.reread()
      expect(recordOf(person(2))?.First_Name).toBe('Ana')
      // The same value, field and Modified_Time as the first edit: still a new change.
      f.sim.editRecord(f.orgId, 'Contacts', recordId, { First_Name: 'Carla' })
      await f.sim.flushNotifications()
      await f.reread()
      expect((await contactRow(id))?.attributes).toMatchObject({ first_name: 'Carla' })
      await f.drain()
      expect(recordOf(person(2))?.First_Name).toBe('Carla')
    } finally {
      f.sim.holdClock(f.orgId, null)
    }
  })

  it('refuses callbacks without the channel’s token, and a token of another org', async () => {
    const [channel] = f.sim.channels(f.orgId)
    const body = (token: string, org = f.orgId) =>
      JSON.stringify({
        server_time: Date.now(),
        query_params: { org },
        module: 'Contacts',
        resource_uri: 'https://www.zohoapis.in/crm/v8/Contacts',
        ids: [recordOf(person(2))?.id],
        affected_fields: [],
        operation: 'update',
        channel_id: Number(channel?.channel_id),
        token,
      })
    const post = (b: string) =>
      f.rt.request('/webhooks/zoho', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: b,
      })
    const wrong = await post(body('x'.repeat(43)))
    expect(wrong.status).toBe(401)
    expect((await wrong.json()).error.code).toBe('unauthorized')
    expect((await post(body(channel?.token as string, '123456789'))).status).toBe(401)
    expect((await post('{"not":"zoho"}')).status).toBe(400)
    expect((await post(body(channel?.token as string))).status).toBe(200)
  })

  it('links a Contact a rep created with a WhatsApp number, and unlinks a deleted one keeping history', async () => {
    await customerWrites(f.rt, NUMBER_A, person(9), 'Oi')
    const id = await contactIdOf(f.rt, phoneOf(person(9)))
    // Zoho stamps changes to the second: the rep's edit must be clearly later than ours.
    await new Promise((r) => setTimeout(r, 1_100))
    const created = f.sim.createRecord(f.orgId, 'Contacts', {
      Last_Name: 'Novo',
      WhatsApp_Number: phoneOf(person(9)),
      WA_Priority: 'high',
    })
    f.sim.deleteRecord(f.orgId, 'Contacts', recordOf(person(3))?.id as string)
    await f.sim.flushNotifications()
    await f.reread()
    expect(await linkOf(id)).toEqual({ record_id: created.id, role: 'primary' })
    expect((await contactRow(id))?.priority).toBe('high')
    const gone = await contactIdOf(f.rt, phoneOf(person(3)))
    expect((await linkOf(gone))?.role).toBe('deleted')
    expect(await contactRow(gone)).toBeDefined()
  })

  it('renews the channel daily with a new token (the old one stops working) and re-subscribes a channel Zoho dropped', async () => {
    const before = f.sim.channels(f.orgId)[0]
    const job = zohoWatchJob({
      db: f.rt.db.db,
      schedule: '20 3 * * *',
      publicUrl: 'https://scrm.example.test',
      connectorFor: (c) => f.rt.crmSync.connectorFor(c),
      logger: createLogger('silent'),
    })
    const workspaceId = (await f.connection()).workspaceId
    f.sim.resetRequests()
    await job.run({ workspaceId, scheduledFor: new Date() })
    expect(f.sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /actions/watch',
      'PUT /actions/watch',
    ])
    const after = f.sim.channels(f.orgId)[0]
    expect(after?.channel_id).toBe(before?.channel_id)
    expect(after?.token).not.toBe(before?.token)
    f.sim.dropChannel(f.orgId, after?.channel_id as string)
    await job.run({ workspaceId, scheduledFor: new Date() })
    expect(f.sim.channels(f.orgId)).toHaveLength(1)
    // A rep edit reaches us through the new channel.
    const id = await contactIdOf(f.rt, phoneOf(person(2)))
    f.sim.editRecord(f.orgId, 'Contacts', recordOf(person(2))?.id as string, { WA_Segment: 'lost' })
    await f.sim.flushNotifications()
    expect(f.sim.deliveries.at(-1)?.status).toBe(200)
    await f.reread()
    expect((await contactRow(id))?.segment).toBe('lost')
    expect((await f.connector()) as ZohoConnector).toBeDefined()
  })
})

/** Two-way fields, their Zoho names, and values to pick from. */
const FIELDS = {
  segment: {
    property: 'WA_Segment',
    values: ['new', 'potential', 'high_intent', 'customer', 'at_risk', 'lost'],
  },
  priority: { property: 'WA_Priority', values: ['low', 'normal', 'high'] },
  first_name: { property: 'First_Name', values: ['Ana', 'Bia', 'Carla', 'Dora', 'Eli'] },
} as const
type Field = keyof typeof FIELDS
const PEOPLE = Array.from({ length: 5 }, (_, i) => person(40 + i))

describe.each(ENGINES)('Zoho two-way convergence (%s)', (engine) => {
  let f: ZohoFixture
  const ids: string[] = []
  const records: string[] = []

  beforeAll(async () => {
    f = await startZohoFixture(engine, { dc: 'eu' })
    for (const p of PEOPLE) {
      await customerWrites(f.rt, NUMBER_A, p, 'oi')
      ids.push(await contactIdOf(f.rt, phoneOf(p)))
    }
    await f.drain()
    await f.reread()
    for (const p of PEOPLE)
      records.push(
        f.sim.records(f.orgId, 'Contacts').find((c) => c.WhatsApp_Number === phoneOf(p))?.id as string,
      )
  }, 180_000)
  afterAll(async () => {
    await f?.close()
  })

  async function localValue(i: number, field: Field): Promise<string | null> {
    const [row] = await queryRows<Record<Field, string | null>>(
      f.rt.db.db,
      sql`select segment, priority, attributes->>'first_name' as first_name from contacts where id = ${ids[i]}`,
    )
    return row?.[field] ?? null
  }

  it('after concurrent edits on both sides stop, both hold the same values and every overwritten disagreement is in review', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            person: fc.integer({ min: 0, max: PEOPLE.length - 1 }),
            field: fc.constantFrom<Field>('segment', 'priority', 'first_name'),
            side: fc.constantFrom<'local' | 'remote'>('local', 'remote'),
            pick: fc.nat(),
          }),
          { minLength: 4, maxLength: 16 },
        ),
        async (raw) => {
          const seen = new Set<string>()
          const edits = raw.filter((e) => {
            const k = `${e.person}|${e.field}|${e.side}`
            if (seen.has(k)) return false
            seen.add(k)
            return true
          })
          const since = new Date()
          const start = new Map<string, string | null>()
          for (const e of edits) start.set(`${e.person}|${e.field}`, await localValue(e.person, e.field))
          const done: { person: number; field: Field; side: string; value: string; at: number }[] = []
          // Partition: both sides edit while callbacks wait and nothing syncs.
          f.sim.holdNotifications(true)
          for (const e of edits) {
            const spec = FIELDS[e.field]
            const value = spec.values[e.pick % spec.values.length] as string
            const at = Date.now()
            if (e.side === 'local') {
              const json =
                e.field === 'first_name' ? { attributes: { first_name: value } } : { [e.field]: value }
              const res = await f.rt.api(`/api/v1/contacts/${ids[e.person]}`, { method: 'PATCH', json })
              expect(res.status).toBe(200)
            } else
              f.sim.editRecord(f.orgId, 'Contacts', records[e.person] as string, { [spec.property]: value })
            done.push({ ...e, value, at })
          }
          // Heal: callbacks arrive (out of order, twice), are re-read and applied; ours go out; again.
          f.sim.holdNotifications(false)
          await f.sim.flushNotifications({ reverse: true, repeat: true })
          await f.reread()
          await f.drain()
          await f.sim.flushNotifications()
          await f.reread()
          await f.drain()
          for (let i = 0; i < PEOPLE.length; i++) {
            const record = f.sim.records(f.orgId, 'Contacts').find((c) => c.id === records[i])
            for (const field of Object.keys(FIELDS) as Field[]) {
              const local = await localValue(i, field)
              const remote = (record?.[FIELDS[field].property] as string | null) ?? null
              expect({ i, field, value: local }).toEqual({ i, field, value: remote || null })
            }
          }
          // Zoho times changes to the second (Modified_Time): only clearly ordered edits have a known winner.
          await expectDisagreementsReviewed({
            db: f.rt.db.db,
            since,
            done,
            start,
            contactIds: ids,
            clockResolutionMs: 1000,
          })
        },
      ),
      { numRuns: Number(process.env.SCRM_STRESS_RUNS ?? 5), endOnFailure: true },
    )
  }, 180_000)
})
