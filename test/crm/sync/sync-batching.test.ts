import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HubspotConnector } from '../../../backend/src/crm/hubspot/hubspot-connector'
import { getAccessToken } from '../../../backend/src/crm/hubspot/oauth'
import { queryRows } from '../../../backend/src/db/query-rows'
import { change, contactOf, envelope, type Sender, text } from '../../simulators/whatsapp/envelopes'
import { deliverPayload } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { type SyncFixture, startSyncFixture } from './sync-support'

const people = (from: number, n: number): Sender[] =>
  Array.from({ length: n }, (_, i) => ({
    waId: `55119${String(from + i).padStart(8, '0')}`,
    name: `Cliente ${from + i}`,
  }))

/** Every person writes `each` messages, all in one webhook delivery. */
async function conversations(f: SyncFixture, senders: Sender[], each: number): Promise<void> {
  const t0 = Date.now() - 10 * 60_000
  const payload = envelope([
    {
      wabaId: NUMBER_A.wabaId,
      changes: [
        change(NUMBER_A, {
          contacts: senders.map(contactOf),
          messages: senders.flatMap((s, i) =>
            Array.from({ length: each }, (_, k) =>
              text(s, `mensagem ${k + 1} de ${s.name}`, new Date(t0 + i * 100 + k)),
            ),
          ),
        }),
      ],
    },
  ])
  await deliverPayload(f.rt, payload)
}

const writeCalls = (f: SyncFixture, path: string) =>
  f.sim.requests.filter((r) => r.method === 'POST' && r.path === path && r.status < 300).length

