import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import type { Sender } from '../../simulators/whatsapp/envelopes'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { crmMergeOutcomes, linksOf, mergeContacts, recordItems, undoMerge } from '../merge-support'
import { startZohoFixture, type ZohoFixture, zohoEventCount } from './zoho-support'

const person = (n: number, name: string): Sender => ({
  waId: `55119878305${String(n).padStart(2, '0')}`,
  name,
})
const phoneOf = (p: Sender) => `+${p.waId}`

/**
 * Merges both ways with Zoho. Ours go out through the sync as Zoho's Merge Records (the master
 * keeps its id); Zoho's own merges and Lead conversions come back as a plain `delete` callback —
 * Zoho sends no merge marker — and are recognised by the live record that holds the person's
 * `WhatsApp_Number` now: the link moves there. A delete with no such record stays a delete.
 */
describe.each(ENGINES)('Zoho merges and Lead conversions (%s)', (engine) => {
  let f: ZohoFixture
  const recordOf = (module: string, p: Sender) =>
    f.sim.records(f.orgId, module).find((c) => c.WhatsApp_Number === phoneOf(p))?.id as string
  const mergeCalls = () => f.sim.requests.filter((r) => r.path.includes('/actions/merge'))
  const arrive = async (...people: Sender[]) => {
    for (const p of people) await customerWrites(f.rt, NUMBER_A, p, `Oi, aqui ${p.name}`)
    await f.drain()
    await f.sim.flushNotifications()
    await f.reread()
    return Promise.all(people.map((p) => contactIdOf(f.rt, phoneOf(p))))
  }
  const tagKeys = async (p: Sender) =>
    (await (await f.rt.api(`/api/v1/thread?phone=${encodeURIComponent(phoneOf(p))}`)).json()).tags.map(
      (t: { key: string }) => t.key,
    )
  const messageCount = async (contactId: string) =>
    Number(
      (
        await queryRows<{ n: number }>(
          f.rt.db.db,
          sql`select count(*)::int as n from messages where contact_id = ${contactId}`,
        )
      )[0]?.n,
    )

  beforeAll(async () => {
    f = await startZohoFixture(engine)
    // The first pass subscribes the notification channel.
    await f.reread()
  }, 180_000)
  afterAll(async () => {
    await f?.close()
  })

  it('our merge becomes a Zoho Merge Records through the sync; the delete it causes echoes as nothing; undo asks a person', async () => {
    const [ana, bia] = [person(1, 'Ana Prado'), person(2, 'Ana Prado')]
    const [a, b] = (await arrive(ana, bia)) as [string, string]
    const [ra, rb] = [recordOf('Contacts', ana), recordOf('Contacts', bia)]
    f.sim.resetRequests()
    const merge = await mergeContacts(f.rt, a, b)
    await f.drain()
    expect(mergeCalls().map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', `/Contacts/${ra}/actions/merge`, 201],
    ])
    expect(f.sim.records(f.orgId, 'Contacts').map((r) => r.id)).not.toContain(rb)
    expect(await linksOf(f.rt, [a, b])).toEqual([{ contact_id: a, record_id: ra, role: 'primary' }])
    expect(await crmMergeOutcomes(f.rt, merge.id)).toEqual([
      { outcome: 'merged', primary_record_id: ra, merged_record_id: rb, result_record_id: ra },
    ])
    // Zoho notifies the merged-away record's delete: nothing points at it any more.
    await f.sim.flushNotifications()
    await f.reread()
    expect(await zohoEventCount(f.rt, 'merged')).toBe(0)
    expect(await zohoEventCount(f.rt, 'deleted')).toBe(0)
    expect(await linksOf(f.rt, [a, b])).toEqual([{ contact_id: a, record_id: ra, role: 'primary' }])
    expect(mergeCalls()).toHaveLength(1)

    expect(await undoMerge(f.rt, merge.id)).toBe(200)
    expect(await recordItems(f.rt, f.connectionId)).toEqual([
      { reason: 'contact_merge_undone', local_value: ra, remote_value: rb, crm_merged: 'true', code: null },
    ])
    expect(mergeCalls()).toHaveLength(1)
  })

  it('Zoho refusing a merge (a Lead with a Contact) becomes a review item', async () => {
    const [cai, cao] = [person(3, 'Caio Dutra'), person(4, 'Caio Dutra')]
    const [c, d] = (await arrive(cai, cao)) as [string, string]
    const rc = recordOf('Contacts', cai)
    // A rep turned one of them into a Lead meanwhile: Zoho merges only within a module.
    const rd = recordOf('Contacts', cao)
    f.sim.deleteRecord(f.orgId, 'Contacts', rd)
    const lead = f.sim.createRecord(f.orgId, 'Leads', {
      Last_Name: 'Dutra',
      Company: 'Dutra ME',
      WhatsApp_Number: phoneOf(cao),
    })
    await f.rt.db.db.execute(
      sql`update crm_record_links set record_id = ${lead.id as string} where contact_id = ${d}`,
    )
    await f.sim.flushNotifications()
    f.sim.resetRequests()
    const merge = await mergeContacts(f.rt, c, d)
    await f.drain()
    expect(mergeCalls()).toHaveLength(0)
    const items = (await recordItems(f.rt, f.connectionId)).filter((i) => i.remote_value === lead.id)
    expect(items).toEqual([
      {
        reason: 'contact_merge_failed',
        local_value: rc,
        remote_value: lead.id,
        crm_merged: null,
        code: 'NOT_ALLOWED',
      },
    ])
    expect(await crmMergeOutcomes(f.rt, merge.id)).toMatchObject([{ outcome: 'failed' }])
  })

  it('a rep merging our record into another in Zoho moves the link to the master, history and tags kept', async () => {
    const dora = person(5, 'Dora Lins')
    const [d] = (await arrive(dora)) as [string]
    await f.rt.api(`/api/v1/contacts/${d}/tags`, { method: 'POST', json: { key: 'vip', label: 'VIP' } })
    await f.drain()
    const ours = recordOf('Contacts', dora)
    const master = f.sim.createRecord(f.orgId, 'Contacts', { Last_Name: 'Lins', First_Name: 'Dora' })
    f.sim.mergeRecords(f.orgId, 'Contacts', master.id as string, ours)
    await f.sim.flushNotifications()
    await f.reread()
    expect(await linksOf(f.rt, [d])).toEqual([{ contact_id: d, record_id: master.id, role: 'primary' }])
    expect(await zohoEventCount(f.rt, 'merged')).toBe(1)
    expect(await tagKeys(dora)).toContain('vip')
    expect(await messageCount(d)).toBe(1)
    // The next message lands on the master's notes.
    await customerWrites(f.rt, NUMBER_A, dora, 'Ainda aí?')
    await f.drain()
    const notes = f.sim.records(f.orgId, 'Notes').filter((n) => String(n.Note_Content).includes('Ainda aí?'))
    expect(notes.map((n) => (n.Parent_Id as { id: string }).id)).toEqual([master.id])
  })

  it('a Lead converted in Zoho moves the link from the Lead to the new Contact, history and tags kept', async () => {
    const eva = person(6, 'Eva Mota')
    await customerWrites(f.rt, NUMBER_A, eva, 'Quero saber do preço')
    const e = await contactIdOf(f.rt, phoneOf(eva))
    await f.rt.api(`/api/v1/contacts/${e}/tags`, {
      method: 'POST',
      json: { key: 'lead_hot', label: 'Hot lead' },
    })
    // A rep had the person as a Lead before our sync wrote anything of theirs: we link to the Lead.
    await f.rt.db.db.execute(sql`delete from crm_outbox`)
    const lead = f.sim.createRecord(f.orgId, 'Leads', {
      Last_Name: 'Mota',
      Company: 'Mota & Filhos',
      WhatsApp_Number: phoneOf(eva),
    })
    await f.sim.flushNotifications()
    await f.reread()
    expect(await linksOf(f.rt, [e])).toEqual([{ contact_id: e, record_id: lead.id, role: 'primary' }])

    const contactRecord = f.sim.convertLead(f.orgId, lead.id as string)
    expect(f.sim.records(f.orgId, 'Leads').map((r) => r.id)).not.toContain(lead.id)
    await f.sim.flushNotifications()
    await f.reread()
    expect(await linksOf(f.rt, [e])).toEqual([{ contact_id: e, record_id: contactRecord, role: 'primary' }])
    expect(await tagKeys(eva)).toContain('lead_hot')
    expect(await messageCount(e)).toBe(1)
    // Our next write goes to the Contact, not a new record.
    const before = f.sim.records(f.orgId, 'Contacts').length
    await f.rt.api(`/api/v1/contacts/${e}`, { method: 'PATCH', json: { priority: 'high' } })
    await f.drain()
    expect(f.sim.records(f.orgId, 'Contacts')).toHaveLength(before)
    expect(f.sim.records(f.orgId, 'Contacts').find((r) => r.id === contactRecord)?.WA_Priority).toBe('high')
  })

  it('a real delete (no live record holds the number) stays a delete: unlinked, history kept', async () => {
    const fabi = person(7, 'Fabi Neves')
    const [fa] = (await arrive(fabi)) as [string]
    f.sim.deleteRecord(f.orgId, 'Contacts', recordOf('Contacts', fabi))
    await f.sim.flushNotifications()
    await f.reread()
    expect((await linksOf(f.rt, [fa])).map((l) => l.role)).toEqual(['deleted'])
    expect(await messageCount(fa)).toBe(1)
  })
})
