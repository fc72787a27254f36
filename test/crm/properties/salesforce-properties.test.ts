import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../../support/test-db'
import { type SfFixture, startSfFixture } from '../salesforce/sf-support'
import { byName, expectHiddenFromOtherWorkspace, listProperties } from './properties-support'

describe.each(ENGINES)('Salesforce Contact fields for the mapping editor (%s)', (engine) => {
  let f: SfFixture
  const url = () => `/api/v1/connections/${f.connectionId}/properties`
  const describes = () =>
    f.sim.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/sobjects/Contact/describe')).length

  beforeAll(async () => {
    f = await startSfFixture(engine)
  })
  afterAll(async () => {
    await f?.close()
  })

  it('lists Contact’s fields from describe; formula and system fields take no writes', async () => {
    const { properties } = await listProperties(f.rt, f.connectionId, true)
    expect(byName(properties, 'FirstName')).toEqual({
      name: 'FirstName',
      label: 'First Name',
      type: 'string',
      crm_type: 'string',
      writable: true,
    })
    expect(byName(properties, 'WA_Segment__c')).toMatchObject({ type: 'enumeration', writable: true })
    expect(byName(properties, 'WA_Last_Inbound_At__c')).toMatchObject({ type: 'datetime', writable: true })
    expect(byName(properties, 'Days_Since_WhatsApp__c')).toMatchObject({
      label: 'Days Since WhatsApp',
      type: 'number',
      crm_type: 'double',
      writable: false,
    })
    expect(byName(properties, 'Name')).toMatchObject({ writable: false })
    expect(byName(properties, 'Id')).toMatchObject({ writable: false })
    expect(byName(properties, 'LastModifiedDate')).toMatchObject({ type: 'datetime', writable: false })
  })

  it('reuses the describe for a minute, and describes again when asked for a fresh list', async () => {
    await listProperties(f.rt, f.connectionId, true)
    const before = describes()
    f.sim.removeField(f.orgId, 'Contact', 'Days_Since_WhatsApp__c')
    const cached = await listProperties(f.rt, f.connectionId)
    expect(describes()).toBe(before)
    expect(byName(cached.properties, 'Days_Since_WhatsApp__c')).toBeDefined()
    const fresh = await listProperties(f.rt, f.connectionId, true)
    expect(describes()).toBe(before + 1)
    expect(byName(fresh.properties, 'Days_Since_WhatsApp__c')).toBeUndefined()
  })

  it('answers 502 with Salesforce’s message when the org refuses', async () => {
    f.sim.faults.failNext(
      { method: 'GET', pathPrefix: '/sobjects/Contact/describe' },
      1,
      'REQUEST_LIMIT_EXCEEDED',
    )
    const res = await f.rt.api(`${url()}?fresh=true`)
    expect(res.status).toBe(502)
    const body = await res.json()
    expect(body.error).toMatchObject({ code: 'crm_unavailable', reason: 'REQUEST_LIMIT_EXCEEDED' })
    expect(body.error.message).toMatch(/^Salesforce did not list its contact properties: .+/)
  })

  it('hides the connection from other workspaces', async () => {
    await expectHiddenFromOtherWorkspace(f.rt, f.connectionId)
  })
})
