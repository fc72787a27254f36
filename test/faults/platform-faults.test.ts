import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { type SyncFixture, startSyncFixture } from '../crm/sync/sync-support'
import { change, contactOf, envelope, type Sender, text } from '../simulators/whatsapp/envelopes'
import { deliverPayload } from '../support/conversation'
import { type SendHarness, startSendHarness } from '../support/send-harness'
import { ENGINES } from '../support/test-db'
import { NUMBER_A } from '../support/test-runtime'

const TERMINAL = ['sent', 'delivered', 'read', 'failed']

/**
 * The platforms misbehaving: the Cloud API and HubSpot simulators answer 429, 5xx, HTML where JSON
 * was due, or nothing at all. Every send and every CRM write ends in a state that matches what the
 * platform really did: nothing lost, nothing twice, no crash.
 */
describe.each(ENGINES)('platform faults (%s)', (engine) => {
  let h: SendHarness | undefined
  let f: SyncFixture | undefined
  afterEach(async () => {
    await h?.close()
    await f?.close()
    h = undefined
    f = undefined
  })

  it('Cloud API 429 / 5xx / garbage / timeouts: each send ends sent exactly once or failed with a reason', async () => {
    h = await startSendHarness(
      engine,
      {
        seed: 11,
        faults: {
          http429Rate: 0.2,
          http5xxRate: 0.1,
          garbageRate: 0.15,
          timeoutRate: 0.05,
          timeoutHangMs: 300,
        },
      },
      { SENDER_RECONCILE_MS: '1500' },
    )
    const harness = h
    const ids: string[] = []
    for (let i = 0; i < 8; i++) {
      const waId = `55119810000${String(i).padStart(2, '0')}`
      await harness.sim.customerWrote(NUMBER_A.phoneNumberId, waId, new Date(), {
        text: 'oi',
        name: `C ${i}`,
      })
      const contact = await harness.waitFor(
        () => harness.rt.api(`/api/v1/thread?phone=%2B${waId}`).then((r) => r.json()),
        (v) => v.contact !== null,
      )
      const res = await harness.rt.api('/api/v1/messages', {
        method: 'POST',
        json: { contact_id: contact.contact.id, content: { type: 'text', text: `resposta ${i}` } },
      })
      expect(res.status).toBe(202)
      ids.push((await res.json()).message_id)
    }
    const rows = await harness.waitFor(
      () =>
        queryRows<{ id: string; status: string; error_code: number | null }>(
          harness.rt.db.db,
          sql`select id::text, status, error_code from messages where id = any(${`{${ids.join(',')}}`}::bigint[])`,
        ),
      (rs) => rs.length === ids.length && rs.every((r) => TERMINAL.includes(r.status)),
      60_000,
    )
    await harness.sim.idle()
    const accepted = (id: string) =>
      harness.sim.sent.filter((s) => s.bizOpaqueCallbackData === `scrm:${id}`).length
    for (const row of rows) {
      if (row.status === 'failed') {
        expect(row.error_code, `message ${row.id} failed without a reason`).not.toBeNull()
        expect(accepted(row.id), `message ${row.id} failed but Meta accepted it`).toBe(0)
      } else expect(accepted(row.id), `message ${row.id} is ${row.status}`).toBe(1)
    }
    const stats = harness.sim.stats()
    console.log(
      `Cloud API faults: ${rows.filter((r) => r.status !== 'failed').length} sent, ` +
        `${rows.filter((r) => r.status === 'failed').length} failed with a reason; injected ${JSON.stringify(stats.faults)}`,
    )
    expect(stats.duplicatesByClientId).toBe(0)
    expect(
      stats.faults.http429 + stats.faults.http5xx + stats.faults.garbage + stats.faults.timeouts,
    ).toBeGreaterThan(0)
  }, 90_000)

  it('HubSpot garbage / 429 / dropped connection: every contact and message written once, nothing parked', async () => {
    f = await startSyncFixture(engine)
    const fixture = f
    const people: Sender[] = Array.from({ length: 20 }, (_, i) => ({
      waId: `55119820000${String(i).padStart(2, '0')}`,
      name: `Pessoa ${i}`,
    }))
    await deliverPayload(
      fixture.rt,
      envelope([
        {
          wabaId: NUMBER_A.wabaId,
          changes: [
            change(NUMBER_A, {
              contacts: people.map(contactOf),
              messages: people.map((p, i) =>
                text(p, `mensagem de ${p.name}`, new Date(Date.now() - 60_000 + i)),
              ),
            }),
          ],
        },
      ]),
    )
    const batch = { pathPrefix: '/crm/v3/objects/contacts/batch' }
    fixture.sim.faults.failNext(batch, 1, 'garbage')
    fixture.sim.faults.failNext(batch, 1, 429)
    fixture.sim.faults.failNext(batch, 1, 'drop')
    fixture.sim.faults.failNext({ pathPrefix: '/crm/v3/objects/communications/batch' }, 1, 'garbage')
    for (let i = 0; i < 40 && fixture.sim.communications(fixture.portalId).length < 20; i++) {
      await queryRows(
        fixture.rt.db.db,
        sql`update crm_outbox set available_at = clock_timestamp() where parked_at is null`,
      )
      await fixture.drain()
      await new Promise((r) => setTimeout(r, 100))
    }
    const contacts = fixture.sim.contacts(fixture.portalId)
    const refused = fixture.sim.requests.filter((r) => r.status === 429 || r.status === 0).length
    const phones = contacts.map((c) => c.properties.scrm_wa_phone)
    const [parked] = await queryRows<{ n: number }>(
      fixture.rt.db.db,
      sql`select count(*)::int as n from crm_outbox where parked_at is not null`,
    )
    console.log(
      `HubSpot faults: ${contacts.length} contacts and ${fixture.sim.communications(fixture.portalId).length} messages written, ` +
        `${parked?.n} parked, ${refused} requests refused or dropped by the simulator`,
    )
    expect(refused).toBeGreaterThanOrEqual(2)
    expect(contacts).toHaveLength(20)
    expect(new Set(phones).size).toBe(20)
    expect(fixture.sim.communications(fixture.portalId)).toHaveLength(20)
    expect(parked?.n).toBe(0)
  }, 120_000)
})
