import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import type { Sender } from '../../simulators/whatsapp/envelopes'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { crmMergeOutcomes, linksOf, mergeContacts, recordItems, undoMerge } from '../merge-support'
import { type SfFixture, startSfFixture } from './sf-support'

const person = (n: number, name: string): Sender => ({
  waId: `55119876306${String(n).padStart(2, '0')}`,
  name,
})

/**
 * Salesforce's REST API has no merge (only SOAP `merge()`), so a merge of two people whose
 * records are both in the org reaches it as a review item when the sync takes it up; an undo
 * says the records belong to separate people again.
 */
describe.each(ENGINES)('contact merges with Salesforce (%s)', (engine) => {
  let f: SfFixture
  beforeAll(async () => {
    f = await startSfFixture(engine)
  })
  afterAll(async () => {
    await f?.close()
  })

  it('asks a person to merge the two records in Salesforce, and again after an undo', async () => {
    const [gil, gui] = [person(1, 'Gil Rocha'), person(2, 'Gil Rocha')]
    for (const p of [gil, gui]) await customerWrites(f.rt, NUMBER_A, p, 'Olá')
    await f.drain()
    const [a, b] = [await contactIdOf(f.rt, `+${gil.waId}`), await contactIdOf(f.rt, `+${gui.waId}`)]
    const [[la], [lb]] = [await linksOf(f.rt, [a]), await linksOf(f.rt, [b])]
    const merge = await mergeContacts(f.rt, a, b)
    expect(await recordItems(f.rt, f.connectionId)).toEqual([])
    await f.drain()
    expect(await recordItems(f.rt, f.connectionId)).toEqual([
      {
        reason: 'contact_merge',
        local_value: la?.record_id,
        remote_value: lb?.record_id,
        crm_merged: null,
        code: null,
      },
    ])
    expect(await crmMergeOutcomes(f.rt, merge.id)).toMatchObject([{ outcome: 'review' }])
    const [queued] = await queryRows<{ n: number }>(
      f.rt.db.db,
      sql`select count(*)::int as n from crm_outbox where kind = 'merge'`,
    )
    expect(queued?.n).toBe(0)
    expect(
      f.sim.records(f.orgId, 'Lead').filter((l) => [la?.record_id, lb?.record_id].includes(l.Id as string)),
    ).toHaveLength(2)

    expect(await undoMerge(f.rt, merge.id)).toBe(200)
    expect((await recordItems(f.rt, f.connectionId)).map((i) => [i.reason, i.crm_merged])).toEqual([
      ['contact_merge', null],
      ['contact_merge_undone', 'false'],
    ])
  })
})
