import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { type SfFixture, startSfFixture } from '../crm/salesforce/sf-support'
import { type SyncFixture, startSyncFixture } from '../crm/sync/sync-support'
import { startZohoFixture, type ZohoFixture } from '../crm/zoho/zoho-support'
import { contactIdOf, customerWrites } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import { NUMBER_A } from '../support/test-runtime'

/** Eleven customers, each a synced HubSpot contact. */
const PEOPLE = Array.from({ length: 11 }, (_, i) => ({
  waId: `55119876502${String(i).padStart(2, '0')}`,
  name: `Cliente ${i}`,
}))
/** Fields a sync writes to a linked record, apart from the time-dependent window flag and the create-only lead source. */
const COMPARED = 18
/** Switched off so 9 fields per record are compared: 11 records × 9 = 99, 10 records × 10 = 100. */
const OFF = [
  'last_outbound_at',
  'messages_30d',
  'inquiry_frequency',
  'segment',
  'priority',
  'last_intent',
  'sentiment',
  'activity_score',
  'median_response_seconds',
]

describe.each(ENGINES)('the daily CRM sync-accuracy sample (%s)', (engine) => {
  let f: SyncFixture
  let day = 0
  const ids: string[] = []
  beforeAll(async () => {
    f = await startSyncFixture(engine, {
      env: {
        SYNC_ACCURACY_SCHEDULE: '40 4 * * *',
        // Jobs that could change contacts (and so queue writes) stay out of these runs.
        RULES_SWEEP_SCHEDULE: 'off',
        DEDUP_SCAN_SCHEDULE: 'off',
        INTENT_RETRAIN_SCHEDULE: 'off',
        ARCHIVE_SCHEDULE: 'off',
      },
    })
    for (const p of PEOPLE) {
      await customerWrites(f.rt, NUMBER_A, p, `Olá, sou ${p.name}`)
      ids.push(await contactIdOf(f.rt, `+${p.waId}`))
    }
    await f.drain()
  }, 120_000)
  afterAll(async () => {
    await f?.close()
  })

  /** The scheduler one day later each time: one sample per call. */
  const nextDay = async () => {
    day += 1
    const { runs } = await f.rt.scheduler.runOnce(new Date(Date.now() + day * 86_400_000 + 60_000))
    const mine = runs.filter((r) => r.job === 'crm-sync-accuracy')
    expect(mine.map((r) => r.outcome)).toEqual(['ok'])
    const res = await f.rt.api(`/api/v1/connections/${f.connectionId}/sync/accuracy?limit=1`)
    expect(res.status).toBe(200)
    return (await res.json()).samples[0]
  }
  const openAlerts = async () =>
    queryRows<{ subject: string; period: string; figures: Record<string, unknown> }>(
      f.rt.db.db,
      sql`select subject, period, figures from analytics_alerts where rule = 'sync_accuracy' order by raised_at`,
    )
  const recordOf = async (contactId: string) => {
    const [link] = await queryRows<{ record_id: string }>(
      f.rt.db.db,
      sql`select record_id from crm_record_links where contact_id = ${contactId}`,
    )
    return link?.record_id as string
  }

  it('reads the synced records back: every compared field equal, 100 %, nothing raised', async () => {
    f.sim.resetRequests()
    const sample = await nextDay()
    expect(sample).toMatchObject({
      records_sampled: 11,
      fields_compared: 11 * COMPARED,
      fields_equal: 11 * COMPARED,
      accuracy: 100,
      differences_total: 0,
      differences: [],
    })
    // Read through the connector's batch read, no write.
    expect(f.sim.requests.filter((r) => r.method !== 'GET').map((r) => r.path)).toEqual([
      '/crm/v3/objects/contacts/batch/read',
    ])
    expect(await openAlerts()).toEqual([])
  })

  it('a field a CRM user changed without notifying us: reported with both values, alerted under 99 % (1 of 99)', async () => {
    const off = await f.rt.api(`/api/v1/connections/${f.connectionId}/mapping`, {
      method: 'PUT',
      json: { fields: OFF.map((field) => ({ field, enabled: false })) },
    })
    expect(off.status).toBe(200)
    const [mapping] = await queryRows<{ property: string }>(
      f.rt.db.db,
      sql`select property from crm_field_mappings where connection_id = ${f.connectionId} and field = 'first_name'`,
    )
    const edited = await recordOf(ids[0] as string)
    const before = f.sim.contacts(f.portalId).find((c) => c.id === edited)?.properties[
      mapping?.property as string
    ]
    // No webhook target: the edit in HubSpot reaches nobody.
    f.sim.setWebhookTarget(null)
    await f.sim.editContact(f.portalId, edited, { [mapping?.property as string]: 'Renomeada' })

    const sample = await nextDay()
    expect(sample).toMatchObject({
      records_sampled: 11,
      fields_compared: 99,
      fields_equal: 98,
      accuracy: 98.99,
      differences_total: 1,
      differences: [{ record_id: edited, field: 'first_name', ours: before ?? '', crm: 'Renomeada' }],
    })
    const alerts = await openAlerts()
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({
      subject: f.connectionId,
      period: sample.day,
      figures: {
        fields_compared: 99,
        fields_equal: 98,
        accuracy_percent: 98.99,
        differing_fields: ['first_name'],
      },
    })
  })

  it('leaves out a contact with a write pending; 1 wrong of 100 is 99.0 %, not under: no alert', async () => {
    const on = await f.rt.api(`/api/v1/connections/${f.connectionId}/mapping`, {
      method: 'PUT',
      json: { fields: [{ field: 'segment', enabled: true }] },
    })
    expect(on.status).toBe(200)
    // A new tag queues a write for this contact: the CRM legitimately holds the old tags until it runs.
    const pending = ids[1] as string
    const tagged = await f.rt.api(`/api/v1/contacts/${pending}/tags`, {
      method: 'POST',
      json: { key: 'vip', label: 'VIP' },
    })
    expect(tagged.status).toBeLessThan(300)
    const [queued] = await queryRows<{ n: number }>(
      f.rt.db.db,
      sql`select count(*)::int as n from crm_outbox where kind = 'contact' and subject_id = ${pending}`,
    )
    expect(queued?.n).toBe(1)

    f.sim.resetRequests()
    const sample = await nextDay()
    expect(sample).toMatchObject({
      records_sampled: 10,
      fields_compared: 100,
      fields_equal: 99,
      accuracy: 99,
      differences_total: 1,
    })
    const read = f.sim.requests.find((r) => r.path === '/crm/v3/objects/contacts/batch/read')
    // Ten records asked for: the pending contact's is not read at all.
    expect(read?.inputs).toBe(10)
    expect(await openAlerts()).toHaveLength(1)

    const history = await (await f.rt.api(`/api/v1/connections/${f.connectionId}/sync/accuracy`)).json()
    expect(history.samples.map((s: { accuracy: number }) => s.accuracy)).toEqual([99, 98.99, 100])
  })

  it("answers 404 for another workspace's connection", async () => {
    const created = await f.rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Outra loja' } })
    expect(created.status).toBe(201)
    const { api_key: key } = await created.json()
    const res = await f.rt.api(`/api/v1/connections/${f.connectionId}/sync/accuracy`, { key })
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('not_found')
  })
})

