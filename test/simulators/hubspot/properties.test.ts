import { Client } from '@hubspot/api-client'
import {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubspotSimulator, startHubspotSimulator } from './index'

const PORTAL = 601
let sim: HubspotSimulator
let hubspot: Client

beforeAll(async () => {
  sim = await startHubspotSimulator()
  hubspot = new Client({ accessToken: sim.issueToken(PORTAL).accessToken, basePath: sim.url })
})
afterAll(() => sim.close())

const failure = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('expected an error'),
    (e) => e,
  )

describe('property groups', () => {
  it('creates a group once; a second create is 409', async () => {
    const group = await hubspot.crm.properties.groupsApi.create('contacts', {
      name: 'whatsapp_integration',
      label: 'WhatsApp',
    })
    expect(group).toMatchObject({ name: 'whatsapp_integration', label: 'WhatsApp', archived: false })
    expect(sim.groups(PORTAL, 'contacts')).toContainEqual({ name: 'whatsapp_integration', label: 'WhatsApp' })
    const again = await failure(
      hubspot.crm.properties.groupsApi.create('contacts', { name: 'whatsapp_integration', label: 'Again' }),
    )
    expect(again.code).toBe(409)
    expect(again.body).toMatchObject({ status: 'error', category: 'OBJECT_ALREADY_EXISTS' })
    const all = await hubspot.crm.properties.groupsApi.getAll('contacts')
    expect(all.results.map((g) => g.name)).toContain('whatsapp_integration')
  })
})

describe('property definitions', () => {
  it('lists HubSpot’s seeded contact, communication and task properties', async () => {
    const contacts = await hubspot.crm.properties.coreApi.getAll('contacts')
    const email = contacts.results.find((p) => p.name === 'email')
    expect(email).toMatchObject({ type: 'string', hasUniqueValue: true, hubspotDefined: true })
    const channel = await hubspot.crm.properties.coreApi.getByName(
      'communications',
      'hs_communication_channel_type',
    )
    expect(channel.options.map((o) => o.value)).toEqual(
      expect.arrayContaining(['WHATS_APP', 'SMS', 'LINKEDIN_MESSAGE']),
    )
    const status = await hubspot.crm.properties.coreApi.getByName('tasks', 'hs_task_status')
    expect(status.options.map((o) => o.value)).toEqual([
      'NOT_STARTED',
      'IN_PROGRESS',
      'WAITING',
      'COMPLETED',
      'DEFERRED',
    ])
  })

  it('creates a unique property; the same name again is 409', async () => {
    const input = {
      name: 'wa_id',
      label: 'WhatsApp ID',
      type: PropertyCreateTypeEnum.String,
      fieldType: PropertyCreateFieldTypeEnum.Text,
      groupName: 'whatsapp_integration',
      hasUniqueValue: true,
    }
    const created = await hubspot.crm.properties.coreApi.create('contacts', input)
    expect(created).toMatchObject({ name: 'wa_id', hasUniqueValue: true, groupName: 'whatsapp_integration' })
    const dup = await failure(hubspot.crm.properties.coreApi.create('contacts', input))
    expect(dup.code).toBe(409)
    expect(dup.body).toMatchObject({
      status: 'error',
      message: "Property named 'wa_id' already exists.",
      category: 'OBJECT_ALREADY_EXISTS',
    })
    expect(sim.properties(PORTAL, 'contacts').map((p) => p.name)).toContain('wa_id')
  })

  it('rejects definitions HubSpot rejects', async () => {
    const base = { label: 'X', groupName: 'whatsapp_integration' }
    const cases = [
      { ...base, name: 'Bad-Name', type: 'string', fieldType: 'text' },
      { ...base, name: 'hs_mine', type: 'string', fieldType: 'text' },
      { ...base, name: 'mismatch', type: 'number', fieldType: 'select' },
      { ...base, name: 'no_group', type: 'string', fieldType: 'text', groupName: 'missing' },
      { ...base, name: 'no_options', type: 'enumeration', fieldType: 'select' },
      { ...base, name: 'unique_date', type: 'datetime', fieldType: 'date', hasUniqueValue: true },
    ]
    for (const input of cases) {
      const error = await failure(hubspot.crm.properties.coreApi.create('contacts', input as never))
      expect(error.code, input.name).toBe(400)
      expect(error.body.category).toBe('VALIDATION_ERROR')
    }
  })

  it('batch-creates properties and reports the taken names as errors (207)', async () => {
    const res = await hubspot.crm.properties.batchApi.create('contacts', {
      inputs: [
        {
          name: 'wa_last_inbound_at',
          label: 'Last inbound',
          type: 'datetime',
          fieldType: 'date',
          groupName: 'whatsapp_integration',
        },
        {
          name: 'wa_unread_count',
          label: 'Unread',
          type: 'number',
          fieldType: 'number',
          groupName: 'whatsapp_integration',
        },
        {
          name: 'wa_id',
          label: 'Taken',
          type: 'string',
          fieldType: 'text',
          groupName: 'whatsapp_integration',
        },
      ] as never,
    })
    expect(res.results.map((p) => p.name).sort()).toEqual(['wa_last_inbound_at', 'wa_unread_count'])
    expect((res as { numErrors?: number }).numErrors).toBe(1)
  })

  it('replaces enumeration options with PATCH', async () => {
    await hubspot.crm.properties.coreApi.create('contacts', {
      name: 'wa_opt_in_status',
      label: 'Opt-in',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'whatsapp_integration',
      options: [{ label: 'Opted in', value: 'opted_in', displayOrder: 0, hidden: false }],
    } as never)
    const patched = await hubspot.crm.properties.coreApi.update('contacts', 'wa_opt_in_status', {
      options: [
        { label: 'Opted in', value: 'opted_in', displayOrder: 0, hidden: false },
        { label: 'Opted out', value: 'opted_out', displayOrder: 1, hidden: false },
      ],
    } as never)
    expect(patched.options.map((o) => o.value)).toEqual(['opted_in', 'opted_out'])
  })

  it('answers an unknown object type like HubSpot', async () => {
    const res = await fetch(`${sim.url}/crm/v3/properties/widgets`, {
      headers: { authorization: `Bearer ${sim.issueToken(PORTAL).accessToken}` },
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ message: 'Unable to infer object type from: widgets' })
  })
})
