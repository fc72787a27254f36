/**
 * The simulator driven by the real jsforce 3.10.16, pointed at it by instance URL: the paths
 * jsforce builds, the answers it parses, and the errors it raises.
 */
import { Connection, OAuth2 } from 'jsforce'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type SalesforceSimulator, startSalesforceSimulator } from './index'

let sim: SalesforceSimulator

beforeEach(async () => {
  sim = await startSalesforceSimulator({ queryBatchSize: 3 })
})
afterEach(() => sim.close())

const REDIRECT = 'http://127.0.0.1:1/oauth/salesforce/callback'

function conn(orgId: string, extra: Partial<ConstructorParameters<typeof Connection>[0]> = {}) {
  const { accessToken, refreshToken } = sim.issueToken(orgId)
  return new Connection({
    version: '66.0',
    instanceUrl: sim.url,
    accessToken,
    ...(extra.oauth2 ? { refreshToken } : {}),
    ...extra,
  })
}

const lead = (phone: string, extra: Record<string, unknown> = {}) => ({
  WA_Phone__c: phone,
  LastName: `L ${phone}`,
  Company: 'WhatsApp',
  ...extra,
})

describe('OAuth web-server flow', () => {
  it('trades a code for tokens whose identity URL names the 18-char org id, production and sandbox', async () => {
    const prod = sim.org()
    const sandbox = sim.org(undefined, { sandbox: true })
    for (const [org, loginUrl] of [
      [prod, sim.url],
      [sandbox, sim.sandboxLoginUrl],
    ] as const) {
      const oauth2 = new OAuth2({
        loginUrl,
        clientId: 'sim-consumer-key',
        clientSecret: 'sim-consumer-secret',
        redirectUri: REDIRECT,
      })
      const c = new Connection({ oauth2, version: '66.0' })
      const info = await c.authorize(sim.authorize(org.orgId, { redirectUri: REDIRECT }))
      expect(info.organizationId).toBe(org.orgId)
      expect(info.organizationId).toMatch(/^00D[A-Za-z0-9]{15}$/)
      expect(info.id).toBe(org.userId)
      expect(c.instanceUrl).toBe(sim.url)
      expect(c.refreshToken).toBeTruthy()
    }
  })

  it('refuses a sandbox code at the production host, a reused code, and a wrong secret', async () => {
    const sandbox = sim.org(undefined, { sandbox: true })
    const oauth2 = (loginUrl: string, clientSecret = 'sim-consumer-secret') =>
      new OAuth2({ loginUrl, clientId: 'sim-consumer-key', clientSecret, redirectUri: REDIRECT })
    const code = sim.authorize(sandbox.orgId, { redirectUri: REDIRECT })
    await expect(oauth2(sim.url).requestToken(code)).rejects.toMatchObject({ name: 'invalid_grant' })
    await expect(oauth2(sim.sandboxLoginUrl).requestToken(code)).rejects.toMatchObject({
      name: 'invalid_grant',
    })
    const fresh = sim.authorize(sandbox.orgId, { redirectUri: REDIRECT })
    await expect(oauth2(sim.sandboxLoginUrl, 'wrong').requestToken(fresh)).rejects.toMatchObject({
      name: 'invalid_client',
    })
  })

  it('refreshes an expired session once on INVALID_SESSION_ID and replays the request', async () => {
    const { orgId } = sim.org()
    const oauth2 = new OAuth2({
      loginUrl: sim.url,
      clientId: 'sim-consumer-key',
      clientSecret: 'sim-consumer-secret',
      redirectUri: REDIRECT,
    })
    const c = conn(orgId, { oauth2 })
    const refreshed: string[] = []
    c.on('refresh', (token: string) => refreshed.push(token))
    sim.expireSessions(orgId)
    const result = await c.query('SELECT Id FROM Lead')
    expect(result.totalSize).toBe(0)
    expect(refreshed).toHaveLength(1)
    expect(sim.requests.filter((r) => r.status === 401)).toHaveLength(1)
  })
})

describe('describe and the package fields', () => {
  it('lists the custom fields, and a removed one is gone', async () => {
    const { orgId } = sim.org()
    const c = conn(orgId)
    const before = await c.sobject('Lead').describe()
    const phone = before.fields.find((f) => f.name === 'WA_Phone__c')
    expect(phone).toMatchObject({ externalId: true, unique: true, type: 'string' })
    expect(before.fields.find((f) => f.name === 'WA_Segment__c')?.restrictedPicklist).toBe(true)
    sim.removeField(orgId, 'Lead', 'WA_Segment__c')
    const after = await c.describe('Lead')
    expect(after.fields.some((f) => f.name === 'WA_Segment__c')).toBe(false)
  })
})

