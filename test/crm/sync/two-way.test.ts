import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import type { Sender } from '../../simulators/whatsapp/envelopes'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { installPortal } from '../hubspot/oauth-support'
import { PORTAL, type SyncFixture, startSyncFixture } from './sync-support'

const bea: Sender = { waId: '5511987650201', name: 'Beatriz Lima' }
const caio: Sender = { waId: '5511987650202', name: 'Caio Reis' }
const duda: Sender = { waId: '5511987650203', name: 'Duda Alves' }

describe.each(ENGINES)('CRM sync both ways (%s)', (engine) => {
  let f: SyncFixture
  let beaId: string
  let recordId: string
  const record = () => f.sim.contacts(f.portalId).find((c) => c.id === recordId)
  const contact = async (id: string) =>
    (await queryRows<Record<string, unknown>>(f.rt.db.db, sql`select * from contacts where id = ${id}`))[0]
  /** Lets the simulator's webhooks land, then applies them and syncs back. */
  const settle = async () => {
    await f.sim.webhooksIdle()
    await f.drain()
  }

  beforeAll(async () => {
    f = await startSyncFixture(engine)
    await customerWrites(f.rt, NUMBER_A, bea, 'Oi!')
    beaId = await contactIdOf(f.rt, '+5511987650201')
    await f.drain()
    recordId = f.sim.contacts(f.portalId)[0]?.id as string
  })
  afterAll(async () => {
    await f?.close()
  })

  it('applies a rep edit in HubSpot locally, signed webhook stored before the answer', async () => {
    await f.sim.editContact(f.portalId, recordId, { firstname: 'Bia', scrm_segment: 'customer' })
    await settle()
    const c = await contact(beaId)
    expect(c?.segment).toBe('customer')
    expect(c?.attributes).toMatchObject({ first_name: 'Bia' })
    const [stored] = await queryRows<{ n: number }>(
      f.rt.db.db,
      sql`select count(*)::int as n from crm_webhook_events where processed_at is not null`,
    )
    expect(stored?.n).toBeGreaterThanOrEqual(2)
    expect(f.sim.webhookAttempts.every((a) => a.status === 200)).toBe(true)
    // Nothing to write back: both sides agree.
    f.sim.resetRequests()
    await f.drain()
    expect(f.sim.requests.filter((r) => r.method !== 'GET')).toHaveLength(0)
  })

  it('refuses a webhook with a bad or stale signature and stores nothing', async () => {
    const body = JSON.stringify([
      {
        eventId: 1,
        portalId: PORTAL,
        occurredAt: Date.now(),
        subscriptionType: 'contact.deletion',
        objectId: recordId,
      },
    ])
    const bad = await f.rt.request('/webhooks/hubspot', {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-hubspot-signature-v3': 'AAAA',
        'x-hubspot-request-timestamp': String(Date.now()),
      },
    })
    expect(bad.status).toBe(401)
    const stale = await f.rt.request('/webhooks/hubspot', {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-hubspot-signature-v3': 'AAAA',
        'x-hubspot-request-timestamp': String(Date.now() - 6 * 60_000),
      },
    })
    expect(stale.status).toBe(401)
    const [n] = await queryRows<{ n: number }>(
      f.rt.db.db,
      sql`select count(*)::int as n from crm_webhook_events where event_id = '1'`,
    )
    expect(n?.n).toBe(0)
  })

  it('a local edit newer than the CRM one wins on both sides and the CRM value goes to review', async () => {
    const before = Date.now() - 5_000
    await f.rt.api(`/api/v1/contacts/${beaId}`, { method: 'PATCH', json: { segment: 'high_intent' } })
    await f.sim.editContact(f.portalId, recordId, { scrm_segment: 'lost' }, { at: before })
    await settle()
    expect((await contact(beaId))?.segment).toBe('high_intent')
    expect(record()?.properties.scrm_segment).toBe('high_intent')
    const review = await (await f.rt.api('/api/v1/review?status=open')).json()
    const item = review.items.find((i: { field: string }) => i.field === 'segment')
    expect(item).toMatchObject({
      kind: 'conflict',
      winner: 'local',
      local_value: 'high_intent',
      remote_value: 'lost',
    })
  })

  it('a CRM edit newer than ours wins, and a person can put the other value back from the review queue', async () => {
    await f.rt.api(`/api/v1/contacts/${beaId}`, { method: 'PATCH', json: { priority: 'high' } })
    await f.sim.editContact(f.portalId, recordId, { scrm_priority: 'low' }, { at: Date.now() + 1_000 })
    await settle()
    expect((await contact(beaId))?.priority).toBe('low')
    expect(record()?.properties.scrm_priority).toBe('low')
    const review = await (await f.rt.api('/api/v1/review?status=open')).json()
    const item = review.items.find((i: { field: string }) => i.field === 'priority')
    expect(item).toMatchObject({ winner: 'remote', local_value: 'high', remote_value: 'low' })
    const res = await f.rt.api(`/api/v1/review/${item.id}`, {
      method: 'POST',
      json: { resolution: 'use_local' },
    })
    expect(res.status).toBe(200)
    await new Promise((r) => setTimeout(r, 1_100))
    await settle()
    expect((await contact(beaId))?.priority).toBe('high')
    expect(record()?.properties.scrm_priority).toBe('high')
  })

  it('tags flow both ways as a multi-checkbox', async () => {
    await f.rt.api(`/api/v1/contacts/${beaId}/tags`, { method: 'POST', json: { key: 'vip', label: 'VIP' } })
    await f.drain()
    expect(record()?.properties.scrm_tags).toBe('vip')
    await f.sim.editContact(f.portalId, recordId, { scrm_tags: 'vip;complaint' }, { at: Date.now() + 2_000 })
    await settle()
    const tags = await (await f.rt.api(`/api/v1/thread?phone=%2B5511987650201`)).json()
    expect(tags.tags.map((t: { key: string }) => t.key).sort()).toEqual(['complaint', 'vip'])
  })

  it('links a contact created in HubSpot to the WhatsApp contact with that number', async () => {
    await customerWrites(f.rt, NUMBER_A, duda, 'Olá')
    const dudaId = await contactIdOf(f.rt, '+5511987650203')
    // The rep creates the record before our sync wrote it.
    await f.rt.db.db.execute(sql`delete from crm_outbox where subject_id = ${dudaId}`)
    const created = await f.sim.createContact(f.portalId, { phone: '+55 11 98765-0203', firstname: 'Duda' })
    await settle()
    const [link] = await queryRows<{ record_id: string }>(
      f.rt.db.db,
      sql`select record_id from crm_record_links where contact_id = ${dudaId}`,
    )
    expect(link?.record_id).toBe(created)
    expect((await contact(dudaId))?.attributes).toMatchObject({ first_name: 'Duda' })
  })

  it('a HubSpot merge moves our links to the surviving record; a deletion unlinks and keeps the history', async () => {
    await customerWrites(f.rt, NUMBER_A, caio, 'Bom dia')
    const caioId = await contactIdOf(f.rt, '+5511987650202')
    await f.drain()
    const caioRecord = f.sim.contacts(f.portalId).find((c) => c.properties.scrm_wa_phone === '+5511987650202')
      ?.id as string
    await f.sim.mergeContacts(f.portalId, recordId, caioRecord)
    await settle()
    const links = await queryRows<{ contact_id: string; record_id: string; role: string }>(
      f.rt.db.db,
      sql`select contact_id, record_id, role from crm_record_links where contact_id in (${beaId}, ${caioId}) order by role`,
    )
    expect(links).toEqual([
      { contact_id: beaId, record_id: recordId, role: 'primary' },
      { contact_id: caioId, record_id: recordId, role: 'secondary' },
    ])
    // Caio's next message still lands on the merged record, without overwriting Bea's fields.
    await customerWrites(f.rt, NUMBER_A, caio, 'Ainda aí?')
    await f.drain()
    expect(record()?.properties.scrm_wa_phone).toBe('+5511987650201')
    const comm = f.sim
      .communications(f.portalId)
      .find((c) => c.properties.hs_communication_body?.includes('Ainda aí?'))
    expect(f.sim.associations(f.portalId, 'communications', comm?.id as string)[0]?.toId).toBe(recordId)

    await f.sim.deleteContact(f.portalId, recordId)
    await settle()
    const after = await queryRows<{ role: string }>(
      f.rt.db.db,
      sql`select role from crm_record_links where record_id = ${recordId}`,
    )
    expect(after.every((l) => l.role === 'deleted')).toBe(true)
    const thread = await (await f.rt.api('/api/v1/thread?phone=%2B5511987650201')).json()
    expect(thread.messages.length).toBeGreaterThan(0)
    // A metrics change does not bring the record back; the person writing again does.
    f.sim.resetRequests()
    await f.rt.api(`/api/v1/contacts/${beaId}`, { method: 'PATCH', json: { priority: 'normal' } })
    await f.drain()
    expect(f.sim.requests.filter((r) => r.path.includes('/contacts/batch'))).toHaveLength(0)
    await customerWrites(f.rt, NUMBER_A, bea, 'Voltei')
    await f.drain()
    const again = f.sim
      .contacts(f.portalId)
      .filter((c) => !c.archived && c.properties.scrm_wa_phone === '+5511987650201')
    expect(again).toHaveLength(1)
    expect(again[0]?.id).not.toBe(recordId)
  })

  it('a re-install keeps one connection and does not duplicate the property group or properties', async () => {
    const props = f.sim.properties(f.portalId, 'contacts').length
    const run = await installPortal(f.rt, f.sim, PORTAL, { adminKey: f.rt.config.ADMIN_API_KEY })
    expect(run.res.status).toBe(200)
    const [n] = await queryRows<{ n: number }>(
      f.rt.db.db,
      sql`select count(*)::int as n from crm_connections`,
    )
    expect(n?.n).toBe(1)
    expect(f.sim.properties(f.portalId, 'contacts')).toHaveLength(props)
    expect(f.sim.groups(f.portalId, 'contacts').filter((g) => g.name === 'whatsapp_scrm')).toHaveLength(1)
  })

  it('a privacy (GDPR) deletion in HubSpot erases the contact, their messages and the raw deliveries holding them', async () => {
    const eli: Sender = { waId: '5511987650299', name: 'Eli Rocha' }
    await customerWrites(f.rt, NUMBER_A, eli, 'Por favor apaguem meus dados')
    const eliId = await contactIdOf(f.rt, '+5511987650299')
    await f.drain()
    const record = f.sim.contacts(f.portalId).find((c) => c.properties.scrm_wa_phone === '+5511987650299')
      ?.id as string
    const count = async (q: ReturnType<typeof sql>) =>
      Number((await queryRows<{ n: number }>(f.rt.db.db, q))[0]?.n)
    expect(
      await count(sql`select count(*)::int as n from webhook_events where raw_body like '%5511987650299%'`),
    ).toBe(1)
    const others = await count(sql`select count(*)::int as n from messages where contact_id <> ${eliId}`)

    await f.sim.gdprDeleteContact(f.portalId, record)
    await settle()
    expect(await count(sql`select count(*)::int as n from contacts where id = ${eliId}`)).toBe(0)
    expect(await count(sql`select count(*)::int as n from messages where contact_id = ${eliId}`)).toBe(0)
    expect(
      await count(sql`select count(*)::int as n from webhook_events where raw_body like '%5511987650299%'`),
    ).toBe(0)
    expect(await count(sql`select count(*)::int as n from messages where contact_id <> ${eliId}`)).toBe(
      others,
    )
    const [event] = await queryRows<{ outcome: string }>(
      f.rt.db.db,
      sql`select outcome from crm_webhook_events where payload->>'subscriptionType' = 'contact.privacyDeletion'`,
    )
    expect(event?.outcome).toMatch(/erased 1 contact/)
  })
})
