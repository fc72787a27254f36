import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import type { Sender } from '../../simulators/whatsapp/envelopes'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { expectDisagreementsReviewed } from '../sync/convergence-review'
import { type SfFixture, startSfFixture } from './sf-support'

const person = (i: number): Sender => ({ waId: `55119876${String(20_000 + i)}`, name: `P${i}` })
const phoneOf = (p: Sender) => `+${p.waId}`

describe.each(ENGINES)('Salesforce changes come back by polling (%s)', (engine) => {
  let f: SfFixture
  const leadOf = (p: Sender) => f.sim.records(f.orgId, 'Lead').find((l) => l.WA_Phone__c === phoneOf(p))
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
    f = await startSfFixture(engine)
    for (let i = 0; i < 4; i++) await customerWrites(f.rt, NUMBER_A, person(i), 'Oi')
    await f.drain()
  })
  afterAll(async () => {
    await f?.close()
  })

  it('applies a rep edit polled by SystemModstamp; our own writes do not come back as changes', async () => {
    const id = await contactIdOf(f.rt, phoneOf(person(0)))
    f.sim.resetRequests()
    // The first poll sees our own records: they hold what we wrote, so nothing is applied.
    await f.poll()
    const [changes] = await queryRows<{ n: number }>(
      f.rt.db.db,
      sql`select count(*)::int as n from crm_webhook_events where provider = 'salesforce'`,
    )
    expect(changes?.n).toBe(0)
    expect(f.sim.requests.filter((r) => r.path.endsWith('/queryAll'))).toHaveLength(2)
    f.sim.editRecord(f.orgId, 'Lead', leadOf(person(0))?.Id as string, {
      WA_Segment__c: 'customer',
      FirstName: 'Bia',
    })
    expect(await f.poll()).toBe(2)
    const c = await contactRow(id)
    expect(c?.segment).toBe('customer')
    expect(c?.attributes).toMatchObject({ first_name: 'Bia' })
    // Both sides agree: nothing to write back.
    f.sim.resetRequests()
    await f.drain()
    expect(f.sim.requests.filter((r) => r.method !== 'GET')).toHaveLength(0)
  })

  it('follows a merge (MasterRecordId), a Lead conversion (ConvertedContactId), and unlinks a deleted record', async () => {
    const [a, b, c] = [1, 2, 3].map(person) as [Sender, Sender, Sender]
    const aId = await contactIdOf(f.rt, phoneOf(a))
    const bId = await contactIdOf(f.rt, phoneOf(b))
    const cId = await contactIdOf(f.rt, phoneOf(c))
    const master = leadOf(a)?.Id as string
    f.sim.mergeRecords(f.orgId, 'Lead', master, [leadOf(b)?.Id as string])
    const { contactId } = f.sim.convertLead(f.orgId, master)
    f.sim.deleteRecord(f.orgId, 'Lead', leadOf(c)?.Id as string)
    await f.poll()
    expect(await linkOf(aId)).toEqual({ record_id: contactId, role: 'primary' })
    expect(await linkOf(bId)).toEqual({ record_id: contactId, role: 'secondary' })
    expect((await linkOf(cId))?.role).toBe('deleted')
    // History stays: the deleted record's contact and messages are still here.
    expect(await contactRow(cId)).toBeDefined()
  })

  it('applies a rep setting a field back to a value our push overwrote, within the same second', async () => {
    const p = person(5)
    await customerWrites(f.rt, NUMBER_A, p, 'Oi')
    await f.drain()
    const id = await contactIdOf(f.rt, phoneOf(p))
    const lead = () => leadOf(p)?.Id as string
    // Everything below falls in one second of the org's clock: the record's stamp never moves.
    f.sim.holdClock(f.orgId, Date.now())
    try {
      f.sim.editRecord(f.orgId, 'Lead', lead(), { WA_Segment__c: 'customer' })
      await f.poll()
      expect((await contactRow(id))?.segment).toBe('customer')
      const res = await f.rt.api(`/api/v1/contacts/${id}`, { method: 'PATCH', json: { segment: 'lost' } })
      expect(res.status).toBe(200)
      await f.drain()
      expect(leadOf(p)?.WA_Segment__c).toBe('lost')
      // The same value, the same field, the same stamp as the first edit: still a new change.
      f.sim.editRecord(f.orgId, 'Lead', lead(), { WA_Segment__c: 'customer' })
      await f.poll()
      expect((await contactRow(id))?.segment).toBe('customer')
      await f.drain()
      expect(leadOf(p)?.WA_Segment__c).toBe('customer')
    } finally {
      f.sim.holdClock(f.orgId, null)
    }
  })

  it('links a Contact a rep created with a WhatsApp phone to the person with that number', async () => {
    await customerWrites(f.rt, NUMBER_A, person(9), 'Oi')
    const id = await contactIdOf(f.rt, phoneOf(person(9)))
    // Salesforce stamps changes to the second: the rep's edit must be clearly later than ours.
    await new Promise((r) => setTimeout(r, 1_100))
    const created = f.sim.createRecord(f.orgId, 'Contact', {
      LastName: 'Novo',
      WA_Phone__c: phoneOf(person(9)),
      WA_Priority__c: 'high',
    })
    await f.poll()
    expect(await linkOf(id)).toEqual({ record_id: created.Id, role: 'primary' })
    expect((await contactRow(id))?.priority).toBe('high')
  })
})