describe('sObject Collections upsert by External ID', () => {
  it('PATCHes /composite/sobjects/Lead/WA_Phone__c: creates, then updates the same records', async () => {
    const { orgId } = sim.org()
    const c = conn(orgId)
    const records = Array.from({ length: 200 }, (_, i) => lead(`+1555000${String(i).padStart(4, '0')}`))
    const first = await c.sobject('Lead').upsert(records, 'WA_Phone__c')
    expect(first).toHaveLength(200)
    expect(first.every((r) => r.success && (r as { created?: boolean }).created === true)).toBe(true)
    const second = await c.sobject('Lead').upsert(
      records.map((r) => ({ ...r, WA_Segment__c: 'customer' })),
      'WA_Phone__c',
    )
    expect(second.every((r) => r.success && (r as { created?: boolean }).created === false)).toBe(true)
    expect(sim.records(orgId, 'Lead')).toHaveLength(200)
    // The external id is in the stored record (jsforce#1246 asked whether it is set on create).
    expect(sim.records(orgId, 'Lead').every((r) => typeof r.WA_Phone__c === 'string')).toBe(true)
    expect(sim.records(orgId, 'Lead').every((r) => r.WA_Segment__c === 'customer')).toBe(true)
    const calls = sim.requests.filter(
      (r) => r.path === '/services/data/v66.0/composite/sobjects/Lead/WA_Phone__c',
    )
    expect(calls.map((r) => [r.method, r.records])).toEqual([
      ['PATCH', 200],
      ['PATCH', 200],
    ])
  })

  it('refuses more than 200 records in one call', async () => {
    const { orgId } = sim.org()
    const records = Array.from({ length: 201 }, (_, i) => lead(`+1555100${String(i).padStart(4, '0')}`))
    await expect(conn(orgId).sobject('Lead').upsert(records, 'WA_Phone__c')).rejects.toMatchObject({
      errorCode: 'EXCEEDED_ID_LIMIT',
    })
  })

  it('answers per-record errors in Salesforce shapes without failing the others', async () => {
    const { orgId } = sim.org()
    sim.addValidationRule(orgId, {
      sobject: 'Lead',
      field: 'Email',
      pattern: '@blocked\\.example$',
      message: 'Email domain is blocked',
    })
    const c = conn(orgId)
    const [taken] = await c.sobject('Lead').upsert([lead('+15552000001')], 'WA_Phone__c')
    const results = await c
      .sobject('Lead')
      .upsert(
        [
          lead('+15552000002', { WA_Segment__c: 'not_a_segment' }),
          lead('+15552000003', { Email: 'x@blocked.example' }),
          lead('+15552000004'),
        ],
        'WA_Phone__c',
      )
    expect(results[0]).toMatchObject({
      success: false,
      errors: [{ statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['WA_Segment__c'] }],
    })
    expect(results[1]).toMatchObject({
      success: false,
      errors: [{ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Email domain is blocked' }],
    })
    expect(results[2]).toMatchObject({ success: true })
    // Updating another record to a value the first one holds: DUPLICATE_VALUE.
    const third = results[2] as { id: string }
    const [dup] = await c.sobject('Lead').update([{ Id: third.id, WA_Phone__c: '+15552000001' }])
    expect(dup).toMatchObject({
      success: false,
      errors: [
        { statusCode: 'DUPLICATE_VALUE', message: expect.stringContaining((taken as { id: string }).id) },
      ],
    })
  })

  it('rolls every record back with allOrNone when one fails', async () => {
    const { orgId } = sim.org()
    const results = await conn(orgId)
      .sobject('Lead')
      .upsert([lead('+15553000001'), lead('+15553000002', { WA_Priority__c: 'urgent' })], 'WA_Phone__c', {
        allOrNone: true,
      })
    expect(results.map((r) => r.success)).toEqual([false, false])
    expect((results[0] as { errors: { statusCode: string }[] }).errors[0]?.statusCode).toBe(
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
    )
    expect(sim.records(orgId, 'Lead')).toHaveLength(0)
  })

  it('refuses an unknown field for the whole request with INVALID_FIELD', async () => {
    const { orgId } = sim.org()
    sim.removeField(orgId, 'Lead', 'WA_Tags__c')
    await expect(
      conn(orgId)
        .sobject('Lead')
        .upsert([lead('+15554000001', { WA_Tags__c: 'vip' })], 'WA_Phone__c'),
    ).rejects.toMatchObject({ errorCode: 'INVALID_FIELD' })
  })
})

describe('queries, replication and merges', () => {
  it('pages query results through nextRecordsUrl (queryMore)', async () => {
    const { orgId } = sim.org()
    const c = conn(orgId)
    await c.sobject('Lead').upsert(
      Array.from({ length: 7 }, (_, i) => lead(`+1555500000${i}`)),
      'WA_Phone__c',
    )
    const first = await c.query<{ Id: string; WA_Phone__c: string }>(
      'SELECT Id, WA_Phone__c FROM Lead WHERE SystemModstamp >= 2020-01-01T00:00:00Z ORDER BY SystemModstamp ASC, Id ASC',
      { autoFetch: false },
    )
    expect(first.done).toBe(false)
    expect(first.records).toHaveLength(3)
    const second = await c.queryMore(first.nextRecordsUrl as string)
    const third = await c.queryMore(second.nextRecordsUrl as string)
    expect(third.done).toBe(true)
    expect([...first.records, ...second.records, ...third.records].map((r) => r.WA_Phone__c).sort()).toEqual(
      Array.from({ length: 7 }, (_, i) => `+1555500000${i}`),
    )
    const inList = await c.query("SELECT Id FROM Lead WHERE WA_Phone__c IN ('+15555000001', '+15555000002')")
    expect(inList.totalSize).toBe(2)
    await expect(c.query('SELECT Id FROM Lead WHERE Name LIKE x')).rejects.toMatchObject({
      errorCode: 'MALFORMED_QUERY',
    })
  })

  it('shows merged-away records with MasterRecordId through queryAll, getUpdated and getDeleted', async () => {
    const { orgId } = sim.org()
    const c = conn(orgId)
    const start = new Date(Date.now() - 60_000)
    const master = sim.createRecord(orgId, 'Contact', { LastName: 'Master', WA_Phone__c: '+15556000001' })
    const dup = sim.createRecord(orgId, 'Contact', { LastName: 'Dup' })
    sim.mergeRecords(orgId, 'Contact', master.Id, [dup.Id])
    const all = await c.query<{ Id: string; IsDeleted: boolean; MasterRecordId: string | null }>(
      'SELECT Id, IsDeleted, MasterRecordId FROM Contact WHERE SystemModstamp >= 2020-01-01T00:00:00Z',
      { scanAll: true },
    )
    expect(all.records.find((r) => r.Id === dup.Id)).toMatchObject({
      IsDeleted: true,
      MasterRecordId: master.Id,
    })
    const live = await c.query('SELECT Id FROM Contact')
    expect(live.totalSize).toBe(1)
    const end = new Date(Date.now() + 60_000)
    const updated = await c.sobject('Contact').updated(start.toISOString(), end.toISOString())
    expect(updated.ids).toContain(master.Id)
    const deleted = await c.sobject('Contact').deleted(start.toISOString(), end.toISOString())
    expect(deleted.deletedRecords.map((d) => d.id)).toEqual([dup.Id])
  })

  it('marks a converted Lead with ConvertedContactId', async () => {
    const { orgId } = sim.org()
    const l = sim.createRecord(orgId, 'Lead', lead('+15557000001'))
    const { contactId } = sim.convertLead(orgId, l.Id)
    const [row] = (
      await conn(orgId).query<{ IsConverted: boolean; ConvertedContactId: string }>(
        `SELECT IsConverted, ConvertedContactId FROM Lead WHERE Id IN ('${l.Id}')`,
      )
    ).records
    expect(row).toMatchObject({ IsConverted: true, ConvertedContactId: contactId })
    const [refused] = await conn(orgId)
      .sobject('Lead')
      .update([{ Id: l.Id, FirstName: 'X' }])
    expect(refused).toMatchObject({
      success: false,
      errors: [{ statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD' }],
    })
  })
})

describe('Tasks', () => {
  it('creates Tasks on a Lead through /composite/sobjects and finds them by WA_Task_Key__c', async () => {
    const { orgId } = sim.org()
    const c = conn(orgId)
    const l = sim.createRecord(orgId, 'Lead', lead('+15558000001'))
    const created = await c.sobject('Task').create([
      {
        WhoId: l.Id,
        Subject: 'Call back',
        ActivityDate: '2026-12-04',
        Priority: 'High',
        WA_Task_Key__c: 'k1',
      },
    ])
    expect(created[0]).toMatchObject({ success: true })
    const found = await c.query("SELECT Id, WA_Task_Key__c FROM Task WHERE WA_Task_Key__c IN ('k1')")
    expect(found.records).toHaveLength(1)
  })
})

describe('API limits', () => {
  it('sends Sforce-Limit-Info on every answer and REQUEST_LIMIT_EXCEEDED (403) when used up', async () => {
    const { orgId } = sim.org()
    sim.setApiUsage(orgId, 14_998, 15_000)
    const c = conn(orgId)
    await c.query('SELECT Id FROM Lead')
    expect(c.limitInfo.apiUsage).toEqual({ used: 14_999, limit: 15_000 })
    await c.query('SELECT Id FROM Lead')
    expect(c.limitInfo.apiUsage).toEqual({ used: 15_000, limit: 15_000 })
    await expect(c.query('SELECT Id FROM Lead')).rejects.toMatchObject({
      name: 'REQUEST_LIMIT_EXCEEDED',
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
    })
    expect(sim.requests.at(-1)?.status).toBe(403)
  })

  it('injects faults and latency', async () => {
    const { orgId } = sim.org()
    const c = conn(orgId)
    sim.faults.failNext({ method: 'PATCH', pathPrefix: '/composite/sobjects' }, 1, 'REQUEST_LIMIT_EXCEEDED')
    await expect(c.sobject('Lead').upsert([lead('+15559000001')], 'WA_Phone__c')).rejects.toMatchObject({
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
    })
    // jsforce never retries a PATCH: exactly one request was made.
    expect(sim.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)
    sim.setLatency(120)
    const t0 = Date.now()
    await c.query('SELECT Id FROM Lead')
    expect(Date.now() - t0).toBeGreaterThanOrEqual(110)
  })
})
