import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../../support/test-db'
import { startZohoFixture, type ZohoFixture } from '../zoho/zoho-support'
import { byName, expectHiddenFromOtherWorkspace, listProperties } from './properties-support'

describe.each(ENGINES)('Zoho Contacts fields for the mapping editor (%s)', (engine) => {
  let f: ZohoFixture
  const url = () => `/api/v1/connections/${f.connectionId}/properties`
  const fieldReads = () =>
    f.sim.requests.filter(
      (r) => r.method === 'GET' && r.path.includes('/settings/fields') && r.orgId === f.orgId,
    ).length

  beforeAll(async () => {
    f = await startZohoFixture(engine)
  })
  afterAll(async () => {
    await f?.close()
  })

  it('lists the Contacts module’s fields; formula and read-only fields take no writes', async () => {
    const { properties } = await listProperties(f.rt, f.connectionId, true)
    expect(byName(properties, 'First_Name')).toEqual({
      name: 'First_Name',
      label: 'First Name',
      type: 'string',
      crm_type: 'text',
      writable: true,
    })
    expect(byName(properties, 'Lead_Source')).toMatchObject({ type: 'enumeration', writable: true })
    expect(byName(properties, 'Days_Since_WhatsApp')).toMatchObject({
      type: 'number',
      crm_type: 'formula (double)',
      writable: false,
    })
    expect(byName(properties, 'Full_Name')).toMatchObject({ label: 'Contact Name', writable: false })
    expect(byName(properties, 'Modified_Time')).toMatchObject({ type: 'datetime', writable: false })
    // Ours, created on install in the Contacts module.
    expect(byName(properties, 'WhatsApp_Number')).toMatchObject({ type: 'string', writable: true })
  })

  it('reuses the answer for a minute, and reads again when asked for a fresh list', async () => {
    await listProperties(f.rt, f.connectionId, true)
    const before = fieldReads()
    await listProperties(f.rt, f.connectionId)
    await listProperties(f.rt, f.connectionId)
    expect(fieldReads()).toBe(before)
    await listProperties(f.rt, f.connectionId, true)
    expect(fieldReads()).toBe(before + 1)
  })

  it('answers 502 with Zoho’s message when Zoho refuses', async () => {
    f.sim.faults.failNext({ method: 'GET', pathPrefix: '/settings/fields' }, 5, 503)
    const res = await f.rt.api(`${url()}?fresh=true`)
    expect(res.status).toBe(502)
    const body = await res.json()
    expect(body.error.code).toBe('crm_unavailable')
    expect(body.error.message).toMatch(/^Zoho CRM did not list its contact properties: .+/)
    f.sim.faults.clear()
  })

  it('hides the connection from other workspaces', async () => {
    await expectHiddenFromOtherWorkspace(f.rt, f.connectionId)
  })
})
