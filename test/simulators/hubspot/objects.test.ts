import { Client } from '@hubspot/api-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubspotSimulator, startHubspotSimulator } from './index'

const PORTAL = 701
let sim: HubspotSimulator
let hubspot: Client
let token: string

beforeAll(async () => {
  sim = await startHubspotSimulator({ rateLimitPerTenSeconds: 10_000, searchPerSecond: 1_000 })
  token = sim.issueToken(PORTAL).accessToken
  hubspot = new Client({ accessToken: token, basePath: sim.url })
  await hubspot.crm.properties.groupsApi.create('contacts', {
    name: 'whatsapp_integration',
    label: 'WhatsApp',
  })
  const props = [
    { name: 'wa_id', label: 'WhatsApp ID', type: 'string', fieldType: 'text', hasUniqueValue: true },
    { name: 'wa_unread_count', label: 'Unread', type: 'number', fieldType: 'number' },
    { name: 'wa_last_inbound_at', label: 'Last inbound', type: 'datetime', fieldType: 'date' },
    { name: 'wa_window_day', label: 'Window day', type: 'date', fieldType: 'date' },
    { name: 'wa_is_opted_in', label: 'Opted in', type: 'bool', fieldType: 'booleancheckbox' },
    {
      name: 'wa_topics',
      label: 'Topics',
      type: 'enumeration',
      fieldType: 'checkbox',
      options: ['sales', 'support', 'billing'].map((v, i) => ({
        label: v,
        value: v,
        displayOrder: i,
        hidden: false,
      })),
    },
  ]
  for (const p of props) {
    await hubspot.crm.properties.coreApi.create('contacts', {
      ...p,
      groupName: 'whatsapp_integration',
    } as never)
  }
})
afterAll(() => sim.close())

/** Raw call, for bodies the SDK would not send. */
// biome-ignore lint/suspicious/noExplicitAny: HubSpot's JSON answers are inspected field by field
type Json = any

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: res.status === 204 ? null : await res.json() }
}

const upsert = (inputs: unknown[]) => call('POST', '/crm/v3/objects/contacts/batch/upsert', { inputs })

describe('batch upsert by a unique property', () => {
  it('creates, then updates the same record (results[].new true, then false)', async () => {
    const first = await hubspot.crm.contacts.batchApi.upsert({
      inputs: [
        { id: '+15550001001', idProperty: 'wa_id', properties: { firstname: 'Ana', wa_unread_count: '2' } },
      ],
    })
    const created = first.results[0]
    expect(created._new).toBe(true)
    expect(created.properties).toMatchObject({
      wa_id: '+15550001001',
      firstname: 'Ana',
      wa_unread_count: '2',
    })
    const second = await hubspot.crm.contacts.batchApi.upsert({
      inputs: [{ id: '+15550001001', idProperty: 'wa_id', properties: { lastname: 'Lima' } }],
    })
    expect(second.results[0]).toMatchObject({ id: created.id, _new: false })
    const stored = sim.contacts(PORTAL).filter((c) => c.properties.wa_id === '+15550001001')
    expect(stored).toHaveLength(1)
    expect(stored[0].properties).toMatchObject({
      firstname: 'Ana',
      lastname: 'Lima',
      hs_object_id: created.id,
    })
  })

  it('upserts by email case-insensitively and stores it lowercased', async () => {
    const a = await upsert([{ id: 'Mixed@Example.com', idProperty: 'email', properties: { firstname: 'M' } }])
    const b = await upsert([{ id: 'mixed@example.com', idProperty: 'email', properties: { lastname: 'N' } }])
    expect(a.body.results[0].new).toBe(true)
    expect(b.body.results[0]).toMatchObject({ id: a.body.results[0].id, new: false })
    expect(b.body.results[0].properties.email).toBe('mixed@example.com')
  })

  it('refuses a non-unique idProperty, duplicate ids and more than 100 inputs', async () => {
    const phone = await upsert([{ id: '+15550001002', idProperty: 'phone', properties: {} }])
    expect(phone.status).toBe(400)
    const dup = await upsert([
      { id: '+15550001003', idProperty: 'wa_id', properties: {} },
      { id: '+15550001003', idProperty: 'wa_id', properties: {} },
    ])
    expect(dup.status).toBe(400)
    expect(dup.body.message).toMatch(/^Duplicate IDs found in batch input/)
    const many = Array.from({ length: 101 }, (_, i) => ({
      id: `+1555100${String(i).padStart(4, '0')}`,
      idProperty: 'wa_id',
      properties: {},
    }))
    const tooMany = await upsert(many)
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.category).toBe('VALIDATION_ERROR')
    expect(sim.contacts(PORTAL).some((c) => c.properties.wa_id === '+15551000000')).toBe(false)
  })

  it('fails the whole batch on one invalid input, unless every input has an objectWriteTraceId (207)', async () => {
    const inputs = [
      { id: '+15550002001', idProperty: 'wa_id', properties: { firstname: 'Ok' } },
      { id: '+15550002002', idProperty: 'wa_id', properties: { wa_unread_count: 'lots' } },
    ]
    const whole = await upsert(inputs)
    expect(whole.status).toBe(400)
    expect(sim.contacts(PORTAL).some((c) => c.properties.wa_id === '+15550002001')).toBe(false)

    const partial = await upsert(inputs.map((input, i) => ({ ...input, objectWriteTraceId: `t${i}` })))
    expect(partial.status).toBe(207)
    expect(partial.body).toMatchObject({ status: 'COMPLETE', numErrors: 1 })
    expect(partial.body.results).toHaveLength(1)
    expect(partial.body.results[0]).toMatchObject({ new: true, objectWriteTraceId: 't0' })
    expect(partial.body.errors[0]).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      context: { objectWriteTraceId: ['t1'] },
      errors: [{ code: 'INVALID_INTEGER', context: { propertyName: ['wa_unread_count'] } }],
    })
  })
})

