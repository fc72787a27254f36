import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { meterWrites } from '../../../backend/src/crm/storage/storage-meter'
import { monthOf } from '../../../backend/src/crm/storage/storage-month'
import { storageProfileFor } from '../../../backend/src/crm/storage/storage-profile'
import { evaluateThinning } from '../../../backend/src/crm/storage/storage-thinning'
import { queryRows } from '../../../backend/src/db/query-rows'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { type SfFixture, startSfFixture } from '../salesforce/sf-support'
import { startZohoFixture, type ZohoFixture } from '../zoho/zoho-support'
import { automatedReply } from './storage-support'

const ANA = { waId: '5511987650201', name: 'Ana' }
const BRUNO = { waId: '5511987650202', name: 'Bruno' }
const KB = 1024
const MB = 1024 * KB
const ENV = { CRM_STORAGE_SCHEDULE: '10 5 * * *', RULES_SWEEP_SCHEDULE: 'off', DEDUP_SCAN_SCHEDULE: 'off' }

describe.each(ENGINES)('the CRM storage budget on Salesforce (%s)', (engine) => {
  let f: SfFixture
  const storage = async () => (await f.rt.api(`/api/v1/connections/${f.connectionId}/storage`)).json()
  const capacityRun = async (days: number) => {
    const { runs } = await f.rt.scheduler.runOnce(new Date(Date.now() + days * 86_400_000))
    expect(runs.filter((r) => r.job === 'crm-storage-capacity').map((r) => r.outcome)).toEqual(['ok'])
  }
  beforeAll(async () => {
    f = await startSfFixture(engine, { env: ENV })
  }, 120_000)
  afterAll(async () => {
    await f?.close()
  })

  it('counts 2 KB of data storage per Lead and per WA_Message__c the sync creates', async () => {
    await customerWrites(f.rt, NUMBER_A, ANA, 'Olá, quero um vestido azul')
    await customerWrites(f.rt, NUMBER_A, BRUNO, 'Oi, tem camisa M?')
    await f.drain()
    expect(f.sim.records(f.orgId, 'WA_Message__c')).toHaveLength(2)
    const estimate = await storage()
    expect(estimate).toMatchObject({
      provider: 'salesforce',
      unit: 'bytes',
      capacity: { value: 10 * 1024 * MB, origin: 'default' },
      kinds: {
        records: { records_created: 2, units: 2 * 2 * KB },
        message_logs: { records_created: 2, writes: 2, units: 2 * 2 * KB },
        tasks: { records_created: 0, units: 0 },
      },
      this_month: { used: 8 * KB },
      thinning: { active: false },
    })
  })

  it("reads the org's data storage from /limits through jsforce; keeps the last figure when it is hidden", async () => {
    await capacityRun(1)
    const read = await storage()
    expect(read.capacity).toEqual({
      value: 5 * MB,
      origin: 'crm',
      source: 'Salesforce /limits DataStorageMB.Max',
    })
    expect(read.budget).toBe(Math.floor(5 * MB * 0.05))
    expect(f.sim.requests.some((r) => r.path.endsWith('/limits'))).toBe(true)

    // Without "Manage Users" the answer has no storage: the figure read before stays.
    f.sim.setStorage(f.orgId, { dataMb: 1024, visible: false })
    await capacityRun(2)
    expect((await storage()).capacity).toMatchObject({ value: 5 * MB, origin: 'crm' })
    f.sim.setStorage(f.orgId, { visible: true })
    await capacityRun(3)
    expect((await storage()).capacity).toMatchObject({ value: 1024 * MB, origin: 'crm' })
  })

  it('over budget the next messages go into one WA_Message__c per contact and day', async () => {
    // 5 % of 100 KB is 5 KB a month: the 8 KB written so far are over it on any day of the month.
    const res = await f.rt.api(`/api/v1/connections/${f.connectionId}/storage`, {
      method: 'PUT',
      json: { capacity: 100 * KB },
    })
    const over = await res.json()
    expect(over).toMatchObject({ budget: 5 * KB, thinning: { active: true } })
    const ana = await contactIdOf(f.rt, `+${ANA.waId}`)
    await customerWrites(f.rt, NUMBER_A, ANA, 'Quanto custa?')
    await automatedReply(f.rt, ana, 'wamid.sf-auto-1', 'Resposta automática')
    await customerWrites(f.rt, NUMBER_A, ANA, 'Pode enviar hoje?')
    await f.drain()
    const logs = f.sim.records(f.orgId, 'WA_Message__c')
    expect(logs).toHaveLength(3)
    const day = logs.find((r) => String(r.WA_Message_Key__c).startsWith(`scrm-day:${ana}:`))
    expect(String(day?.WA_Body__c)).toContain('Customer: Quanto custa?')
    expect(String(day?.WA_Body__c)).toContain('Customer: Pode enviar hoje?')
    expect(logs.some((r) => String(r.WA_Body__c).includes('Resposta automática'))).toBe(false)
    const thinned = await storage()
    expect(thinned.kinds.message_logs).toMatchObject({ records_created: 3, skipped: 1 })
  })
})

