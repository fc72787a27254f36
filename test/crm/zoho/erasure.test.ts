import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import type { Sender } from '../../simulators/whatsapp/envelopes'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { startZohoFixture, type ZohoFixture } from './zoho-support'

const person = (i: number, name: string): Sender => ({ waId: `55119878${String(i).padStart(5, '0')}`, name })
const WORDS = (i: number) => `Quero que apaguem meu historico, pedido ${i}`

/**
 * An erasure reaches Zoho through the sync: a Contact our upsert created is deleted with our day
 * notes and Tasks; a Contact the org had stays, emptied of our fields and our tags, tagged
 * "WA erasure requested", without our notes and tasks but with the rep's own note.
 */
describe.each(ENGINES)('erasure in Zoho (%s)', (engine) => {
  let f: ZohoFixture
  const contactOf = (phone: string) =>
    f.sim.records(f.orgId, 'Contacts').find((c) => c.WhatsApp_Number === phone)
  const notesOf = (id: string) =>
    f.sim.records(f.orgId, 'Notes').filter((n) => (n.Parent_Id as { id: string }).id === id)
  const tasksOf = (id: string) =>
    f.sim.records(f.orgId, 'Tasks').filter((t) => (t.Who_Id as { id: string } | undefined)?.id === id)
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
  const synced = async (p: Sender, i: number) => {
    await customerWrites(f.rt, NUMBER_A, p, WORDS(i))
    await f.drain()
    const contactId = await contactIdOf(f.rt, `+${p.waId}`)
    await f.rt.db.db.execute(
      sql`insert into follow_up_tasks (workspace_id, contact_id, title, body, due_at, priority)
          select workspace_id, id, 'Ligar', 'Perguntar do pedido', '2026-12-10T12:00:00Z', 'high'
            from contacts where id = ${contactId}::uuid`,
    )
    await f.rt.api(`/api/v1/contacts/${contactId}/tags`, {
      method: 'POST',
      json: { key: 'vip', label: 'VIP' },
    })
    await f.drain()
    return contactId
  }

  beforeAll(async () => {
    f = await startZohoFixture(engine)
    // The first pass subscribes the notification channel, so Zoho tells us about our own writes too.
    await f.reread()
  })
  afterAll(async () => {
    await f?.close()
  })

  it('deletes the Contact our upsert created, with our day note and task', async () => {
    const p = person(1, 'Ana Zoho')
    const contactId = await synced(p, 1)
    const record = contactOf(`+${p.waId}`)
    const id = String(record?.id)
    const [link] = await queryRows<{ created_by_us: boolean }>(
      f.rt.db.db,
      sql`select created_by_us from crm_record_links where contact_id = ${contactId}::uuid`,
    )
    expect(link?.created_by_us).toBe(true)
    expect(notesOf(id)).toHaveLength(1)
    expect(tasksOf(id)).toHaveLength(1)

    const answer = await erase(contactId)
    expect(answer.crm_records).toMatchObject([{ record_id: id, action: 'delete' }])
    await f.drain()
    expect(contactOf(`+${p.waId}`)).toBeUndefined()
    expect(notesOf(id)).toEqual([])
    expect(tasksOf(id)).toEqual([])
    expect(await status(answer.erasure_id)).toMatchObject([
      { state: 'done', outcome: 'deleted', activities_removed: 2 },
    ])
    // Zoho's delete notification comes back: the link is gone, nothing is written again.
    f.sim.resetRequests()
    await f.drain()
    expect(f.sim.requests.filter((r) => r.method !== 'GET')).toEqual([])
  })

  it('keeps a Contact the org had: our fields and tags off, the erasure tag on, our notes and tasks gone, the rep’s note kept', async () => {
    const p = person(2, 'Bia Zoho')
    const existing = f.sim.createRecord(f.orgId, 'Contacts', {
      Last_Name: 'Existente',
      Email: 'bia@example.com',
      Mobile: `+${p.waId}`,
      WhatsApp_Number: `+${p.waId}`,
      Tag: [{ name: 'cliente-antigo' }],
    })
    const id = String(existing.id)
    const repNote = f.sim.createRecord(f.orgId, 'Notes', {
      Note_Title: 'Visita',
      Note_Content: 'Rep: visitou a loja',
      Parent_Id: { module: { api_name: 'Contacts' }, id },
    })
    const contactId = await synced(p, 2)
    const [link] = await queryRows<{ record_id: string; created_by_us: boolean }>(
      f.rt.db.db,
      sql`select record_id, created_by_us from crm_record_links where contact_id = ${contactId}::uuid`,
    )
    expect(link).toEqual({ record_id: id, created_by_us: false })
    const before = contactOf(`+${p.waId}`)
    const tagsBefore = ((before?.Tag ?? []) as { name: string }[]).map((t) => t.name)
    expect(tagsBefore).toContain('vip')

    const answer = await erase(contactId)
    expect(answer.crm_records).toMatchObject([{ record_id: id, action: 'mark' }])
    await f.drain()
    const after = f.sim.records(f.orgId, 'Contacts').find((c) => String(c.id) === id)
    expect(after).toMatchObject({
      Last_Name: before?.Last_Name,
      Email: 'bia@example.com',
      WhatsApp_Number: null,
      WA_Last_Inbound_At: null,
    })
    // The workspace's tags come off, the org's own stay, the marker goes on.
    expect(((after?.Tag ?? []) as { name: string }[]).map((t) => t.name).sort()).toEqual(
      [...tagsBefore.filter((t) => t !== 'vip'), 'WA erasure requested'].sort(),
    )
    expect(notesOf(id).map((n) => String(n.id))).toEqual([String(repNote.id)])
    expect(tasksOf(id)).toEqual([])
    expect(await status(answer.erasure_id)).toMatchObject([
      { action: 'mark', state: 'done', outcome: 'marked', activities_removed: 2 },
    ])
    // Zoho notifies our update; the re-read finds a record still holding the person's mobile
    // number, but a record kept for an erased person is not linked again: nobody comes back.
    await f.sim.flushNotifications()
    await f.reread()
    const [back] = await queryRows<{ n: number }>(
      f.rt.db.db,
      sql`select count(*)::int as n from contacts where phone_e164 = ${`+${p.waId}`}`,
    )
    expect(back?.n).toBe(0)
    const [outcome] = await queryRows<{ outcome: string }>(
      f.rt.db.db,
      sql`select outcome from crm_webhook_events where payload->>'kind' = 'created' and payload->>'recordId' = ${id}`,
    )
    expect(outcome?.outcome).toBe('record was kept for an erased person; not linked again')
  })
})
