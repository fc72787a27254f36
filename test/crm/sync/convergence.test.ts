import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import type { Sender } from '../../simulators/whatsapp/envelopes'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { expectDisagreementsReviewed } from './convergence-review'
import { type SyncFixture, startSyncFixture } from './sync-support'

/** Two-way fields, how each side names them, and values to pick from. */
const FIELDS = {
  segment: {
    property: 'scrm_segment',
    values: ['new', 'potential', 'high_intent', 'customer', 'at_risk', 'lost'],
  },
  priority: { property: 'scrm_priority', values: ['low', 'normal', 'high'] },
  first_name: { property: 'firstname', values: ['Ana', 'Bia', 'Carla', 'Dora', 'Eli'] },
} as const
type Field = keyof typeof FIELDS

const PEOPLE: Sender[] = Array.from({ length: 6 }, (_, i) => ({
  waId: `55119876504${String(i).padStart(2, '0')}`,
  name: `P${i}`,
}))

interface Edit {
  person: number
  field: Field
  side: 'local' | 'remote'
  pick: number
}

const editArb = fc.record({
  person: fc.integer({ min: 0, max: PEOPLE.length - 1 }),
  field: fc.constantFrom<Field>('segment', 'priority', 'first_name'),
  side: fc.constantFrom<'local' | 'remote'>('local', 'remote'),
  pick: fc.nat(),
})

describe.each(ENGINES)('CRM sync convergence (%s)', (engine) => {
  let f: SyncFixture
  const ids: string[] = []
  const records: string[] = []

  beforeAll(async () => {
    f = await startSyncFixture(engine)
    for (const p of PEOPLE) {
      await customerWrites(f.rt, NUMBER_A, p, 'oi')
      ids.push(await contactIdOf(f.rt, `+${p.waId}`))
    }
    await f.drain()
    for (const p of PEOPLE) {
      records.push(
        f.sim.contacts(f.portalId).find((c) => c.properties.scrm_wa_phone === `+${p.waId}`)?.id as string,
      )
    }
  })
  afterAll(async () => {
    await f?.close()
  })

  async function localValue(person: number, field: Field): Promise<string | null> {
    const [row] = await queryRows<{ segment: string | null; priority: string; first_name: string | null }>(
      f.rt.db.db,
      sql`select segment, priority, attributes->>'first_name' as first_name from contacts where id = ${ids[person]}`,
    )
    return (row?.[field] as string | null) ?? null
  }

  it('after concurrent edits on both sides stop, both hold the same values and every overwritten disagreement is in review', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 4, maxLength: 24 }), async (raw) => {
        // At most one edit per side per field in a round: the round's expected conflicts are then exact.
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
        const done: (Edit & { value: string; at: number })[] = []
        // Partition: edits on both sides while nothing syncs (HubSpot's webhooks are stored, not applied).
        for (const e of edits) {
          const spec = FIELDS[e.field]
          const value = spec.values[e.pick % spec.values.length] as string
          const at = Date.now()
          if (e.side === 'local') {
            const json =
              e.field === 'first_name' ? { attributes: { first_name: value } } : { [e.field]: value }
            const res = await f.rt.api(`/api/v1/contacts/${ids[e.person]}`, { method: 'PATCH', json })
            expect(res.status).toBe(200)
          } else {
            await f.sim.editContact(f.portalId, records[e.person] as string, { [spec.property]: value })
          }
          done.push({ ...e, value, at })
          await new Promise((r) => setTimeout(r, 3))
        }
        await f.sim.webhooksIdle()
        // Heal.
        await f.drain()
        await f.sim.webhooksIdle()
        await f.drain()

        for (let person = 0; person < PEOPLE.length; person++) {
          const record = f.sim.contacts(f.portalId).find((c) => c.id === records[person])
          for (const field of Object.keys(FIELDS) as Field[]) {
            const local = await localValue(person, field)
            const remote = record?.properties[FIELDS[field].property] ?? null
            expect({ person, field, value: local }).toEqual({ person, field, value: remote || null })
          }
        }
        await expectDisagreementsReviewed({
          db: f.rt.db.db,
          since,
          done,
          start,
          contactIds: ids,
          clockResolutionMs: 50,
        })
      }),
      { numRuns: 6, endOnFailure: true },
    )
  }, 120_000)
})
