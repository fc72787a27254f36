import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crmConnections } from '../../../backend/src/db/schema'
import { startZohoSimulator, type ZohoSimulator } from '../../simulators/zoho'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../../support/test-runtime'
import { installZohoOrg, ZOHO_KEY_HEADER, zohoEnv } from './zoho-support'

describe.each(ENGINES)('Zoho install per data centre, fields and card key (%s)', (engine) => {
  let sim: ZohoSimulator
  let rt: TestRuntime

  beforeAll(async () => {
    sim = await startZohoSimulator()
    rt = await startTestRuntime(engine, zohoEnv(sim))
    await registerChannel(rt, NUMBER_A, 'BR')
  })
  afterAll(async () => {
    await rt?.close()
    await sim?.close()
  })

  const rowOf = async (orgId: string) =>
    (await rt.db.db.select().from(crmConnections).where(eq(crmConnections.accountId, orgId)))[0]

  it.each(['com', 'eu', 'in'] as const)(
    'installs an org living in the %s data centre: code traded at its accounts server, API domain kept, fields created',
    async (dc) => {
      const { orgId, userId } = sim.org({ dc })
      const { res, authorizeUrl } = await installZohoOrg(rt, sim, orgId)
      // Every install starts at the configured (US) accounts server: Zoho sends the installer home.
      expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${sim.accountsUrl('com')}/oauth/v2/auth`)
      expect(authorizeUrl.searchParams.get('access_type')).toBe('offline')
      expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(
        'https://scrm.example.test/oauth/zoho/callback',
      )
      expect(authorizeUrl.searchParams.get('scope')?.split(',')).toContain('ZohoCRM.notifications.ALL')
      const body = await res.json()
      expect(res.status, JSON.stringify(body)).toBe(200)
      expect(body).toMatchObject({ account_id: orgId, new_connection: true, setup_error: null })
      const row = await rowOf(orgId)
      expect(row?.provider).toBe('zoho')
      expect(row?.providerState).toMatchObject({
        accountsUrl: sim.accountsUrl(dc),
        apiDomain: sim.apiDomain(dc),
        userId,
        edition: 'enterprise',
      })
      expect(row?.refreshTokenEnc).not.toMatch(/^1000\./)
      expect(row?.schemaReadyAt).not.toBeNull()
      expect(row?.lastError).toBeNull()
      // Every API call of this org went to its own data centre.
      const calls = sim.requests.filter((r) => r.orgId === orgId)
      expect(calls.length).toBeGreaterThan(0)
      expect(new Set(calls.map((r) => r.dc))).toEqual(new Set([dc]))
      // The reportable fields exist on both modules; the match key is unique.
      for (const module of ['Contacts', 'Leads']) {
        const fields = sim.fields(orgId, module)
        const phone = fields.find((f) => f.api_name === 'WhatsApp_Number')
        expect(phone?.unique).toBeTruthy()
        expect(fields.map((f) => f.api_name)).toEqual(
          expect.arrayContaining([
            'WA_Segment',
            'WA_Priority',
            'WA_Sentiment',
            'WA_Churn_Risk',
            'WA_Window_Open_Until',
          ]),
        )
        expect(
          fields.find((f) => f.api_name === 'Lead_Source')?.pick_list_values?.map((p) => p.actual_value),
        ).toContain('WhatsApp')
      }
      expect(sim.fields(orgId, 'Tasks').some((f) => f.api_name === 'WA_Task_Key')).toBe(true)
    },
  )

  it('refuses an accounts server that is not a trusted Zoho data centre, without sending our secret there', async () => {
    const { orgId } = sim.org({ dc: 'eu' })
    const { res } = await installZohoOrg(rt, sim, orgId, { accountsServer: 'https://accounts.evil.example' })
    expect(res.status).toBe(400)
    expect((await res.json()).error.message).toMatch(/expired or already used|accounts server/)
    expect(await rowOf(orgId)).toBeUndefined()
  })

  it('refuses a code traded at another data centre than the org’s', async () => {
    const { orgId } = sim.org({ dc: 'jp' })
    const { res } = await installZohoOrg(rt, sim, orgId, { accountsServer: sim.accountsUrl('eu') })
    expect(res.status).toBe(400)
    expect(await rowOf(orgId)).toBeUndefined()
  })

  it('reports an edition without room for custom fields on the connection instead of failing', async () => {
    const { orgId } = sim.org({ edition: 'free' })
    const { res } = await installZohoOrg(rt, sim, orgId)
    expect(res.status).toBe(200)
    const row = await rowOf(orgId)
    expect(row?.lastError).toContain('WhatsApp_Number')
  })

  it('authenticates widget calls by the org key the Zoho connection carries, linked by phone on first view', async () => {
    const { orgId } = sim.org({ dc: 'eu' })
    await installZohoOrg(rt, sim, orgId)
    const row = await rowOf(orgId)
    const issued = await rt.api(`/api/v1/connections/${row?.id}/card-key`, { method: 'POST' })
    expect(issued.status).toBe(201)
    const { key, header } = await issued.json()
    expect(header).toBe(ZOHO_KEY_HEADER)
    expect((await rowOf(orgId))?.cardKeyHash).toMatch(/^[0-9a-f]{64}$/)

    await customerWrites(rt, NUMBER_A, { waId: '5511987658001', name: 'Rita' }, 'Oi')
    const contactId = await contactIdOf(rt, '+5511987658001')
    const card = (path: string, k = key) => rt.request(path, { headers: { [ZOHO_KEY_HEADER]: k } })
    const recordId = '5725767000000200001'
    const first = await card(
      `/api/v1/thread?crm=zoho&record_id=${recordId}&phone=${encodeURIComponent('(11) 98765-8001')}`,
    )
    expect(first.status).toBe(200)
    expect((await first.json()).contact.id).toBe(contactId)
    const again = await card(`/api/v1/thread?crm=zoho&record_id=${recordId}`)
    expect((await again.json()).contact.id).toBe(contactId)
    // The org never comes from the request: another org named in the query changes nothing.
    const other = await card(`/api/v1/thread?crm=zoho&record_id=${recordId}&portal_id=123`)
    expect((await other.json()).contact.id).toBe(contactId)
    // A Salesforce-style header with the Zoho key is not a Zoho call.
    const wrongHeader = await rt.request(`/api/v1/thread?crm=zoho&record_id=${recordId}`, {
      headers: { 'x-scrm-org-key': key },
    })
    expect(wrongHeader.status).toBe(401)

    const rotated = await (await rt.api(`/api/v1/connections/${row?.id}/card-key`, { method: 'POST' })).json()
    const old = await card(`/api/v1/thread?crm=zoho&record_id=${recordId}`)
    expect(old.status).toBe(401)
    expect((await old.json()).error.code).toBe('unauthorized')
    expect((await card(`/api/v1/thread?crm=zoho&record_id=${recordId}`, rotated.key)).status).toBe(200)
    const byCard = await rt.request(`/api/v1/connections/${row?.id}/card-key`, {
      method: 'POST',
      headers: { [ZOHO_KEY_HEADER]: rotated.key },
    })
    expect(byCard.status).toBe(403)
  })
})
