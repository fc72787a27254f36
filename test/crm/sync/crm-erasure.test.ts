import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syncConnectionRound } from '../../../backend/src/crm/sync/sync-connection'
import { queryRows } from '../../../backend/src/db/query-rows'
import { type CrmConnection, crmConnections } from '../../../backend/src/db/schema'
import type { Sender } from '../../simulators/whatsapp/envelopes'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A, NUMBER_B, registerChannel } from '../../support/test-runtime'
import { connectionOf, installPortal } from '../hubspot/oauth-support'
import { eventually, type SyncFixture, startSyncFixture } from './sync-support'

const person = (n: number, name: string): Sender => ({
  waId: `55119876601${String(n).padStart(2, '0')}`,
  name,
})
const WORDS = (n: number) => `Quero apagar tudo sobre mim, pedido ${n} do tenis azul`
const OTHER_PORTAL = 7_000_002
const FOREIGN_PORTAL = 7_000_003

/**
 * An erasure reaches HubSpot through the sync, after the erase request answered: the contact our
 * upsert created goes with HubSpot's GDPR delete, one HubSpot had before is kept but emptied of
 * our fields, flagged, and stripped of the communications we logged; outages retry, refusals go to
 * review; HubSpot's own privacy deletion is not sent back, but the person's record in another
 * connected portal is erased; another workspace's portal is never touched.
 */