/** Two-way fields, their Salesforce names, and values to pick from. */
const FIELDS = {
  segment: {
    property: 'WA_Segment__c',
    values: ['new', 'potential', 'high_intent', 'customer', 'at_risk', 'lost'],
  },
  priority: { property: 'WA_Priority__c', values: ['low', 'normal', 'high'] },
  first_name: { property: 'FirstName', values: ['Ana', 'Bia', 'Carla', 'Dora', 'Eli'] },
} as const
type Field = keyof typeof FIELDS
const PEOPLE = Array.from({ length: 5 }, (_, i) => person(40 + i))

describe.each(ENGINES)('Salesforce two-way convergence (%s)', (engine) => {
  let f: SfFixture
  const ids: string[] = []
  const records: string[] = []

  beforeAll(async () => {
    f = await startSfFixture(engine)
    for (const p of PEOPLE) {
      await customerWrites(f.rt, NUMBER_A, p, 'oi')
      ids.push(await contactIdOf(f.rt, phoneOf(p)))
    }
    await f.drain()
    for (const p of PEOPLE)
      records.push(f.sim.records(f.orgId, 'Lead').find((l) => l.WA_Phone__c === phoneOf(p))?.Id as string)
  })
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
          // Partition: both sides edit while nothing syncs or polls.
          for (const e of edits) {
            const spec = FIELDS[e.field]
            const value = spec.values[e.pick % spec.values.length] as string
            const at = Date.now()
            if (e.side === 'local') {
              const json =
                e.field === 'first_name' ? { attributes: { first_name: value } } : { [e.field]: value }
              const res = await f.rt.api(`/api/v1/contacts/${ids[e.person]}`, { method: 'PATCH', json })
              expect(res.status).toBe(200)
            } else f.sim.editRecord(f.orgId, 'Lead', records[e.person] as string, { [spec.property]: value })
            done.push({ ...e, value, at })
          }
          // Heal: poll (applies the CRM's edits, newest wins per field), push ours, poll again.
          await f.poll()
          await f.drain()
          await f.poll()
          await f.drain()
          for (let i = 0; i < PEOPLE.length; i++) {
            const record = f.sim.records(f.orgId, 'Lead').find((l) => l.Id === records[i])
            for (const field of Object.keys(FIELDS) as Field[]) {
              const local = await localValue(i, field)
              const remote = (record?.[FIELDS[field].property] as string | null) ?? null
              expect({ i, field, value: local }).toEqual({ i, field, value: remote || null })
            }
          }
          // Salesforce times changes to the second (LastModifiedDate): only clearly ordered edits have a known winner.
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
      { numRuns: 5, endOnFailure: true },
    )
  }, 180_000)
})
