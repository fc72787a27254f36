import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import type { Sender } from '../../simulators/whatsapp/envelopes'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { type SyncFixture, startSyncFixture } from './sync-support'

const ana: Sender = { waId: '5511987650101', name: 'Ana Souza' }

describe.each(ENGINES)('HubSpot sync end to end (%s)', (engine) => {
  let f: SyncFixture
  beforeAll(async () => {
    f = await startSyncFixture(engine)
  })
  afterAll(async () => {
    await f?.close()
  })

  it('turns a signed WhatsApp webhook into a HubSpot contact with typed fields and a WhatsApp communication', async () => {
    await customerWrites(f.rt, NUMBER_A, ana, 'Olá, quanto custa o iPhone 15?')
    const contactId = await contactIdOf(f.rt, '+5511987650101')
    await f.rt.api(`/api/v1/contacts/${contactId}/tags`, {
      method: 'POST',
      json: { key: 'vip', label: 'VIP' },
    })
    await f.drain()

    const groups = f.sim.groups(f.portalId, 'contacts').map((g) => g.name)
    expect(groups).toContain('whatsapp_scrm')
    const props = f.sim.properties(f.portalId, 'contacts')
    const waPhone = props.find((p) => p.name === 'scrm_wa_phone')
    expect(waPhone?.hasUniqueValue).toBe(true)
    expect(props.find((p) => p.name === 'scrm_last_inbound_at')?.type).toBe('datetime')
    expect(props.find((p) => p.name === 'scrm_tags')?.options.map((o) => o.value)).toContain('vip')

    const [record] = f.sim.contacts(f.portalId).filter((c) => c.properties.scrm_wa_phone === '+5511987650101')
    expect(record).toBeDefined()
    expect(record?.properties.scrm_tags).toBe('vip')
    expect(Date.parse(record?.properties.scrm_last_inbound_at ?? '')).toBeGreaterThan(Date.now() - 60_000)
    expect(record?.properties.scrm_opt_in_status).toBe('unknown')
    expect(record?.properties.scrm_customer_level).toBe('New Customer')
    expect(record?.properties.scrm_lead_source).toBe('WhatsApp')
    expect(Date.parse(record?.properties.scrm_window_open_until ?? '')).toBeGreaterThan(Date.now())

    const comms = f.sim.communications(f.portalId)
    expect(comms).toHaveLength(1)
    expect(comms[0]?.properties.hs_communication_channel_type).toBe('WHATS_APP')
    expect(comms[0]?.properties.hs_communication_logged_from).toBe('CRM')
    expect(comms[0]?.properties.hs_communication_body).toContain('quanto custa o iPhone 15?')
    const assoc = f.sim.associations(f.portalId, 'communications', comms[0]?.id as string)
    expect(assoc).toEqual([expect.objectContaining({ toType: 'contacts', toId: record?.id, typeId: 81 })])

    const [link] = await queryRows<{ record_id: string }>(
      f.rt.db.db,
      sql`select record_id from crm_record_links where contact_id = ${contactId}`,
    )
    expect(link?.record_id).toBe(record?.id)
    const status = await (await f.rt.api(`/api/v1/connections/${f.connectionId}/sync`)).json()
    expect(status.pending).toEqual({ contact: 0, message: 0, task: 0, merge: 0, parked: 0 })
    expect(status.quota).toMatchObject({ max: 110, window_ms: 10_000 })
    expect(status.quota.remaining).toBeLessThan(110)
  })

  it('writes a later change as an update of only the fields that changed', async () => {
    f.sim.resetRequests()
    await customerWrites(f.rt, NUMBER_A, ana, 'Vocês têm loja em Campinas?')
    await f.drain()
    const writes = f.sim.requests.filter((r) => r.method !== 'GET')
    expect(writes.map((r) => r.path).sort()).toEqual([
      '/crm/v3/objects/communications/batch/create',
      '/crm/v3/objects/contacts/batch/update',
    ])
    expect(f.sim.contacts(f.portalId)).toHaveLength(1)
    expect(f.sim.communications(f.portalId)).toHaveLength(2)
  })

  it('stops writing once the portal is disconnected', async () => {
    const res = await f.rt.api(`/api/v1/connections/${f.connectionId}/disconnect`, { method: 'POST' })
    expect(res.status).toBe(200)
    f.sim.resetRequests()
    await customerWrites(f.rt, NUMBER_A, ana, 'Ainda estão aí?')
    await f.drain()
    expect(f.sim.requests.filter((r) => r.path.startsWith('/crm/'))).toHaveLength(0)
    expect(f.sim.communications(f.portalId)).toHaveLength(2)
  })
})