describe('property value validation (HubSpot error codes)', () => {
  const create = (properties: Record<string, unknown>) =>
    call('POST', '/crm/v3/objects/contacts', { properties })
  const codeOf = (body: { errors?: Array<{ code: string }> }) => body.errors?.map((e) => e.code)

  it.each([
    [{ nope: 'x' }, 'PROPERTY_DOESNT_EXIST'],
    [{ wa_unread_count: '12abc' }, 'INVALID_INTEGER'],
    [{ wa_last_inbound_at: 'yesterday' }, 'INVALID_LONG'],
    [{ wa_window_day: '2026-11-20T10:00:00Z' }, 'INVALID_DATE'],
    [{ lifecyclestage: 'prospect' }, 'INVALID_OPTION'],
    [{ wa_topics: 'sales;gossip' }, 'INVALID_OPTION'],
    [{ wa_is_opted_in: 'maybe' }, 'INVALID_OPTION'],
    [{ email: 'not-an-email' }, 'INVALID_EMAIL'],
    [{ hs_object_id: '5' }, 'READ_ONLY_VALUE'],
  ])('%j → %s', async (properties, code) => {
    const res = await create(properties)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' })
    expect(res.body.message).toMatch(/^Property values were not valid: \[/)
    expect(codeOf(res.body)).toEqual([code])
    expect(res.body.errors[0].context.propertyName).toEqual([Object.keys(properties)[0]])
  })

  it('stores values the way HubSpot returns them', async () => {
    const ms = Date.UTC(2026, 10, 20, 9, 30)
    const res = await create({
      wa_last_inbound_at: String(ms),
      wa_window_day: '2026-11-20',
      wa_is_opted_in: 'TRUE',
      wa_topics: 'sales;billing',
      wa_unread_count: 3,
    })
    expect(res.status).toBe(201)
    expect(res.body.properties).toMatchObject({
      wa_last_inbound_at: '2026-11-20T09:30:00.000Z',
      wa_window_day: '2026-11-20',
      wa_is_opted_in: 'true',
      wa_topics: 'sales;billing',
      wa_unread_count: '3',
    })
    const iso = await call('PATCH', `/crm/v3/objects/contacts/${res.body.id}`, {
      properties: { wa_last_inbound_at: '2026-11-20T10:00:00+01:00' },
    })
    expect(iso.body.properties.wa_last_inbound_at).toBe('2026-11-20T09:00:00.000Z')
  })

  it('answers a unique-value collision on create with 409', async () => {
    await create({ email: 'taken@example.com' })
    const again = await create({ email: 'taken@example.com' })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({
      category: 'CONFLICT',
      message: expect.stringMatching(/^Contact already exists\. Existing ID: \d+$/),
    })
    const byWaId = await call('POST', '/crm/v3/objects/contacts/batch/create', {
      inputs: [{ properties: { wa_id: '+15550003001' } }, { properties: { wa_id: '+15550003001' } }],
    })
    expect(byWaId.status).toBe(409)
  })

  it('requires the properties HubSpot requires on communications and tasks', async () => {
    const comm = await call('POST', '/crm/v3/objects/communications', {
      properties: { hs_communication_body: 'hi' },
    })
    expect(comm.status).toBe(400)
    expect(codeOf(comm.body)).toEqual(['MISSING_REQUIRED_PROPERTY', 'MISSING_REQUIRED_PROPERTY'])
    const task = await call('POST', '/crm/v3/objects/tasks', { properties: { hs_task_subject: 'Call back' } })
    expect(codeOf(task.body)).toEqual(['MISSING_REQUIRED_PROPERTY'])
  })
})

describe('batch update, read and archive', () => {
  it('rejects duplicate ids, reports unknown ids as 207 errors, reads back what was written', async () => {
    const { body } = await upsert([
      { id: '+15550004001', idProperty: 'wa_id', properties: {} },
      { id: '+15550004002', idProperty: 'wa_id', properties: {} },
    ])
    const [a, b] = body.results.map((r: { id: string }) => r.id)
    const dup = await call('POST', '/crm/v3/objects/contacts/batch/update', {
      inputs: [
        { id: a, properties: { firstname: 'x' } },
        { id: a, properties: { firstname: 'y' } },
      ],
    })
    expect(dup).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('Duplicate IDs found in batch input') },
    })
    const upd = await hubspot.crm.contacts.batchApi.update({
      inputs: [
        { id: a, properties: { firstname: 'A' } },
        { id: '999', properties: { firstname: 'ghost' } },
      ],
    })
    expect(upd.results.map((r) => r.id)).toEqual([a])
    expect((upd as { numErrors?: number }).numErrors).toBe(1)
    const read = await hubspot.crm.contacts.batchApi.read({
      inputs: [{ id: a }, { id: b }, { id: '998' }],
      properties: ['firstname', 'wa_id'],
      propertiesWithHistory: [],
    })
    expect(read.results.map((r) => r.properties.firstname).sort()).toEqual(['A', null])
    expect((read as { errors?: Array<{ context: { ids: string[] } }> }).errors?.[0].context.ids).toEqual([
      '998',
    ])

    await hubspot.crm.contacts.basicApi.archive(b)
    const gone = await hubspot.crm.contacts.basicApi.getById(b).catch((e) => e)
    expect(gone.code).toBe(404)
  })
})

