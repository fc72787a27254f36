import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import { crmConnections } from '../../../backend/src/db/schema'
import { type SalesforceSimulator, startSalesforceSimulator } from '../../simulators/salesforce'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../../support/test-runtime'
import { installOrg, salesforceEnv } from './sf-support'

describe.each(ENGINES)('Salesforce install, schema check and card key (%s)', (engine) => {
  let sim: SalesforceSimulator
  let rt: TestRuntime

  beforeAll(async () => {
    sim = await startSalesforceSimulator()
    rt = await startTestRuntime(engine, salesforceEnv(sim))
    // A Brazilian number: national phones on records are read as Brazilian.
    await registerChannel(rt, NUMBER_A, 'BR')
  })
  afterAll(async () => {
    await rt?.close()
    await sim?.close()
  })

  const rowOf = async (orgId: string) =>
    (await rt.db.db.select().from(crmConnections).where(eq(crmConnections.accountId, orgId)))[0]

  it('installs a production org through the web-server flow: keyed by the 18-char org id, tokens sealed, schema checked', async () => {
    const { orgId, userId } = sim.org()
    const { res, authorizeUrl } = await installOrg(rt, sim, orgId)
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${sim.url}/services/oauth2/authorize`)
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(
      'https://scrm.example.test/oauth/salesforce/callback',
    )
    expect(authorizeUrl.searchParams.get('scope')).toBe('api refresh_token')
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(200)
    expect(body).toMatchObject({ account_id: orgId, new_connection: true, setup_error: null })
    const row = await rowOf(orgId)
    expect(row?.provider).toBe('salesforce')
    expect(row?.accountId).toMatch(/^00D[A-Za-z0-9]{15}$/)
    expect(row?.providerState).toMatchObject({
      instanceUrl: sim.url,
      loginUrl: sim.url,
      sandbox: false,
      userId,
    })
    // Encrypted at rest: the simulator's tokens never appear as stored text.
    expect(row?.refreshTokenEnc).not.toMatch(/^5Aep/)
    expect(row?.accessTokenEnc).not.toContain(orgId.slice(0, 15))
    expect(row?.schemaReadyAt).not.toBeNull()
    expect(row?.lastError).toBeNull()
    const describes = sim.requests.filter((r) => r.path.endsWith('/describe')).map((r) => r.path)
    expect(describes).toEqual(
      expect.arrayContaining([
        '/services/data/v66.0/sobjects/Lead/describe',
        '/services/data/v66.0/sobjects/Contact/describe',
      ]),
    )
  })

  it('installs a sandbox at the sandbox login host when the install asks for it', async () => {
    const { orgId } = sim.org(undefined, { sandbox: true })
    const { res, authorizeUrl } = await installOrg(rt, sim, orgId, { query: '?sandbox=true' })
    expect(authorizeUrl.toString().startsWith(sim.sandboxLoginUrl)).toBe(true)
    expect(res.status).toBe(200)
    expect((await rowOf(orgId))?.providerState).toMatchObject({
      loginUrl: sim.sandboxLoginUrl,
      sandbox: true,
    })
  })

  it('refuses a sandbox code at the production host, and a bad sandbox value with 400', async () => {
    const { orgId } = sim.org(undefined, { sandbox: true })
    const { res } = await installOrg(rt, sim, orgId)
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('bad_request')
    const bad = await rt.api('/api/v1/connections/salesforce/install?sandbox=maybe', { method: 'POST' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.message).toContain('sandbox must be true or false')
  })

  it('reports a package field missing in the org on the connection instead of failing', async () => {
    const { orgId } = sim.org()
    sim.removeField(orgId, 'Contact', 'WA_Segment__c')
    const { res } = await installOrg(rt, sim, orgId)
    expect(res.status).toBe(200)
    const row = await rowOf(orgId)
    expect(row?.lastError).toContain('WA_Segment__c')
    const [mapping] = await queryRows<{ property_spec: unknown }>(
      rt.db.db,
      sql`select property_spec from crm_field_mappings where connection_id = ${row?.id} and field = 'segment'`,
    )
    expect(mapping?.property_spec).toBeNull()
    const view = await (await rt.api('/api/v1/connections')).json()
    const shown = view.connections.find((c: { account_id: string }) => c.account_id === orgId)
    expect(shown.last_error).toContain('WA_Segment__c')
  })

  it('authenticates Apex card calls by the org key only: issued hashed, rotated, linked by phone on first view', async () => {
    const { orgId } = sim.org()
    await installOrg(rt, sim, orgId)
    const row = await rowOf(orgId)
    const issued = await rt.api(`/api/v1/connections/${row?.id}/card-key`, { method: 'POST' })
    expect(issued.status).toBe(201)
    const { key, header } = await issued.json()
    expect(header).toBe('x-scrm-org-key')
    const stored = await rowOf(orgId)
    expect(stored?.cardKeyHash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored?.cardKeyHash).not.toContain(key)

    await customerWrites(rt, NUMBER_A, { waId: '5511987659001', name: 'Rita' }, 'Oi')
    const contactId = await contactIdOf(rt, '+5511987659001')
    const card = (path: string, k = key) => rt.request(path, { headers: { 'x-scrm-org-key': k } })
    // A national number, read in the workspace's region (NUMBER_A's channel is Brazilian).
    const first = await card(
      `/api/v1/thread?crm=salesforce&record_id=00Q5g00000AAAAAAAA&phone=${encodeURIComponent('(11) 98765-9001')}`,
    )
    expect(first.status).toBe(200)
    expect((await first.json()).contact.id).toBe(contactId)
    // Linked from then on: no phone needed.
    const again = await card('/api/v1/thread?crm=salesforce&record_id=00Q5g00000AAAAAAAA')
    expect((await again.json()).contact.id).toBe(contactId)
    // The org never comes from the request: another org id in the query changes nothing.
    const wrongPortal = await card(
      '/api/v1/thread?crm=salesforce&record_id=00Q5g00000AAAAAAAA&portal_id=00Dother',
    )
    expect((await wrongPortal.json()).contact.id).toBe(contactId)

    const rotated = await (await rt.api(`/api/v1/connections/${row?.id}/card-key`, { method: 'POST' })).json()
    const old = await card('/api/v1/thread?crm=salesforce&record_id=00Q5g00000AAAAAAAA')
    expect(old.status).toBe(401)
    expect((await old.json()).error.code).toBe('unauthorized')
    expect(
      (await card('/api/v1/thread?crm=salesforce&record_id=00Q5g00000AAAAAAAA', rotated.key)).status,
    ).toBe(200)
    // A card may not issue keys.
    const byCard = await rt.request(`/api/v1/connections/${row?.id}/card-key`, {
      method: 'POST',
      headers: { 'x-scrm-org-key': rotated.key },
    })
    expect(byCard.status).toBe(403)
  })

  it('refuses a card key for a HubSpot-style connection whose cards are signed by the CRM', async () => {
    const linked = await rt.api('/api/v1/connections', {
      method: 'POST',
      json: { provider: 'hubspot', account_id: '424242' },
    })
    const res = await rt.api(`/api/v1/connections/${(await linked.json()).id}/card-key`, { method: 'POST' })
    expect(res.status).toBe(400)
  })
})
