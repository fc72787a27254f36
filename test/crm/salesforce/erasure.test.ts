import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import type { Sender } from '../../simulators/whatsapp/envelopes'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { type SfFixture, startSfFixture } from './sf-support'

const person = (i: number, name: string): Sender => ({ waId: `55119877${String(i).padStart(5, '0')}`, name })
const WORDS = (i: number) => `Por favor apaguem meus dados, pedido ${i}`

/**
 * An erasure reaches Salesforce through the sync, driven by jsforce against the simulator: a Lead
 * our upsert created is deleted with our WA_Message__c records and Tasks; a Lead the org had stays,
 * emptied of our fields and flagged with WA_Erasure_Requested_At__c, without our messages and tasks
 * but with the rep's own task; a refusal becomes a review item.
 */
describe.each(ENGINES)('erasure in Salesforce (%s)', (engine) => {
  let f: SfFixture
  const leadOf = (phone: string) => f.sim.records(f.orgId, 'Lead').find((l) => l.WA_Phone__c === phone)
  const erase = async (contactId: string) => {
    const res = await f.rt.api(`/api/v1/contacts/${contactId}/erase`, {
      method: 'POST',
      json: { confirm: 'erase' },
    })
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(200)
    return body as { erasure_id: string; crm_records: { record_id: string; action: string }[] }
  }
  const status = async (erasureId: string) =>
    (await (await f.rt.api(`/api/v1/erasures/${erasureId}`)).json()).crm_records as Record<string, unknown>[]
  const withTask = async (contactId: string) => {
    await f.rt.db.db.execute(
      sql`insert into follow_up_tasks (workspace_id, contact_id, title, body, due_at, priority)
          select workspace_id, id, 'Ligar', 'Perguntar do pedido', '2026-12-10T12:00:00Z', 'high'
            from contacts where id = ${contactId}::uuid`,
    )
    await f.drain()
  }

  beforeAll(async () => {
    f = await startSfFixture(engine)
  })
  afterAll(async () => {
    await f?.close()
  })

  it('deletes the Lead our upsert created, with our WA_Message__c records and Tasks', async () => {
    const p = person(1, 'Ana Lead')
    await customerWrites(f.rt, NUMBER_A, p, WORDS(1))
    await f.drain()
    const contactId = await contactIdOf(f.rt, `+${p.waId}`)
    await withTask(contactId)
    const lead = leadOf(`+${p.waId}`)
    const [link] = await queryRows<{ created_by_us: boolean }>(
      f.rt.db.db,
      sql`select created_by_us from crm_record_links where contact_id = ${contactId}::uuid`,
    )
    expect(link?.created_by_us).toBe(true)
    expect(f.sim.records(f.orgId, 'WA_Message__c').filter((m) => m.WA_Lead__c === lead?.Id)).toHaveLength(1)
    expect(f.sim.records(f.orgId, 'Task').filter((t) => t.WhoId === lead?.Id)).toHaveLength(1)

    const answer = await erase(contactId)
    expect(answer.crm_records).toMatchObject([{ record_id: lead?.Id, action: 'delete' }])
    await f.drain()
    expect(leadOf(`+${p.waId}`)).toBeUndefined()
    expect(f.sim.deletedRecords(f.orgId, 'Lead').some((l) => l.Id === lead?.Id)).toBe(true)
    expect(f.sim.records(f.orgId, 'WA_Message__c').some((m) => m.WA_Body__c === WORDS(1))).toBe(false)
    expect(f.sim.records(f.orgId, 'Task').some((t) => t.WhoId === lead?.Id)).toBe(false)
    expect(await status(answer.erasure_id)).toMatchObject([
      { state: 'done', outcome: 'deleted', activities_removed: 2 },
    ])
  })

  it('keeps a Lead the org had: our fields emptied, the marker set, our messages and tasks gone, the rep’s task kept', async () => {
    const p = person(2, 'Bia Antiga')
    const existing = f.sim.createRecord(f.orgId, 'Lead', {
      LastName: 'Antiga',
      Company: 'Acme',
      WA_Phone__c: `+${p.waId}`,
    })
    const repTask = f.sim.createRecord(f.orgId, 'Task', {
      WhoId: existing.Id,
      Subject: 'Rep: visitar cliente',
    })
    await customerWrites(f.rt, NUMBER_A, p, WORDS(2))
    await f.drain()
    const contactId = await contactIdOf(f.rt, `+${p.waId}`)
    await f.rt.api(`/api/v1/contacts/${contactId}/tags`, {
      method: 'POST',
      json: { key: 'vip', label: 'VIP' },
    })
    await withTask(contactId)
    const [link] = await queryRows<{ record_id: string; created_by_us: boolean }>(
      f.rt.db.db,
      sql`select record_id, created_by_us from crm_record_links where contact_id = ${contactId}::uuid`,
    )
    // The upsert matched the org's Lead by WA_Phone__c: Salesforce answered created: false.
    expect(link).toEqual({ record_id: existing.Id, created_by_us: false })
    const before = f.sim.records(f.orgId, 'Lead').find((l) => l.Id === existing.Id)
    expect(before?.WA_Tags__c).toBe('vip')

    const answer = await erase(contactId)
    expect(answer.crm_records).toMatchObject([{ record_id: existing.Id, action: 'mark' }])
    await f.drain()
    const after = f.sim.records(f.orgId, 'Lead').find((l) => l.Id === existing.Id)
    expect(after).toMatchObject({
      // Standard fields are the org's: the erasure leaves them as they were.
      LastName: before?.LastName,
      Company: before?.Company,
      WA_Phone__c: null,
      WA_Tags__c: null,
      WA_Last_Inbound_At__c: null,
      WA_Churn_Risk__c: false,
    })
    expect(Date.parse(String(after?.WA_Erasure_Requested_At__c).replace('+0000', 'Z'))).toBeGreaterThan(
      Date.now() - 60_000,
    )
    expect(f.sim.records(f.orgId, 'WA_Message__c').some((m) => m.WA_Lead__c === existing.Id)).toBe(false)
    const tasks = f.sim.records(f.orgId, 'Task').filter((t) => t.WhoId === existing.Id)
    expect(tasks.map((t) => t.Id)).toEqual([repTask.Id])
    expect(await status(answer.erasure_id)).toMatchObject([
      { action: 'mark', state: 'done', outcome: 'marked', activities_removed: 2 },
    ])
  })

  it('a refusal by Salesforce becomes a review item naming the record, not the person', async () => {
    const p = person(3, 'Caio Travado')
    const existing = f.sim.createRecord(f.orgId, 'Lead', {
      LastName: 'Travado',
      Company: 'Cofre SA',
      Email: 'locked@cofre.example',
      WA_Phone__c: `+${p.waId}`,
    })
    await customerWrites(f.rt, NUMBER_A, p, WORDS(3))
    await f.drain()
    const contactId = await contactIdOf(f.rt, `+${p.waId}`)
    f.sim.addValidationRule(f.orgId, {
      sobject: 'Lead',
      field: 'Email',
      pattern: '^locked@cofre\\.example$',
      message: 'Records of Cofre SA are locked',
    })
    const answer = await erase(contactId)
    await f.drain()
    expect(await status(answer.erasure_id)).toMatchObject([
      { state: 'failed', last_error: expect.stringContaining('FIELD_CUSTOM_VALIDATION_EXCEPTION') },
    ])
    const review = await (await f.rt.api('/api/v1/review?status=open')).json()
    const item = review.items.find(
      (i: { detail: { reason?: string; record_id?: string } }) =>
        i.detail.reason === 'crm_erasure_failed' && i.detail.record_id === existing.Id,
    )
    expect(item).toMatchObject({ kind: 'sync_failed', contact_id: null })
    expect(JSON.stringify(item)).not.toContain(p.waId as string)
  })
})