describe('communications, tasks and associations', () => {
  it('associates at create time and reads the association back through v4 from both sides', async () => {
    const contact = await hubspot.crm.contacts.basicApi.create({ properties: { firstname: 'Assoc' } })
    const comm = await hubspot.crm.objects.communications.basicApi.create({
      properties: {
        hs_communication_channel_type: 'WHATS_APP',
        hs_communication_logged_from: 'CRM',
        hs_communication_body: 'Hello from WhatsApp',
        hs_timestamp: String(Date.UTC(2026, 10, 20)),
      },
      associations: [
        {
          to: { id: contact.id },
          types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 81 }],
        },
      ],
    })
    expect(sim.associations(PORTAL, 'communications', comm.id)).toEqual([
      { toType: 'contacts', toId: contact.id, typeId: 81 },
    ])
    const fromContact = await hubspot.crm.associations.v4.basicApi.getPage(
      'contacts',
      contact.id,
      'communications',
    )
    expect(fromContact.results).toEqual([
      expect.objectContaining({
        toObjectId: Number(comm.id),
        associationTypes: [expect.objectContaining({ typeId: 82 })],
      }),
    ])

    const task = await hubspot.crm.objects.tasks.basicApi.create({
      properties: {
        hs_task_subject: 'Reply',
        hs_timestamp: '2026-11-21T09:00:00Z',
        hs_task_status: 'NOT_STARTED',
      },
      associations: [],
    })
    const linked = await hubspot.crm.associations.v4.basicApi.create(
      'tasks',
      task.id,
      'contacts',
      contact.id,
      [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 204 }],
    )
    expect(linked).toMatchObject({ fromObjectTypeId: '0-27', toObjectTypeId: '0-1' })
    expect(sim.associations(PORTAL, 'contacts', contact.id)).toEqual(
      expect.arrayContaining([{ toType: 'tasks', toId: task.id, typeId: 203 }]),
    )
  })

  it('refuses unknown association types and missing targets', async () => {
    const contact = await hubspot.crm.contacts.basicApi.create({ properties: {} })
    const wrongType = await call('POST', '/crm/v3/objects/communications', {
      properties: { hs_communication_channel_type: 'SMS', hs_communication_logged_from: 'CRM' },
      associations: [
        {
          to: { id: contact.id },
          types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }],
        },
      ],
    })
    expect(wrongType.status).toBe(400)
    const missing = await call(
      'PUT',
      `/crm/v4/objects/communications/424242/associations/contacts/${contact.id}`,
      [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 81 }],
    )
    expect(missing.status).toBe(400)
  })

  it('batch-creates communications with associations', async () => {
    const contact = await hubspot.crm.contacts.basicApi.create({ properties: {} })
    const res = await call('POST', '/crm/v3/objects/communications/batch/create', {
      inputs: [1, 2, 3].map((n) => ({
        properties: {
          hs_communication_channel_type: 'WHATS_APP',
          hs_communication_logged_from: 'CRM',
          hs_communication_body: `message ${n}`,
          hs_timestamp: String(Date.now()),
        },
        associations: [
          {
            to: { id: contact.id },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 81 }],
          },
        ],
      })),
    })
    expect(res.status).toBe(201)
    expect(sim.associations(PORTAL, 'contacts', contact.id).filter((a) => a.typeId === 82)).toHaveLength(3)
  })
})

