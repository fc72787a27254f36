import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import type { Sender } from '../../simulators/whatsapp/envelopes'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { crmMergeOutcomes, linksOf, mergeContacts, recordItems, undoMerge } from '../merge-support'
import { type SyncFixture, startSyncFixture } from './sync-support'

const person = (n: number, name: string): Sender => ({
  waId: `55119876504${String(n).padStart(2, '0')}`,
  name,
})

/**
 * Our contact merges reach HubSpot through the sync: the merge API (a new record), the survivor's
 * link on it, HubSpot's own `contact.merge` webhook echoing back (delivered: `deliverOwnChanges`)
 * without a second merge, an undo that leaves a review item, a refusal that becomes one.
 */
describe.each(ENGINES)('contact merges in HubSpot (%s)', (engine) => {
  let f: SyncFixture
  const recordOf = (waId: string) =>
    f.sim.contacts(f.portalId).find((c) => !c.archived && c.properties.scrm_wa_phone === `+${waId}`)
      ?.id as string
  const mergeCalls = () =>
    f.sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/contacts/merge'))
  const twoLinked = async (a: Sender, b: Sender) => {
    await customerWrites(f.rt, NUMBER_A, a, `Oi, sou ${a.name}`)
    await customerWrites(f.rt, NUMBER_A, b, `Oi de novo, ${b.name}`)
    await f.drain()
    return {
      a: await contactIdOf(f.rt, `+${a.waId}`),
      b: await contactIdOf(f.rt, `+${b.waId}`),
      ra: recordOf(a.waId as string),
      rb: recordOf(b.waId as string),
    }
  }

  beforeAll(async () => {
    f = await startSyncFixture(engine, { sim: { deliverOwnChanges: true } })
  })
  afterAll(async () => {
    await f?.close()
  })

  it('merges the two records in HubSpot through the queue, links the survivor to the new record, and the echo merges nothing', async () => {
    const { a, b, ra, rb } = await twoLinked(person(1, 'Ana Souza'), person(2, 'Ana Souza'))
    expect(ra && rb && ra !== rb).toBe(true)
    await f.sim.webhooksIdle()
    await f.drain()
    f.sim.resetRequests()
    // The first try meets an outage: the merge waits in the queue and goes on the retry.
    f.sim.faults.failNext({ method: 'POST', pathPrefix: '/crm/v3/objects/contacts/merge' }, 1, 503)
    const merge = await mergeContacts(f.rt, a, b)
    // Nothing was sent inside the merge: it waits in the outbox, and no person is asked.
    expect(mergeCalls()).toHaveLength(0)
    const queued = await queryRows<{ kind: string; subject_id: string }>(
      f.rt.db.db,
      sql`select kind, subject_id from crm_outbox where kind = 'merge'`,
    )
    expect(queued).toEqual([{ kind: 'merge', subject_id: merge.id }])

    await f.drain()
    expect(mergeCalls().map((r) => r.status)).toEqual([503, 200])
    const merged = f.sim.contacts(f.portalId).filter((c) => !c.archived && c.properties.hs_merged_object_ids)
    expect(merged).toHaveLength(1)
    const survivorRecord = merged[0]?.id as string
    expect(survivorRecord).not.toBe(ra)
    expect(merged[0]?.properties.hs_merged_object_ids?.split(';').sort()).toEqual([ra, rb].sort())
    expect(
      f.sim
        .contacts(f.portalId)
        .filter((c) => [ra, rb].includes(c.id))
        .every((c) => c.archived),
    ).toBe(true)
    // Both people's message histories hang off the one record now.
    const comms = f.sim
      .associations(f.portalId, 'contacts', survivorRecord)
      .filter((x) => x.toType === 'communications')
    expect(comms.length).toBeGreaterThanOrEqual(2)
    expect(await linksOf(f.rt, [a, b])).toEqual([
      { contact_id: a, record_id: survivorRecord, role: 'primary' },
    ])
    expect(await crmMergeOutcomes(f.rt, merge.id)).toEqual([
      { outcome: 'merged', primary_record_id: ra, merged_record_id: rb, result_record_id: survivorRecord },
    ])

    // HubSpot's contact.merge comes back: applied, it moves no link and merges nothing.
    await f.sim.webhooksIdle()
    await f.drain()
    const [echo] = await queryRows<{ outcome: string }>(
      f.rt.db.db,
      sql`select outcome from crm_webhook_events where payload->>'subscriptionType' = 'contact.merge'`,
    )
    expect(echo?.outcome).toMatch(/0 link\(s\) moved/)
    expect(await linksOf(f.rt, [a, b])).toEqual([
      { contact_id: a, record_id: survivorRecord, role: 'primary' },
    ])
    const [n] = await queryRows<{ n: number }>(f.rt.db.db, sql`select count(*)::int as n from contact_merges`)
    expect(n?.n).toBe(1)
    expect(await recordItems(f.rt, f.connectionId)).toEqual([])
    expect(mergeCalls()).toHaveLength(2)
    // The survivor's next message (from the number it kept: the newer one) goes to the merged record.
    await customerWrites(f.rt, NUMBER_A, person(2, 'Ana Souza'), 'Chegou?')
    await f.drain()
    const comm = f.sim
      .communications(f.portalId)
      .find((c) => c.properties.hs_communication_body?.includes('Chegou?'))
    expect(f.sim.associations(f.portalId, 'communications', comm?.id as string)[0]?.toId).toBe(survivorRecord)

    // Undo: our rows come back exactly; HubSpot cannot unmerge, so a review item says so.
    expect(await undoMerge(f.rt, merge.id)).toBe(200)
    await f.drain()
    expect(await linksOf(f.rt, [a, b])).toEqual(
      [
        { contact_id: a, record_id: survivorRecord, role: 'primary' },
        { contact_id: b, record_id: rb, role: 'primary' },
      ].sort((x, y) => x.record_id.localeCompare(y.record_id)),
    )
    expect(await recordItems(f.rt, f.connectionId)).toEqual([
      {
        reason: 'contact_merge_undone',
        local_value: survivorRecord,
        remote_value: rb,
        crm_merged: 'true',
        code: null,
      },
    ])
    expect(mergeCalls()).toHaveLength(2)
  })

  it('an undo before the sync sent the merge takes it out of the queue: nothing reaches HubSpot', async () => {
    const { a, b, ra, rb } = await twoLinked(person(3, 'Bruno Dias'), person(4, 'Bruno Dias'))
    f.sim.resetRequests()
    const merge = await mergeContacts(f.rt, a, b)
    expect(await undoMerge(f.rt, merge.id)).toBe(200)
    await f.drain()
    expect(mergeCalls()).toHaveLength(0)
    expect(await linksOf(f.rt, [a, b])).toEqual(
      [
        { contact_id: a, record_id: ra, role: 'primary' },
        { contact_id: b, record_id: rb, role: 'primary' },
      ].sort((x, y) => x.record_id.localeCompare(y.record_id)),
    )
    expect(
      (await recordItems(f.rt, f.connectionId)).filter((i) => [ra, rb].includes(i.remote_value)),
    ).toEqual([])
  })

  it('HubSpot refusing the merge (a rep merged the records first) becomes a review item, not a lost write', async () => {
    const { a, b, ra, rb } = await twoLinked(person(5, 'Carla Melo'), person(6, 'Carla Melo'))
    await f.sim.webhooksIdle()
    await f.drain()
    const merge = await mergeContacts(f.rt, a, b)
    await f.sim.mergeContacts(f.portalId, ra, rb)
    f.sim.resetRequests()
    await f.sim.webhooksIdle()
    await f.drain()
    expect(mergeCalls().map((r) => r.status)).toEqual([400])
    const items = (await recordItems(f.rt, f.connectionId)).filter((i) => i.remote_value === rb)
    expect(items).toEqual([
      {
        reason: 'contact_merge_failed',
        local_value: ra,
        remote_value: rb,
        crm_merged: null,
        code: 'VALIDATION_ERROR',
      },
    ])
    expect(await crmMergeOutcomes(f.rt, merge.id)).toMatchObject([{ outcome: 'failed' }])
    const [left] = await queryRows<{ n: number }>(
      f.rt.db.db,
      sql`select count(*)::int as n from crm_outbox where kind = 'merge'`,
    )
    expect(left?.n).toBe(0)
    // The survivor stays on the record HubSpot kept.
    expect(await linksOf(f.rt, [a, b])).toEqual([{ contact_id: a, record_id: ra, role: 'primary' }])
  })
})
