import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import type { Sender } from '../../simulators/whatsapp/envelopes'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { type SyncFixture, startSyncFixture } from './sync-support'

const eva: Sender = { waId: '5511987650301', name: 'Eva Costa' }
const fabio: Sender = { waId: '5511987650302', name: 'Fábio Melo' }

describe.each(ENGINES)('CRM field mapping (%s)', (engine) => {
  let f: SyncFixture
  const mappingUrl = () => `/api/v1/connections/${f.connectionId}/mapping`
  const recordOf = (phone: string) =>
    f.sim.contacts(f.portalId).find((c) => c.properties.scrm_wa_phone === phone)

  beforeAll(async () => {
    f = await startSyncFixture(engine)
    // The admin's own properties in their portal.
    const { accessToken } = f.sim.issueToken(f.portalId)
    for (const body of [
      {
        name: 'whatsapp_intent',
        label: 'Intent',
        type: 'string',
        fieldType: 'text',
        groupName: 'contactinformation',
      },
      {
        name: 'funnel_stage',
        label: 'Funnel stage',
        type: 'enumeration',
        fieldType: 'select',
        groupName: 'contactinformation',
        options: [
          { label: 'New', value: 'new', displayOrder: 0 },
          { label: 'Customer', value: 'customer', displayOrder: 1 },
        ],
      },
    ]) {
      const res = await fetch(`${f.sim.url}/crm/v3/properties/contacts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(res.status).toBe(201)
    }
  })
  afterAll(async () => {
    await f?.close()
  })

  it('starts with every field mapped to a typed property in the WhatsApp group', async () => {
    const { fields } = await (await f.rt.api(mappingUrl())).json()
    const byField = Object.fromEntries(fields.map((m: { field: string }) => [m.field, m]))
    expect(byField.wa_phone).toMatchObject({ property: 'scrm_wa_phone', managed: true, enabled: true })
    expect(byField.first_name).toMatchObject({ property: 'firstname', managed: false, direction: 'both' })
    expect(byField.customer_level).toMatchObject({ default_value: 'New Customer' })
    expect(fields.map((m: { field: string }) => m.field)).toEqual(
      expect.arrayContaining([
        'last_inbound_at',
        'last_outbound_at',
        'messages_30d',
        'inquiry_frequency',
        'tags',
        'segment',
        'last_intent',
        'sentiment',
        'activity_score',
        'opt_in_status',
        'median_response_seconds',
        'window_open_until',
        'lead_source',
      ]),
    )
  })

  it('validates mapping edits', async () => {
    const unknown = await f.rt.api(mappingUrl(), {
      method: 'PUT',
      json: { fields: [{ field: 'shoe_size' }] },
    })
    expect(unknown.status).toBe(400)
    const key = await f.rt.api(mappingUrl(), {
      method: 'PUT',
      json: { fields: [{ field: 'wa_phone', enabled: false }] },
    })
    expect(key.status).toBe(400)
    const taken = await f.rt.api(mappingUrl(), {
      method: 'PUT',
      json: { fields: [{ field: 'segment', property: 'scrm_wa_phone' }] },
    })
    expect(taken.status).toBe(409)
    const badName = await f.rt.api(mappingUrl(), {
      method: 'PUT',
      json: { fields: [{ field: 'segment', property: 'Drop Table' }] },
    })
    expect(badName.status).toBe(400)
    const other = await f.rt.api(`/api/v1/connections/00000000-0000-4000-8000-000000000000/mapping`)
    expect(other.status).toBe(404)
  })

  it('writes mapped fields to the admin’s properties, defaults empty values, and reviews values a property cannot take', async () => {
    const res = await f.rt.api(mappingUrl(), {
      method: 'PUT',
      json: {
        fields: [
          { field: 'last_intent', property: 'whatsapp_intent' },
          { field: 'segment', property: 'funnel_stage' },
          { field: 'customer_level', default_value: 'Bronze' },
        ],
      },
    })
    expect(res.status).toBe(200)
    await customerWrites(f.rt, NUMBER_A, eva, 'Qual o prazo de entrega do meu pedido 123?')
    await customerWrites(f.rt, NUMBER_A, fabio, 'Oi')
    const evaId = await contactIdOf(f.rt, '+5511987650301')
    const fabioId = await contactIdOf(f.rt, '+5511987650302')
    await f.rt.api(`/api/v1/contacts/${evaId}`, { method: 'PATCH', json: { segment: 'potential' } })
    await f.rt.api(`/api/v1/contacts/${fabioId}`, { method: 'PATCH', json: { segment: 'customer' } })
    f.sim.resetRequests()
    await f.drain()
    expect(f.sim.requests.filter((r) => r.status >= 400)).toEqual([])

    const eva_ = recordOf('+5511987650301')
    const fabio_ = recordOf('+5511987650302')
    expect(eva_?.properties.whatsapp_intent).toBe('order_status')
    expect(eva_?.properties.scrm_last_intent ?? null).toBeNull()
    expect(eva_?.properties.scrm_customer_level).toBe('Bronze')
    expect(eva_?.properties.funnel_stage ?? null).toBeNull()
    expect(fabio_?.properties.funnel_stage).toBe('customer')

    const review = await (await f.rt.api('/api/v1/review?status=open')).json()
    expect(review.items).toContainEqual(
      expect.objectContaining({
        kind: 'sync_failed',
        contact_id: evaId,
        field: 'segment',
        local_value: 'potential',
        detail: expect.objectContaining({ code: 'invalid_value', property: 'funnel_stage' }),
      }),
    )
  })

  it('reports a value the property cannot take once, not on every sync', async () => {
    const evaId = await contactIdOf(f.rt, '+5511987650301')
    await customerWrites(f.rt, NUMBER_A, eva, 'Alguma novidade?')
    await f.drain()
    const review = await (await f.rt.api('/api/v1/review?status=open')).json()
    const items = review.items.filter(
      (i: { contact_id: string; field: string }) => i.contact_id === evaId && i.field === 'segment',
    )
    expect(items).toHaveLength(1)
  })

  it('turns a follow-up task into a HubSpot task on the contact', async () => {
    const evaId = await contactIdOf(f.rt, '+5511987650301')
    const [task] = await queryRows<{ id: string }>(
      f.rt.db.db,
      sql`insert into follow_up_tasks (workspace_id, contact_id, title, body, due_at, priority)
          select workspace_id, id, 'Weekly follow-up', 'Ask how the order went', now() + interval '7 days', 'high'
            from contacts where id = ${evaId} returning id`,
    )
    await f.drain()
    const hsTask = f.sim.tasks(f.portalId).find((t) => t.properties.scrm_task_id === task?.id)
    expect(hsTask?.properties).toMatchObject({
      hs_task_subject: 'Weekly follow-up',
      hs_task_status: 'NOT_STARTED',
      hs_task_priority: 'HIGH',
    })
    expect(f.sim.associations(f.portalId, 'tasks', hsTask?.id as string)).toEqual([
      expect.objectContaining({ toId: recordOf('+5511987650301')?.id, typeId: 204 }),
    ])
    await f.rt.db.db.execute(sql`update follow_up_tasks set status = 'done' where id = ${task?.id}`)
    await f.drain()
    const tasks = f.sim.tasks(f.portalId).filter((t) => t.properties.scrm_task_id === task?.id)
    expect(tasks).toHaveLength(1)
    expect(tasks[0]?.properties.hs_task_status).toBe('COMPLETED')
  })
})
