import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../../support/test-db'
import { type SyncFixture, startSyncFixture } from '../sync/sync-support'
import { byName, expectHiddenFromOtherWorkspace, listProperties } from './properties-support'

describe.each(ENGINES)('HubSpot contact properties for the mapping editor (%s)', (engine) => {
  let f: SyncFixture
  const url = () => `/api/v1/connections/${f.connectionId}/properties`
  const propertyReads = () =>
    f.sim.requests.filter((r) => r.method === 'GET' && r.path.split('?')[0] === '/crm/v3/properties/contacts')
      .length

  async function createProperty(body: Record<string, unknown>) {
    const { accessToken } = f.sim.issueToken(f.portalId)
    const res = await fetch(`${f.sim.url}/crm/v3/properties/contacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ groupName: 'contactinformation', ...body }),
    })
    expect(res.status).toBe(201)
  }

  beforeAll(async () => {
    f = await startSyncFixture(engine)
  })
  afterAll(async () => {
    await f?.close()
  })

  it('lists the portal’s contact properties with label, neutral type and whether they take writes', async () => {
    const { properties, fetched_at } = await listProperties(f.rt, f.connectionId, true)
    expect(Number.isNaN(Date.parse(fetched_at))).toBe(false)
    expect(byName(properties, 'firstname')).toEqual({
      name: 'firstname',
      label: 'First Name',
      type: 'string',
      crm_type: 'string/text',
      writable: true,
    })
    expect(byName(properties, 'lifecyclestage')).toMatchObject({ type: 'enumeration', writable: true })
    expect(byName(properties, 'createdate')).toMatchObject({ type: 'datetime' })
    // HubSpot sets these itself: a calculated count and system values.
    expect(byName(properties, 'num_associated_deals')).toMatchObject({ type: 'number', writable: false })
    expect(byName(properties, 'hs_object_id')).toMatchObject({ writable: false })
    expect(byName(properties, 'lastmodifieddate')).toMatchObject({ writable: false })
    const labels = properties.map((p) => p.label)
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)))
  })

  it('reuses the answer for a minute, and reads again when asked for a fresh list', async () => {
    await listProperties(f.rt, f.connectionId, true)
    const before = propertyReads()
    await createProperty({ name: 'loyalty_tier', label: 'Loyalty tier', type: 'string', fieldType: 'text' })
    const cached = await listProperties(f.rt, f.connectionId)
    await listProperties(f.rt, f.connectionId)
    expect(propertyReads()).toBe(before)
    expect(byName(cached.properties, 'loyalty_tier')).toBeUndefined()
    const fresh = await listProperties(f.rt, f.connectionId, true)
    expect(propertyReads()).toBe(before + 1)
    expect(byName(fresh.properties, 'loyalty_tier')).toMatchObject({ label: 'Loyalty tier', writable: true })
  })

  it('answers 502 with HubSpot’s message when HubSpot refuses, and recovers on the next call', async () => {
    f.sim.faults.failNext({ method: 'GET', pathPrefix: '/crm/v3/properties/contacts' }, 1, 503)
    const res = await f.rt.api(`${url()}?fresh=true`)
    expect(res.status).toBe(502)
    const body = await res.json()
    expect(body.error.code).toBe('crm_unavailable')
    expect(body.error.message).toMatch(/^HubSpot did not list its contact properties: .+/)
    expect(body.error.request_id).toBeTruthy()
    expect((await listProperties(f.rt, f.connectionId, true)).properties.length).toBeGreaterThan(5)
  })

  it('hides the connection from other workspaces and validates the id', async () => {
    await expectHiddenFromOtherWorkspace(f.rt, f.connectionId)
    expect((await f.rt.api('/api/v1/connections/not-a-uuid/properties')).status).toBe(400)
    expect((await f.rt.api(`${url()}?fresh=maybe`)).status).toBe(400)
    expect((await f.rt.request(url())).status).toBe(401)
  })
})