describe.each(ENGINES)('the sync-accuracy sample on Salesforce (%s)', (engine) => {
  let f: SfFixture
  beforeAll(async () => {
    f = await startSfFixture(engine, {
      env: { SYNC_ACCURACY_SCHEDULE: '40 4 * * *', RULES_SWEEP_SCHEDULE: 'off', DEDUP_SCAN_SCHEDULE: 'off' },
    })
    for (const p of PEOPLE.slice(0, 3)) await customerWrites(f.rt, NUMBER_A, p, `Oi, sou ${p.name}`)
    await f.drain()
  }, 120_000)
  afterAll(async () => {
    await f?.close()
  })

  it('the same sample through the Salesforce connector: equal, then an edit nobody polled yet is reported', async () => {
    const sample = async (day: number) => {
      await f.rt.scheduler.runOnce(new Date(Date.now() + day * 86_400_000 + 60_000))
      return (await (await f.rt.api(`/api/v1/connections/${f.connectionId}/sync/accuracy?limit=1`)).json())
        .samples[0]
    }
    const first = await sample(1)
    expect(first.records_sampled).toBe(3)
    expect(first.fields_compared).toBeGreaterThan(3 * 10)
    expect(first).toMatchObject({ fields_equal: first.fields_compared, accuracy: 100, differences: [] })

    // Salesforce does not push changes: until the next poll applies it, the edit is only in the org.
    const lead = f.sim.records(f.orgId, 'Lead').find((l) => l.WA_Phone__c === `+${PEOPLE[0]?.waId}`)
    f.sim.editRecord(f.orgId, 'Lead', lead?.Id as string, { FirstName: 'Renomeada' })
    const second = await sample(2)
    expect(second).toMatchObject({
      records_sampled: 3,
      fields_equal: second.fields_compared - 1,
      differences_total: 1,
      differences: [{ record_id: lead?.Id, field: 'first_name', crm: 'Renomeada' }],
    })
  })
})

describe.each(ENGINES)('the sync-accuracy sample on Zoho (%s)', (engine) => {
  let f: ZohoFixture
  beforeAll(async () => {
    f = await startZohoFixture(engine, {
      env: { SYNC_ACCURACY_SCHEDULE: '40 4 * * *', RULES_SWEEP_SCHEDULE: 'off', DEDUP_SCAN_SCHEDULE: 'off' },
    })
    for (const p of PEOPLE.slice(0, 3)) await customerWrites(f.rt, NUMBER_A, p, `Oi, sou ${p.name}`)
    await f.drain()
  }, 120_000)
  afterAll(async () => {
    await f?.close()
  })

  it('the same sample through the Zoho connector: equal, then an edit whose notification is held is reported', async () => {
    const sample = async (day: number) => {
      await f.rt.scheduler.runOnce(new Date(Date.now() + day * 86_400_000 + 60_000))
      return (await (await f.rt.api(`/api/v1/connections/${f.connectionId}/sync/accuracy?limit=1`)).json())
        .samples[0]
    }
    const first = await sample(1)
    expect(first.records_sampled).toBe(3)
    expect(first.fields_compared).toBeGreaterThan(3 * 10)
    expect(first).toMatchObject({ fields_equal: first.fields_compared, accuracy: 100, differences: [] })

    const record = f.sim.records(f.orgId, 'Contacts').find((c) => c.WhatsApp_Number === `+${PEOPLE[0]?.waId}`)
    f.sim.holdNotifications(true)
    f.sim.editRecord(f.orgId, 'Contacts', record?.id as string, { First_Name: 'Renomeada' })
    const second = await sample(2)
    expect(second).toMatchObject({
      records_sampled: 3,
      fields_equal: second.fields_compared - 1,
      differences_total: 1,
      differences: [{ record_id: record?.id, field: 'first_name', crm: 'Renomeada' }],
    })
  })
})
