import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import type { Sender } from '../../simulators/whatsapp/envelopes'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { startZohoFixture, type ZohoFixture } from './zoho-support'

const person = (i: number, name = `Pessoa ${i}`): Sender => ({
  waId: `55119877${String(i).padStart(5, '0')}`,
  name,
})
const phoneOf = (i: number) => `+${person(i).waId}`

// Two data centres: the connector must talk to each org's own API domain only.
const CASES = ENGINES.flatMap((engine) => (['eu', 'com.au'] as const).map((dc) => [engine, dc] as const))

describe.each(CASES)('Zoho sync out (%s, %s data centre)', (engine, dc) => {
  let f: ZohoFixture
  const contacts = () => f.sim.records(f.orgId, 'Contacts')
  const contactOf = (phone: string) => contacts().find((c) => c.WhatsApp_Number === phone)
  const writes = () => f.sim.requests.filter((r) => r.method !== 'GET')

  beforeAll(async () => {
    f = await startZohoFixture(engine, { dc })
  })
  afterAll(async () => {
    await f?.close()
  })

  it('upserts new people into Contacts by WhatsApp_Number and their messages into one Note per day', async () => {
    for (let i = 0; i < 5; i++)
      await customerWrites(f.rt, NUMBER_A, person(10 + i), `Oi, sou ${person(10 + i).name}`)
    f.sim.resetRequests()
    await f.drain()
    expect(contacts()).toHaveLength(5)
    const record = contactOf(phoneOf(10))
    expect(record).toMatchObject({ Last_Name: expect.any(String), Lead_Source: 'WhatsApp' })
    // One upsert for the people, one Notes create for their day notes, all at the org's data centre.
    expect(writes().map((r) => [r.method, r.path, r.records])).toEqual([
      ['POST', '/Contacts/upsert', 5],
      ['POST', '/Notes', 5],
    ])
    expect(new Set(f.sim.requests.map((r) => r.dc))).toEqual(new Set([dc]))
    const note = f.sim
      .records(f.orgId, 'Notes')
      .find((n) => (n.Parent_Id as { id: string }).id === record?.id)
    expect(note?.Note_Title).toMatch(/^WhatsApp \d{4}-\d{2}-\d{2}$/)
    expect(note?.Note_Content).toMatch(/^\[\d{2}:\d{2} UTC\] Customer: Oi, sou Pessoa 10$/)
    const [link] = await queryRows<{ record_id: string }>(
      f.rt.db.db,
      sql`select record_id from crm_record_links where contact_id = ${await contactIdOf(f.rt, phoneOf(10))}`,
    )
    expect(link?.record_id).toBe(record?.id)
  })

  it('appends later messages of the same day to the same Note (an update, not a new note)', async () => {
    await customerWrites(f.rt, NUMBER_A, person(10), 'Segunda mensagem')
    await customerWrites(f.rt, NUMBER_A, person(10), '<b>terceira</b>')
    f.sim.resetRequests()
    await f.drain()
    const record = contactOf(phoneOf(10))
    const notes = f.sim
      .records(f.orgId, 'Notes')
      .filter((n) => (n.Parent_Id as { id: string }).id === record?.id)
    expect(notes).toHaveLength(1)
    expect(String(notes[0]?.Note_Content).split('\n')).toEqual([
      expect.stringContaining('Customer: Oi, sou Pessoa 10'),
      expect.stringContaining('Customer: Segunda mensagem'),
      expect.stringContaining('Customer: <b>terceira</b>'),
    ])
    expect(
      writes()
        .filter((r) => r.path === '/Notes')
        .map((r) => r.method),
    ).toEqual(['PUT'])
  })

  it('updates a linked record by id, tags become native Tags, a follow-up becomes a Task found again by its key', async () => {
    const id = await contactIdOf(f.rt, phoneOf(11))
    expect(
      (await f.rt.api(`/api/v1/contacts/${id}`, { method: 'PATCH', json: { segment: 'customer' } })).status,
    ).toBe(200)
    expect(
      (await f.rt.api(`/api/v1/contacts/${id}/tags`, { method: 'POST', json: { key: 'vip' } })).status,
    ).toBeLessThan(300)
    const [task] = await queryRows<{ id: string }>(
      f.rt.db.db,
      sql`insert into follow_up_tasks (workspace_id, contact_id, title, body, due_at, priority)
          select workspace_id, id, 'Call back', 'Ask about the order', '2026-12-10T12:00:00Z', 'high'
            from contacts where id = ${id} returning id`,
    )
    f.sim.resetRequests()
    await f.drain()
    const record = contactOf(phoneOf(11))
    expect(record?.WA_Segment).toBe('customer')
    expect(((record?.Tag ?? []) as { name: string }[]).map((t) => t.name)).toContain('vip')
    expect(f.sim.tags(f.orgId, 'Contacts').map((t) => t.name)).toContain('vip')
    expect(writes().find((r) => r.path === '/Contacts')).toMatchObject({ method: 'PUT' })
    const tasks = f.sim.records(f.orgId, 'Tasks')
    expect(tasks).toHaveLength(1)
    expect(tasks[0]).toMatchObject({
      Who_Id: { id: record?.id },
      Subject: 'Call back',
      Due_Date: '2026-12-10',
      Priority: 'High',
      Status: 'Not Started',
      WA_Task_Key: task?.id,
    })
    await f.rt.db.db.execute(sql`update follow_up_tasks set status = 'done' where id = ${task?.id}`)
    await f.drain()
    const after = f.sim.records(f.orgId, 'Tasks')
    expect(after).toHaveLength(1)
    expect(after[0]?.Status).toBe('Completed')
  })

  it('turns per-record errors (RECORD_LOCKED, DUPLICATE_DATA) into review items without failing the batch', async () => {
    const ok = await contactIdOf(f.rt, phoneOf(12))
    const locked = await contactIdOf(f.rt, phoneOf(13))
    const dup = await contactIdOf(f.rt, phoneOf(14))
    f.sim.lockRecord(f.orgId, contactOf(phoneOf(13))?.id as string)
    // Email is unique on Contacts: another record already holds this one.
    f.sim.createRecord(f.orgId, 'Contacts', { Last_Name: 'Other', Email: 'taken@example.com' })
    await f.rt.api(`/api/v1/contacts/${ok}`, { method: 'PATCH', json: { segment: 'lost' } })
    await f.rt.api(`/api/v1/contacts/${locked}`, { method: 'PATCH', json: { segment: 'lost' } })
    await f.rt.api(`/api/v1/contacts/${dup}`, { method: 'PATCH', json: { email: 'taken@example.com' } })
    f.sim.resetRequests()
    await f.drain()
    expect(contactOf(phoneOf(12))?.WA_Segment).toBe('lost')
    expect(contactOf(phoneOf(13))?.WA_Segment).not.toBe('lost')
    expect(contactOf(phoneOf(14))?.Email).not.toBe('taken@example.com')
    const review = await queryRows<{ contact_id: string; detail: { code: string } }>(
      f.rt.db.db,
      sql`select contact_id, detail from crm_review_items where kind = 'sync_failed' and contact_id in (${locked}, ${dup})`,
    )
    expect(review.find((r) => r.contact_id === dup)?.detail.code).toBe('DUPLICATE_DATA')
    // RECORD_LOCKED is retried (a lock passes) and becomes a review item once the tries are spent.
    expect(review.find((r) => r.contact_id === locked)?.detail.code).toBe('RECORD_LOCKED')
    // The good record went in the same call as the refused ones.
    expect(writes().filter((r) => r.path === '/Contacts')[0]?.records).toBe(3)
  })

  it('refreshes the token once on INVALID_TOKEN and retries through the shared token store', async () => {
    f.sim.expireAccessTokens(f.orgId)
    const id = await contactIdOf(f.rt, phoneOf(10))
    await f.rt.api(`/api/v1/contacts/${id}`, { method: 'PATCH', json: { segment: 'at_risk' } })
    f.sim.resetRequests()
    await f.drain()
    expect(contactOf(phoneOf(10))?.WA_Segment).toBe('at_risk')
    expect(f.sim.requests.filter((r) => r.status === 401)).toHaveLength(1)
  })
})