describe('search', () => {
  it('filters, sorts and pages like HubSpot, within its limits', async () => {
    await upsert(
      [1, 2, 3, 4, 5].map((n) => ({
        id: `+1555000900${n}`,
        idProperty: 'wa_id',
        properties: {
          firstname: `Search${n}`,
          wa_unread_count: String(n),
          lifecyclestage: n % 2 ? 'lead' : 'customer',
        },
      })),
    )
    const page = await hubspot.crm.contacts.searchApi.doSearch({
      filterGroups: [
        {
          filters: [
            { propertyName: 'lifecyclestage', operator: 'EQ' as never, value: 'lead' },
            { propertyName: 'wa_unread_count', operator: 'GTE' as never, value: '2' },
          ],
        },
        { filters: [{ propertyName: 'wa_id', operator: 'IN' as never, values: ['+15550009002'] }] },
      ],
      sorts: [{ propertyName: 'wa_unread_count', direction: 'DESCENDING' }] as never,
      properties: ['firstname', 'wa_unread_count'],
      limit: 2,
      after: '0',
    })
    expect(page.total).toBe(3)
    expect(page.results.map((r) => r.properties.firstname)).toEqual(['Search5', 'Search3'])
    expect(page.paging?.next?.after).toBe('2')

    const has = await call('POST', '/crm/v3/objects/contacts/search', {
      filterGroups: [{ filters: [{ propertyName: 'wa_topics', operator: 'HAS_PROPERTY' }] }],
    })
    expect(has.body.total).toBe(1)

    const tooMany = await call('POST', '/crm/v3/objects/contacts/search', {
      filterGroups: Array.from({ length: 6 }, () => ({
        filters: [{ propertyName: 'email', operator: 'HAS_PROPERTY' }],
      })),
    })
    expect(tooMany.status).toBe(400)
    const bigPage = await call('POST', '/crm/v3/objects/contacts/search', { limit: 201 })
    expect(bigPage.status).toBe(400)
  })
})

describe('search index lag', () => {
  it('does not find a record until searchIndexLagMs has passed, while reads by id see it at once', async () => {
    const lagging = await startHubspotSimulator({ searchIndexLagMs: 150 })
    try {
      const client = new Client({ accessToken: lagging.issueToken(702).accessToken, basePath: lagging.url })
      const created = await client.crm.contacts.basicApi.create({ properties: { email: 'lag@example.com' } })
      const search = () =>
        client.crm.contacts.searchApi.doSearch({
          filterGroups: [
            { filters: [{ propertyName: 'email', operator: 'EQ' as never, value: 'LAG@example.com' }] },
          ],
        })
      expect((await search()).total).toBe(0)
      expect((await client.crm.contacts.basicApi.getById(created.id)).id).toBe(created.id)
      await new Promise((r) => setTimeout(r, 160))
      expect((await search()).results.map((r) => r.id)).toEqual([created.id])
    } finally {
      await lagging.close()
    }
  })
})

describe('GDPR delete (POST /crm/v3/objects/contacts/gdpr-delete)', () => {
  it('removes the contact for good through the SDK’s purge; an unknown id is 404, a missing objectId 400', async () => {
    const created = await hubspot.crm.contacts.basicApi.create({
      properties: { firstname: 'Gina', email: 'gina@example.com' },
      associations: [],
    })
    await hubspot.crm.contacts.basicApi.purge({ objectId: created.id })
    expect(sim.contacts(PORTAL).some((c) => c.id === created.id)).toBe(false)
    // Unlike an archive, it cannot be read back as archived either.
    expect((await call('GET', `/crm/v3/objects/contacts/${created.id}?archived=true`)).status).toBe(404)
    const again = await call('POST', '/crm/v3/objects/contacts/gdpr-delete', { objectId: created.id })
    expect(again).toMatchObject({ status: 404, body: { category: 'OBJECT_NOT_FOUND' } })
    expect((await call('POST', '/crm/v3/objects/contacts/gdpr-delete', {})).status).toBe(400)
    // By email: an address no contact has is blocklisted, which answers 204 too.
    expect(
      (
        await call('POST', '/crm/v3/objects/contacts/gdpr-delete', {
          objectId: 'nobody@example.com',
          idProperty: 'email',
        })
      ).status,
    ).toBe(204)
  })
})
