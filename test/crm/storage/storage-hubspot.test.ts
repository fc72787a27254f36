import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { type SyncFixture, startSyncFixture } from '../sync/sync-support'
import { automatedReply } from './storage-support'

const ANA = { waId: '5511987650101', name: 'Ana' }
const BRUNO = { waId: '5511987650102', name: 'Bruno' }

describe.each(ENGINES)('the CRM storage budget on HubSpot (%s)', (engine) => {
  let f: SyncFixture
  let ana = ''
  const storage = async (key?: string) => {
    const res = await f.rt.api(`/api/v1/connections/${f.connectionId}/storage`, { key })
    expect(res.status).toBe(200)
    return res.json()
  }
  const put = (json: unknown, key?: string) =>
    f.rt.api(`/api/v1/connections/${f.connectionId}/storage`, { method: 'PUT', json, key })
  const alerts = () =>
    queryRows<{ subject: string; period: string; figures: Record<string, unknown> }>(
      f.rt.db.db,
      sql`select subject, period, figures from analytics_alerts where rule = 'crm_storage_budget'`,
    )
  const audit = () =>
    queryRows<{ action: string }>(
      f.rt.db.db,
      sql`select action from audit_log where action like 'crm.storage.%' order by id`,
    )
  const communications = () =>
    f.sim.communications(f.portalId).map((c) => ({
      key: c.properties.scrm_message_id as string,
      body: c.properties.hs_communication_body as string,
    }))

  beforeAll(async () => {
    f = await startSyncFixture(engine, {
      env: { CRM_STORAGE_SCHEDULE: '10 5 * * *', RULES_SWEEP_SCHEDULE: 'off', DEDUP_SCAN_SCHEDULE: 'off' },
    })
  }, 120_000)
  afterAll(async () => {
    await f?.close()
  })

  it('counts what the sync writes as it writes it: one record per new contact and per message', async () => {
    const empty = await storage()
    expect(empty).toMatchObject({
      provider: 'hubspot',
      unit: 'records',
      capacity: null,
      budget: null,
      this_month: { used: 0, projected: 0 },
      thinning: { active: false, since: null, steps: [] },
    })
    await customerWrites(f.rt, NUMBER_A, ANA, 'Olá, quero um vestido azul')
    await customerWrites(f.rt, NUMBER_A, BRUNO, 'Oi, tem camisa M?')
    await f.drain()
    ana = await contactIdOf(f.rt, `+${ANA.waId}`)
    const after = await storage()
    expect(after.kinds.records).toMatchObject({ records_created: 2, units: 2 })
    expect(after.kinds.message_logs).toMatchObject({ records_created: 2, writes: 2, units: 2, skipped: 0 })
    expect(after.kinds.message_logs.bytes).toBeGreaterThan('Olá, quero um vestido azul'.length)
    expect(after.kinds.files).toEqual({ records_created: 0, writes: 0, bytes: 0, units: 0 })
    expect(after.this_month.used).toBe(after.kinds.records.units + 2)
    expect(after.this_month.projected).toBeGreaterThanOrEqual(after.this_month.used)

    // Ana again: her record is updated by id (no new record), her message is one more communication.
    await customerWrites(f.rt, NUMBER_A, ANA, 'E em verde?')
    await f.drain()
    const again = await storage()
    expect(again.kinds.records.records_created).toBe(2)
    expect(again.kinds.records.writes).toBeGreaterThan(after.kinds.records.writes)
    expect(again.kinds.message_logs).toMatchObject({ records_created: 3, writes: 3 })
    expect(f.sim.communications(f.portalId)).toHaveLength(3)
  })

  it('reads the capacity from HubSpot record limits on the daily run; 5 % of it is the budget', async () => {
    f.sim.setRecordLimits(f.portalId, { contacts: 1_000_000, communications: 500_000, tasks: 500_000 })
    const { runs } = await f.rt.scheduler.runOnce(new Date(Date.now() + 86_400_000))
    expect(runs.filter((r) => r.job === 'crm-storage-capacity').map((r) => r.outcome)).toEqual(['ok'])
    const estimate = await storage()
    expect(estimate.capacity).toMatchObject({ value: 2_000_000, origin: 'crm' })
    expect(estimate.capacity.source).toContain('/crm/v3/limits/records')
    expect(estimate).toMatchObject({ budget_percent: 5, budget: 100_000, thinning: { active: false } })
  })

  it('over budget: thinning switches on, raises one alert, and the next messages are written thinned', async () => {
    // A capacity of 20 records: a budget of one record a month, which the month has already passed.
    const res = await put({ capacity: 20 })
    expect(res.status).toBe(200)
    const over = await res.json()
    expect(over).toMatchObject({
      capacity: { value: 20, origin: 'admin' },
      budget: 1,
      thinning: {
        active: true,
        steps: ['automated_messages_not_logged', 'messages_one_log_per_contact_and_day'],
      },
    })
    expect(over.this_month.projected_share).toBeGreaterThan(100)
    expect(over.thinning.since).not.toBeNull()
    const raised = await alerts()
    expect(raised).toHaveLength(1)
    expect(raised[0]).toMatchObject({ subject: f.connectionId, period: over.month })
    expect(raised[0]?.figures).toMatchObject({ unit: 'records', budget: 1, capacity: 20 })
    expect((await audit()).map((a) => a.action)).toEqual(['crm.storage.thinning_on'])

    const before = communications().length
    const contactWrites = (await storage()).kinds.records.writes
    await customerWrites(f.rt, NUMBER_A, ANA, 'Quanto custa?')
    await automatedReply(f.rt, ana, 'wamid.auto-storage-1', 'Resposta automática: R$ 120')
    await customerWrites(f.rt, NUMBER_A, ANA, 'Pode enviar hoje?')
    await f.drain()

    // One day log for Ana holds both of her messages; the automated reply is in no log.
    const logs = communications()
    expect(logs).toHaveLength(before + 1)
    const day = logs.find((c) => c.key.startsWith(`scrm-day:${ana}:`))
    expect(day?.body).toContain('Customer: Quanto custa?')
    expect(day?.body).toContain('Customer: Pode enviar hoje?')
    expect(day?.body.split('\n')[0]).toMatch(/^WhatsApp \d{4}-\d{2}-\d{2}$/)
    expect(logs.some((c) => c.body.includes('Resposta automática'))).toBe(false)
    // Nothing is lost here: the automated reply is still in the thread.
    const thread = await (await f.rt.api(`/api/v1/thread?phone=${encodeURIComponent(`+${ANA.waId}`)}`)).json()
    expect(thread.messages.map((m: { text: string }) => m.text)).toContain('Resposta automática: R$ 120')
    const thinned = await storage()
    // Contact fields are never thinned: Ana's record was written again with her new figures.
    expect(thinned.kinds.records.writes).toBeGreaterThan(contactWrites)
    const record = f.sim.contacts(f.portalId).find((c) => c.properties.scrm_wa_phone === `+${ANA.waId}`)
    expect(Number(record?.properties.scrm_messages_30d)).toBeGreaterThanOrEqual(4)
    expect(thinned.kinds.message_logs).toMatchObject({ records_created: 4, skipped: 1 })

    // A later message the same day goes into the same log: no new record.
    await customerWrites(f.rt, NUMBER_A, ANA, 'Obrigada!')
    await f.drain()
    expect(communications()).toHaveLength(before + 1)
    const updated = communications().find((c) => c.key === day?.key)
    expect(updated?.body.split('\n').filter((l) => l.includes('Customer:'))).toHaveLength(3)
    const later = await storage()
    expect(later.kinds.message_logs.records_created).toBe(4)
    expect(later.kinds.message_logs.writes).toBe(thinned.kinds.message_logs.writes + 1)

    // Still over, more writes, more reads: still the one alert for this connection and month.
    expect(await alerts()).toHaveLength(1)
  })

  it('back to full writing when an admin raises the budget; the switch is audited', async () => {
    const res = await put({ capacity: 1_000_000, budget_percent: 10 })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      budget_percent: 10,
      budget: 100_000,
      thinning: { active: false, since: null, steps: [] },
    })
    expect((await audit()).map((a) => a.action)).toEqual([
      'crm.storage.thinning_on',
      'crm.storage.thinning_off',
    ])
    const before = communications().length
    await customerWrites(f.rt, NUMBER_A, ANA, 'Mais uma pergunta')
    await automatedReply(f.rt, ana, 'wamid.auto-storage-2', 'Outra resposta automática')
    await f.drain()
    const logs = communications()
    expect(logs).toHaveLength(before + 2)
    expect(logs.some((c) => c.body.includes('Outra resposta automática'))).toBe(true)
    // The admin's change itself is in the audit trail as an API call.
    const [call] = await queryRows<{ n: number }>(
      f.rt.db.db,
      sql`select count(*)::int as n from audit_log where action = 'PUT /api/v1/connections/{id}/storage' and status = 200`,
    )
    expect(call?.n).toBe(2)
  })

  it('refuses a budget of 0 % and an unknown field with the error envelope', async () => {
    const zero = await put({ budget_percent: 0 })
    expect(zero.status).toBe(400)
    expect((await zero.json()).error.code).toBe('validation_failed')
    const unknown = await put({ capacity_mb: 5 })
    expect(unknown.status).toBe(400)
  })

  it("answers 404 for another workspace's connection", async () => {
    const created = await f.rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Outra loja' } })
    expect(created.status).toBe(201)
    const { api_key: key } = await created.json()
    const read = await f.rt.api(`/api/v1/connections/${f.connectionId}/storage`, { key })
    expect(read.status).toBe(404)
    expect((await read.json()).error.code).toBe('not_found')
    const write = await put({ capacity: 5 }, key)
    expect(write.status).toBe(404)
  })
})