describe.each(ENGINES)('the CRM storage budget on Zoho (%s)', (engine) => {
  let f: ZohoFixture
  const storage = async () => (await f.rt.api(`/api/v1/connections/${f.connectionId}/storage`)).json()
  beforeAll(async () => {
    f = await startZohoFixture(engine, { env: ENV })
  }, 120_000)
  afterAll(async () => {
    await f?.close()
  })

  it("counts 2 KB per new Contact and 1 KB per new day note; a day's later message adds nothing", async () => {
    await customerWrites(f.rt, NUMBER_A, ANA, 'Olá, quero um vestido azul')
    await customerWrites(f.rt, NUMBER_A, BRUNO, 'Oi, tem camisa M?')
    await f.drain()
    const first = await storage()
    expect(first).toMatchObject({
      provider: 'zoho',
      unit: 'bytes',
      capacity: { value: 10 * 1024 * MB, origin: 'default' },
      kinds: {
        records: { records_created: 2, units: 4 * KB },
        message_logs: { records_created: 2, writes: 2, units: 2 * KB },
      },
      this_month: { used: 6 * KB },
    })
    expect(first.capacity.source).toContain('enterprise')
    await customerWrites(f.rt, NUMBER_A, ANA, 'E em verde?')
    await f.drain()
    const again = await storage()
    expect(again.kinds.message_logs).toMatchObject({ records_created: 2, writes: 3, units: 2 * KB })
    expect(again.this_month.used).toBe(6 * KB)
  })

  it('thinned, automated replies stay out of the day note; the month follows the workspace time zone', async () => {
    const zone = await f.rt.api('/api/v1/settings/locale', {
      method: 'PUT',
      json: { time_zone: 'Pacific/Kiritimati' },
    })
    expect(zone.status).toBe(200)
    const res = await f.rt.api(`/api/v1/connections/${f.connectionId}/storage`, {
      method: 'PUT',
      json: { capacity: 10 * KB },
    })
    const over = await res.json()
    expect(over).toMatchObject({
      time_zone: 'Pacific/Kiritimati',
      month: monthOf(new Date(), 'Pacific/Kiritimati'),
      capacity: { value: 10 * KB, origin: 'admin' },
      budget: 512,
      thinning: { active: true },
    })
    const ana = await contactIdOf(f.rt, `+${ANA.waId}`)
    await automatedReply(f.rt, ana, 'wamid.zoho-auto-1', 'Resposta automática')
    await customerWrites(f.rt, NUMBER_A, ANA, 'Pode enviar hoje?')
    await f.drain()
    const notes = f.sim.records(f.orgId, 'Notes').map((n) => String(n.Note_Content))
    expect(notes.some((n) => n.includes('Pode enviar hoje?'))).toBe(true)
    expect(notes.some((n) => n.includes('Resposta automática'))).toBe(false)
    const thinned = await storage()
    expect(thinned.kinds.message_logs).toMatchObject({ skipped: 1 })

    // Back to the edition's 10 GB: full writing again.
    const later = await f.rt.api(`/api/v1/connections/${f.connectionId}/storage`, {
      method: 'PUT',
      json: { capacity: null },
    })
    expect((await later.json()).thinning.active).toBe(false)
  })

  it('a new month starts from nothing: thinning off, and a month over budget again raises its own alert', async () => {
    await f.rt.api(`/api/v1/connections/${f.connectionId}/storage`, {
      method: 'PUT',
      json: { capacity: 10 * KB },
    })
    const connection = await f.connection()
    const profile = storageProfileFor(f.rt.deps.crm, connection)
    const zone = 'Pacific/Kiritimati'
    const thisMonth = monthOf(new Date(), zone)
    const [y, m] = thisMonth.split('-').map(Number) as [number, number]
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
    // Noon on the 10th of next month, local time.
    const nextMonthDay = new Date(`${next}-10T12:00:00+14:00`)
    const fresh = await evaluateThinning(f.rt.db.db, connection, profile, 500, nextMonthDay)
    expect(fresh).toMatchObject({
      on: false,
      estimate: { month: next, used: 0, last_month: expect.any(Number) },
    })
    expect(fresh.estimate.last_month).toBeGreaterThan(0)
    const alerts = () =>
      queryRows<{ period: string }>(
        f.rt.db.db,
        sql`select period from analytics_alerts where rule = 'crm_storage_budget' order by period`,
      )
    expect((await alerts()).map((a) => a.period)).toEqual([thisMonth])
    // One new note (1 KB) by the 10th projects past next month's 512-byte budget.
    await meterWrites(
      f.rt.db.db,
      connection,
      'message',
      profile,
      [{ ref: 'x', bytes: 40, mayCreate: true }],
      [{ ref: 'x', ok: true, recordId: 'n1', created: true }],
      nextMonthDay,
    )
    const again = await evaluateThinning(f.rt.db.db, connection, profile, 500, nextMonthDay)
    expect(again.on).toBe(true)
    expect((await alerts()).map((a) => a.period)).toEqual([thisMonth, next])
    await evaluateThinning(f.rt.db.db, connection, profile, 500, new Date(nextMonthDay.getTime() + 3_600_000))
    expect(await alerts()).toHaveLength(2)
  })
})