describe.each(ENGINES)('CRM sync batching and faults (%s)', (engine) => {
  let f: SyncFixture
  beforeAll(async () => {
    f = await startSyncFixture(engine)
  })
  afterAll(async () => {
    await f?.close()
  })

  it('coalesces many changes per contact into one write and batches 100 contacts per call', async () => {
    await conversations(f, people(0, 150), 3)
    const [pending] = await queryRows<{ n: number }>(
      f.rt.db.db,
      sql`select count(*)::int as n from crm_outbox where kind = 'contact'`,
    )
    expect(pending?.n).toBe(150)
    f.sim.resetRequests()
    await f.drain()
    expect(writeCalls(f, '/crm/v3/objects/contacts/batch/upsert')).toBe(2)
    expect(writeCalls(f, '/crm/v3/objects/communications/batch/create')).toBe(5)
    expect(Math.max(...f.sim.requests.map((r) => r.inputs))).toBeLessThanOrEqual(100)
    expect(f.sim.contacts(f.portalId)).toHaveLength(150)
    expect(f.sim.communications(f.portalId)).toHaveLength(450)
  })

  it('backs off on 429 without spending a try, and writes once the limit allows', async () => {
    await conversations(f, people(1000, 3), 1)
    f.sim.faults.failNext({ pathPrefix: '/crm/v3/objects/contacts/batch' }, 1, 429)
    await f.rt.crmSync.worker.runOnce()
    const rows = await queryRows<{ attempts: number; later: boolean; last_error: string }>(
      f.rt.db.db,
      sql`select attempts, available_at > clock_timestamp() as later, last_error from crm_outbox where kind = 'contact'`,
    )
    expect(rows).toHaveLength(3)
    expect(rows.every((r) => r.attempts === 0 && r.later)).toBe(true)
    expect(rows[0]?.last_error).toMatch(/TEN_SECONDLY_ROLLING|RATE_LIMIT/)
    await f.rt.db.db.execute(sql`update crm_outbox set available_at = clock_timestamp()`)
    await f.drain()
    expect(f.sim.contacts(f.portalId)).toHaveLength(153)
    expect(f.sim.communications(f.portalId)).toHaveLength(453)
  })

  it('retries a 5xx three times, then asks a person; "retry" in the review queue writes it', async () => {
    await conversations(f, people(2000, 1), 1)
    f.sim.faults.failNext({ pathPrefix: '/crm/v3/objects/contacts/batch' }, 3, 503)
    for (let i = 0; i < 3; i++) {
      await f.rt.crmSync.worker.runOnce()
      await new Promise((r) => setTimeout(r, 30))
    }
    const [row] = await queryRows<{ attempts: number; parked: boolean }>(
      f.rt.db.db,
      sql`select attempts, parked_at is not null as parked from crm_outbox where kind = 'contact'`,
    )
    expect(row).toEqual({ attempts: 3, parked: true })
    const review = await (await f.rt.api('/api/v1/review?status=open')).json()
    const item = review.items.find((i: { kind: string }) => i.kind === 'sync_failed')
    expect(item.detail).toMatchObject({ object: 'contact', code: 'http_503', attempts: 3 })
    expect(f.sim.contacts(f.portalId)).toHaveLength(153)

    const resolved = await f.rt.api(`/api/v1/review/${item.id}`, {
      method: 'POST',
      json: { resolution: 'retry' },
    })
    expect(resolved.status).toBe(200)
    await f.drain()
    expect(f.sim.contacts(f.portalId)).toHaveLength(154)
    const again = await f.rt.api(`/api/v1/review/${item.id}`, {
      method: 'POST',
      json: { resolution: 'retry' },
    })
    expect(again.status).toBe(409)
  })

  it('after a crash between the CRM write and our bookkeeping, resumes with nothing lost or doubled', async () => {
    await conversations(f, people(3000, 5), 2)
    const [connection] = await queryRows<{ id: string }>(f.rt.db.db, sql`select id from crm_connections`)
    const ctx = {
      db: f.rt.db.db,
      config: f.rt.config,
      encryptionKey: f.rt.deps.encryptionKey,
      logger: f.rt.deps.logger,
    }
    const connector = new HubspotConnector({
      basePath: f.sim.url,
      accessToken: () => getAccessToken(ctx, connection?.id as string),
      beforeRequest: async () => {},
    })
    // The "crashed" worker: it wrote contacts and messages to HubSpot, then died before
    // deleting its outbox rows (their leases expire).
    const contacts = await queryRows<{ id: string; phone_e164: string }>(
      f.rt.db.db,
      sql`select id, phone_e164 from contacts where phone_e164 like '+55119000030%'`,
    )
    const written = await connector.upsertContacts(
      contacts.map((c) => ({
        ref: c.id,
        recordId: null,
        uniqueValue: c.phone_e164,
        properties: { scrm_wa_phone: c.phone_e164 },
      })),
      'scrm_wa_phone',
    )
    const recordOf = new Map(written.flatMap((w) => (w.ok ? [[w.ref, w.recordId]] : [])))
    const msgs = await queryRows<{ id: number; wamid: string; contact_id: string; text: string }>(
      f.rt.db.db,
      sql`select id, wamid, contact_id, text from messages where contact_id in (select id from contacts where phone_e164 like '+55119000030%')`,
    )
    await connector.logMessages(
      msgs.slice(0, 6).map((m) => ({
        ref: String(m.id),
        externalId: m.wamid,
        recordId: recordOf.get(m.contact_id) as string,
        direction: 'inbound' as const,
        body: m.text,
        at: new Date(),
        mediaUrl: null,
      })),
    )
    expect(f.sim.contacts(f.portalId)).toHaveLength(159)
    expect(f.sim.communications(f.portalId)).toHaveLength(460)

    await f.drain()
    expect(f.sim.contacts(f.portalId)).toHaveLength(159)
    expect(f.sim.communications(f.portalId)).toHaveLength(464)
    const ids = f.sim.communications(f.portalId).map((c) => c.properties.scrm_message_id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const m of msgs) {
      const comm = f.sim.communications(f.portalId).find((c) => c.properties.scrm_message_id === m.wamid)
      expect(f.sim.associations(f.portalId, 'communications', comm?.id as string)).toEqual([
        expect.objectContaining({ toId: recordOf.get(m.contact_id), typeId: 81 }),
      ])
    }
  })
})
