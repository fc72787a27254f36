import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import type { Sender } from '../../simulators/whatsapp/envelopes'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { type SfFixture, startSfFixture } from './sf-support'

const person = (i: number, name = `Pessoa ${i}`): Sender => ({
  waId: `55119876${String(i).padStart(5, '0')}`,
  name,
})

describe.each(ENGINES)('Salesforce sync out (%s)', (engine) => {
  let f: SfFixture
  const leads = () => f.sim.records(f.orgId, 'Lead')
  const leadOf = (phone: string) => leads().find((l) => l.WA_Phone__c === phone)
  const writes = () => f.sim.requests.filter((r) => r.method !== 'GET')

  beforeAll(async () => {
    f = await startSfFixture(engine)
  })
  afterAll(async () => {
    await f?.close()
  })

  it('creates new WhatsApp people as Leads upserted by WA_Phone__c, and their messages as WA_Message__c on the Lead', async () => {
    const people = Array.from({ length: 5 }, (_, i) => person(10 + i))
    for (const p of people) await customerWrites(f.rt, NUMBER_A, p, `Oi, sou ${p.name}`)
    f.sim.resetRequests()
    await f.drain()
    expect(leads()).toHaveLength(5)
    const lead = leadOf('+5511987600010')
    expect(lead).toMatchObject({ LastName: expect.any(String), Company: 'WhatsApp', LeadSource: 'WhatsApp' })
    // One collection upsert for the people, one for their messages.
    expect(writes().map((r) => [r.method, r.path, r.records])).toEqual([
      ['PATCH', '/services/data/v66.0/composite/sobjects/Lead/WA_Phone__c', 5],
      ['PATCH', '/services/data/v66.0/composite/sobjects/WA_Message__c/WA_Message_Key__c', 5],
    ])
    const messages = f.sim.records(f.orgId, 'WA_Message__c')
    const onLead = messages.find((m) => m.WA_Lead__c === lead?.Id)
    expect(onLead).toMatchObject({
      WA_Direction__c: 'inbound',
      WA_Body__c: 'Oi, sou Pessoa 10',
      WA_Status__c: 'received',
      WA_Contact__c: null,
    })
    expect(String(onLead?.WA_Message_Key__c)).toMatch(/^wamid\./)
    // Writing again changes nothing: the key upsert is idempotent.
    const [link] = await queryRows<{ record_id: string }>(
      f.rt.db.db,
      sql`select record_id from crm_record_links where contact_id = ${await contactIdOf(f.rt, '+5511987600010')}`,
    )
    expect(link?.record_id).toBe(lead?.Id)
  })

  it('updates a linked record by Id; a follow-up becomes a Task found again by its key', async () => {
    const id = await contactIdOf(f.rt, '+5511987600011')
    const res = await f.rt.api(`/api/v1/contacts/${id}`, { method: 'PATCH', json: { segment: 'customer' } })
    expect(res.status).toBe(200)
    const [task] = await queryRows<{ id: string }>(
      f.rt.db.db,
      sql`insert into follow_up_tasks (workspace_id, contact_id, title, body, due_at, priority)
          select workspace_id, id, 'Call back', 'Ask about the order', '2026-12-10T12:00:00Z', 'high'
            from contacts where id = ${id} returning id`,
    )
    f.sim.resetRequests()
    await f.drain()
    const lead = leadOf('+5511987600011')
    expect(lead?.WA_Segment__c).toBe('customer')
    expect(writes().find((r) => r.path === '/services/data/v66.0/composite/sobjects')).toMatchObject({
      method: 'PATCH',
      records: 1,
    })
    const tasks = f.sim.records(f.orgId, 'Task')
    expect(tasks).toHaveLength(1)
    expect(tasks[0]).toMatchObject({
      WhoId: lead?.Id,
      Subject: 'Call back',
      ActivityDate: '2026-12-10',
      Priority: 'High',
      Status: 'Not Started',
      WA_Task_Key__c: task?.id,
    })
    await f.rt.db.db.execute(sql`update follow_up_tasks set status = 'done' where id = ${task?.id}`)
    await f.drain()
    const after = f.sim.records(f.orgId, 'Task')
    expect(after).toHaveLength(1)
    expect(after[0]?.Status).toBe('Completed')
  })

  it('turns per-record refusals into review items without failing the rest of the batch', async () => {
    f.sim.addValidationRule(f.orgId, {
      sobject: 'Lead',
      field: 'WA_Customer_Level__c',
      pattern: '^Blocked$',
      message: 'Customer level Blocked is not allowed',
    })
    const ok = await contactIdOf(f.rt, '+5511987600012')
    const bad = await contactIdOf(f.rt, '+5511987600013')
    for (const [id, level] of [
      [ok, 'Gold'],
      [bad, 'Blocked'],
    ] as const) {
      const res = await f.rt.api(`/api/v1/contacts/${id}`, {
        method: 'PATCH',
        json: { attributes: { customer_level: level } },
      })
      expect(res.status).toBe(200)
    }
    f.sim.resetRequests()
    await f.drain()
    expect(leadOf('+5511987600012')?.WA_Customer_Level__c).toBe('Gold')
    expect(leadOf('+5511987600013')?.WA_Customer_Level__c).not.toBe('Blocked')
    // One call for both: the refused record did not split or fail the batch.
    expect(writes().filter((r) => r.path === '/services/data/v66.0/composite/sobjects')).toHaveLength(1)
    const review = await queryRows<{ contact_id: string; detail: { code: string; message: string } }>(
      f.rt.db.db,
      sql`select contact_id, detail from crm_review_items where kind = 'sync_failed' and contact_id = ${bad}`,
    )
    expect(review).toHaveLength(1)
    expect(review[0]?.detail).toMatchObject({
      code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: expect.stringContaining('Customer level Blocked is not allowed'),
    })
  })

  it('writes to the Contact when the linked Lead was converted, and the link follows', async () => {
    const id = await contactIdOf(f.rt, '+5511987600014')
    const lead = leadOf('+5511987600014')
    const { contactId } = f.sim.convertLead(f.orgId, lead?.Id as string)
    await f.rt.api(`/api/v1/contacts/${id}`, { method: 'PATCH', json: { segment: 'high_intent' } })
    await f.drain()
    const contact = f.sim.records(f.orgId, 'Contact').find((c) => c.Id === contactId)
    expect(contact?.WA_Segment__c).toBe('high_intent')
    const [link] = await queryRows<{ record_id: string }>(
      f.rt.db.db,
      sql`select record_id from crm_record_links where contact_id = ${id}`,
    )
    expect(link?.record_id).toBe(contactId)
  })

  it('refreshes an expired session on INVALID_SESSION_ID and retries through the token store', async () => {
    f.sim.expireSessions(f.orgId)
    const id = await contactIdOf(f.rt, '+5511987600010')
    await f.rt.api(`/api/v1/contacts/${id}`, { method: 'PATCH', json: { segment: 'at_risk' } })
    f.sim.resetRequests()
    await f.drain()
    expect(leadOf('+5511987600010')?.WA_Segment__c).toBe('at_risk')
    expect(f.sim.requests.filter((r) => r.status === 401)).toHaveLength(1)
    expect(f.sim.requests.some((r) => r.path === '/services/oauth2/token' && r.status === 200)).toBe(true)
  })

  it('reports a missing WA_Message__c field on the connection and holds the messages until the package is fixed', async () => {
    f.sim.removeField(f.orgId, 'WA_Message__c', 'WA_Media_URL__c')
    const connector = await f.connector()
    // The cached describe is refreshed after 15 min; the test asks for it now.
    await connector.describe('WA_Message__c', true)
    await customerWrites(f.rt, NUMBER_A, person(12), 'Mais uma')
    await f.drain()
    const row = await f.connection()
    expect(row.lastError).toContain('WA_Message__c.WA_Media_URL__c')
    const [waiting] = await queryRows<{ n: number }>(
      f.rt.db.db,
      sql`select count(*)::int as n from crm_outbox where kind = 'message' and parked_at is null`,
    )
    expect(waiting?.n).toBeGreaterThan(0)
  })
})