describe.each(ENGINES)('erasure in HubSpot (%s)', (engine) => {
  let f: SyncFixture
  const liveRecord = (portal: number, waId: string) =>
    f.sim.contacts(portal).find((c) => !c.archived && c.properties.scrm_wa_phone === `+${waId}`)
  const gdprCalls = () => f.sim.requests.filter((r) => r.path === '/crm/v3/objects/contacts/gdpr-delete')
  const erase = async (contactId: string) => {
    const res = await f.rt.api(`/api/v1/contacts/${contactId}/erase`, {
      method: 'POST',
      json: { confirm: 'erase' },
    })
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(200)
    return body as {
      erasure_id: string
      crm_records: { connection_id: string; record_id: string; action: string }[]
    }
  }
  const status = async (erasureId: string) => {
    const res = await f.rt.api(`/api/v1/erasures/${erasureId}`)
    expect(res.status).toBe(200)
    return (await res.json()).crm_records as Record<string, unknown>[]
  }
  const synced = async (p: Sender, n: number) => {
    await customerWrites(f.rt, NUMBER_A, p, WORDS(n))
    await f.drain()
    return contactIdOf(f.rt, `+${p.waId}`)
  }
  const linkOf = async (contactId: string) =>
    (
      await queryRows<{ record_id: string; created_by_us: boolean | null }>(
        f.rt.db.db,
        sql`select record_id, created_by_us from crm_record_links where contact_id = ${contactId}::uuid`,
      )
    )[0]

  beforeAll(async () => {
    f = await startSyncFixture(engine, { sim: { deliverOwnChanges: true } })
  })
  afterAll(async () => {
    await f?.close()
  })

  it('deletes the contact our sync created with HubSpot’s GDPR delete, after answering, with its communications', async () => {
    const p = person(1, 'Ana Criada')
    const contactId = await synced(p, 1)
    const record = liveRecord(f.portalId, p.waId as string)
    expect(record).toBeDefined()
    expect(await linkOf(contactId)).toEqual({ record_id: record?.id, created_by_us: true })
    const comms = f.sim.associations(f.portalId, 'contacts', record?.id as string)
    expect(comms.filter((a) => a.toType === 'communications')).toHaveLength(1)
    f.sim.resetRequests()

    const answer = await erase(contactId)
    expect(answer.crm_records).toEqual([
      { connection_id: f.connectionId, object_type: 'contact', record_id: record?.id, action: 'delete' },
    ])
    // Nothing was sent inside the request: the sync carries it out.
    expect(gdprCalls()).toHaveLength(0)
    expect(await status(answer.erasure_id)).toMatchObject([{ state: 'pending', outcome: null }])

    await f.drain()
    expect(gdprCalls().map((r) => r.status)).toEqual([204])
    expect(f.sim.contacts(f.portalId).some((c) => c.id === record?.id)).toBe(false)
    expect(
      f.sim
        .communications(f.portalId)
        .filter((c) => !c.archived && c.properties.hs_communication_body?.includes(WORDS(1))),
    ).toEqual([])
    expect(await status(answer.erasure_id)).toMatchObject([
      { action: 'delete', state: 'done', outcome: 'deleted', activities_removed: 1 },
    ])
    // HubSpot announces the privacy deletion it made for us: the echo finds nothing and sends nothing.
    await f.sim.webhooksIdle()
    f.sim.resetRequests()
    await f.drain()
    expect(gdprCalls()).toHaveLength(0)
  })

  it('keeps a record HubSpot had: our fields emptied, the marker set, our communications removed, the rep’s note kept', async () => {
    const p = person(2, 'Bia Existente')
    const existing = await f.sim.createContact(f.portalId, {
      firstname: 'Bia',
      lastname: 'Existente',
      scrm_wa_phone: `+${p.waId}`,
    })
    await f.sim.webhooksIdle()
    await f.drain()
    const contactId = await synced(p, 2)
    await f.rt.api(`/api/v1/contacts/${contactId}/tags`, {
      method: 'POST',
      json: { key: 'vip', label: 'VIP' },
    })
    await f.drain()
    expect((await linkOf(contactId))?.record_id).toBe(existing)
    // Linked by HubSpot's creation event (not our upsert): not known to be ours.
    expect((await linkOf(contactId))?.created_by_us).not.toBe(true)
    const before = liveRecord(f.portalId, p.waId as string)
    expect(before?.properties.scrm_tags).toBe('vip')
    // A rep logged a call on the record themselves: not ours to remove.
    const { accessToken } = f.sim.issueToken(f.portalId)
    const repNote = await fetch(`${f.sim.url}/crm/v3/objects/communications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        properties: {
          hs_communication_channel_type: 'WHATS_APP',
          hs_communication_logged_from: 'CRM',
          hs_communication_body: 'Rep: ligar amanha',
          hs_timestamp: String(Date.now()),
        },
        associations: [
          {
            to: { id: existing },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 81 }],
          },
        ],
      }),
    })
    expect(repNote.status).toBe(201)
    const repNoteId = ((await repNote.json()) as { id: string }).id

    const answer = await erase(contactId)
    expect(answer.crm_records).toMatchObject([{ record_id: existing, action: 'mark' }])
    await f.drain()
    const after = f.sim.contacts(f.portalId).find((c) => c.id === existing)
    expect(after?.archived).toBe(false)
    // What is not ours (HubSpot's own name and email properties) is left as it was.
    for (const property of ['firstname', 'lastname', 'email'])
      expect(after?.properties[property] ?? null, property).toBe(before?.properties[property] ?? null)
    for (const property of ['scrm_wa_phone', 'scrm_tags', 'scrm_last_inbound_at', 'scrm_messages_30d'])
      expect(after?.properties[property] ?? '', property).toBe('')
    expect(Date.parse(after?.properties.scrm_erasure_requested_at as string)).toBeGreaterThan(
      Date.now() - 60_000,
    )
    const live = f.sim.communications(f.portalId).filter((c) => !c.archived)
    expect(live.some((c) => c.properties.hs_communication_body?.includes(WORDS(2)))).toBe(false)
    expect(live.some((c) => c.id === repNoteId)).toBe(true)
    expect(gdprCalls()).toHaveLength(0)
    expect(await status(answer.erasure_id)).toMatchObject([
      { action: 'mark', state: 'done', outcome: 'marked', activities_removed: 1 },
    ])
  })

  it('an upsert that matched a record HubSpot had records it as not ours', async () => {
    const p = person(3, 'Caio Casado')
    // Created without our webhook knowing (no delivery target): our upsert finds it by the key.
    f.sim.setWebhookTarget(null)
    const existing = await f.sim.createContact(f.portalId, { scrm_wa_phone: `+${p.waId}` })
    f.sim.setWebhookTarget(f.webhookUrl)
    const contactId = await synced(p, 3)
    expect(await linkOf(contactId)).toEqual({ record_id: existing, created_by_us: false })
  })

  it('waits through a HubSpot outage and finishes later; a refusal becomes a review item', async () => {
    const a = person(4, 'Duda Fora')
    const b = person(5, 'Edu Recusa')
    const idA = await synced(a, 4)
    const idB = await synced(b, 5)
    const recordA = liveRecord(f.portalId, a.waId as string)?.id
    const recordB = liveRecord(f.portalId, b.waId as string)?.id
    f.sim.resetRequests()
    f.sim.faults.failNext({ method: 'POST', pathPrefix: '/crm/v3/objects/contacts/gdpr-delete' }, 1, 503)
    const first = await erase(idA)
    // One round meets the outage: the erasure stays queued with the error, the record stays.
    await f.rt.crmSync.worker.runOnce()
    expect(await status(first.erasure_id)).toMatchObject([
      { state: 'pending', last_error: expect.stringContaining('503') },
    ])
    expect(liveRecord(f.portalId, a.waId as string)?.id).toBe(recordA)
    // The retry time passes (CRM_SYNC_RETRY_MS), a later round completes it.
    await f.drain()
    expect(await status(first.erasure_id)).toMatchObject([
      { state: 'done', outcome: 'deleted', last_error: null },
    ])
    expect(gdprCalls().map((r) => r.status)).toEqual([503, 204])
    expect(f.sim.contacts(f.portalId).some((c) => c.id === recordA)).toBe(false)

    f.sim.faults.failNext({ method: 'POST', pathPrefix: '/crm/v3/objects/contacts/gdpr-delete' }, 1, 403)
    const second = await erase(idB)
    await f.drain()
    expect(await status(second.erasure_id)).toMatchObject([
      { state: 'failed', outcome: null, last_error: expect.stringContaining('MISSING_SCOPES') },
    ])
    const review = await (await f.rt.api('/api/v1/review?status=open')).json()
    const item = review.items.find(
      (i: { detail: { reason?: string; record_id?: string } }) =>
        i.detail.reason === 'crm_erasure_failed' && i.detail.record_id === recordB,
    )
    expect(item).toMatchObject({ kind: 'sync_failed', contact_id: null })
    expect(item.detail.message).toContain(recordB)
    // The admin fixes the scopes and retries from the review queue: the record goes.
    expect(
      (await f.rt.api(`/api/v1/review/${item.id}`, { method: 'POST', json: { resolution: 'retry' } })).status,
    ).toBe(200)
    await f.drain()
    expect(await status(second.erasure_id)).toMatchObject([{ state: 'done', outcome: 'deleted' }])
    expect(f.sim.contacts(f.portalId).some((c) => c.id === recordB)).toBe(false)
  })

  it('a record already gone in HubSpot counts as done', async () => {
    const p = person(6, 'Fabi Sumida')
    const contactId = await synced(p, 6)
    const record = liveRecord(f.portalId, p.waId as string)?.id as string
    f.sim.setWebhookTarget(null)
    await f.sim.gdprDeleteContact(f.portalId, record)
    f.sim.setWebhookTarget(f.webhookUrl)
    const answer = await erase(contactId)
    await f.drain()
    expect(await status(answer.erasure_id)).toMatchObject([{ state: 'done', outcome: 'already_gone' }])
  })

  it('HubSpot’s privacy deletion is not echoed back, but the person’s record in another connected portal is erased; another workspace’s portal is untouched', async () => {
    // A second portal in the same workspace, and a third in another workspace.
    const run = await installPortal(f.rt, f.sim, OTHER_PORTAL, { adminKey: f.rt.config.ADMIN_API_KEY })
    expect(run.res.status).toBe(200)
    const created = await f.rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja Vizinha' } })
    const { api_key: foreignKey } = await created.json()
    await registerChannel(f.rt, NUMBER_B, 'BR', foreignKey)
    expect((await installPortal(f.rt, f.sim, FOREIGN_PORTAL, { adminKey: foreignKey })).res.status).toBe(200)
    const other = await connectionOf(f.rt, OTHER_PORTAL)

    const p = person(7, 'Gil Privado')
    await customerWrites(f.rt, NUMBER_B, p, 'Mensagem para a outra loja, numero 77')
    const contactId = await synced(p, 7)
    const foreignRecord = await eventually(async () => {
      await f.drain()
      return liveRecord(FOREIGN_PORTAL, p.waId as string)?.id
    })
    const here = liveRecord(f.portalId, p.waId as string)?.id as string
    const there = await eventually(async () => liveRecord(OTHER_PORTAL, p.waId as string)?.id)
    expect(here && there).toBeTruthy()
    f.sim.resetRequests()

    // The person asks HubSpot (first portal) to forget them.
    await f.sim.gdprDeleteContact(f.portalId, here)
    await eventually(async () => {
      await f.drain()
      return (
        (
          await queryRows<{ n: number }>(
            f.rt.db.db,
            sql`select count(*)::int as n from contacts where id = ${contactId}::uuid`,
          )
        )[0]?.n === 0
      )
    })
    await f.drain()
    expect(gdprCalls().filter((r) => r.portalId === f.portalId)).toHaveLength(0)
    expect(f.sim.contacts(OTHER_PORTAL).some((c) => c.id === there)).toBe(false)
    const rows = await queryRows<{ connection_id: string; state: string; outcome: string }>(
      f.rt.db.db,
      sql`select connection_id::text, state, outcome from crm_record_erasures where record_id in (${here}, ${there})`,
    )
    expect(rows).toEqual([{ connection_id: other.id, state: 'done', outcome: 'deleted' }])
    // That erasure has no erase answer to take an id from: the list shows it.
    const listed = await (await f.rt.api('/api/v1/erasures?state=done')).json()
    expect(listed.crm_records).toContainEqual(
      expect.objectContaining({
        connection_id: other.id,
        record_id: there,
        action: 'delete',
        outcome: 'deleted',
      }),
    )
    const foreign = await (await f.rt.api('/api/v1/erasures', { key: foreignKey })).json()
    expect(foreign.crm_records).toEqual([])
    expect(liveRecord(FOREIGN_PORTAL, p.waId as string)?.id).toBe(foreignRecord)
  })

  it('a person erased while their record was being written: the record the CRM just created is deleted again', async () => {
    const p = person(8, 'Hugo Corrida')
    await customerWrites(f.rt, NUMBER_A, p, WORDS(8))
    const contactId = await contactIdOf(f.rt, `+${p.waId}`)
    const [connection] = await f.rt.db.db
      .select()
      .from(crmConnections)
      .where(eq(crmConnections.id, f.connectionId))
    const real = f.rt.crmSync.connectorFor(connection as CrmConnection)
    // The erasure commits after the sync read the contact and before HubSpot answers its upsert.
    const racing = new Proxy(real, {
      get(target, name) {
        if (name === 'upsertContacts')
          return async (...args: Parameters<typeof real.upsertContacts>) => {
            const answer = await real.upsertContacts(...args)
            await erase(contactId)
            return answer
          }
        const value = Reflect.get(target, name, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    await syncConnectionRound(f.rt.db.db, connection as CrmConnection, racing, {
      settleMs: 0,
      maxWaitMs: 0,
      leaseMs: 30_000,
      maxAttempts: 3,
      retryDelayMs: 20,
    })
    const written = f.sim.contacts(f.portalId).find((c) => c.properties.scrm_wa_phone === `+${p.waId}`)
    expect(written).toBeDefined()
    const [orphan] = await queryRows<{ action: string; state: string }>(
      f.rt.db.db,
      sql`select action, state from crm_record_erasures where record_id = ${written?.id as string}`,
    )
    expect(orphan).toEqual({ action: 'delete', state: 'pending' })
    await f.drain()
    expect(f.sim.contacts(f.portalId).some((c) => c.id === written?.id)).toBe(false)
  })

  it('leaves no trace of an erased person’s number or words in any table once the CRM side is done', async () => {
    const tables = await queryRows<{ name: string }>(
      f.rt.db.db,
      sql`select table_name as name from information_schema.tables
           where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`,
    )
    const erasedPeople = [1, 2, 4, 5, 6, 8]
    for (const n of erasedPeople) {
      const p = person(n, '')
      for (const needle of [p.waId as string, WORDS(n)]) {
        const found: string[] = []
        for (const { name } of tables) {
          const [row] = await queryRows<{ n: number }>(
            f.rt.db.db,
            sql`select count(*)::int as n from ${sql.identifier(name)} t where position(${needle} in t::text) > 0`,
          )
          if (row && row.n > 0) found.push(`${name} (${row.n})`)
        }
        expect(found, needle).toEqual([])
      }
    }
  })
})
