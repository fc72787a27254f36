import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import { crmConnections } from '../../../backend/src/db/schema'
import { decryptSecret } from '../../../backend/src/lib/crypto'
import type { Sender } from '../../simulators/whatsapp/envelopes'
import { contactIdOf, customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../../support/test-runtime'
import { FakeCrm } from './fake-crm'
import { FAKE_AUTHORIZE_URL, fakeCardKey, fakeProvider, sign } from './fake-provider'

const ORG = 'org-42'
const cai: Sender = { waId: '5511987650301', name: 'Caio Lima' }

/**
 * Adding a CRM is one folder and one registration: an imaginary CRM, registered only here, goes
 * through install, sync, change notifications and card auth with no backend file naming it.
 */
describe.each(ENGINES)('a CRM plugged in through the provider registry (%s)', (engine) => {
  const crm = new FakeCrm()
  const calls = { afterInstall: [] as string[] }
  let rt: TestRuntime
  let connectionId: string
  let contactId: string
  let recordId: string

  const syncUntil = async <T>(read: () => T | undefined | false): Promise<T> => {
    for (let i = 0; i < 100; i++) {
      await rt.crmSync.worker.runOnce()
      const value = read()
      if (value) return value
      await new Promise((r) => setTimeout(r, 20))
    }
    throw new Error('the sync did not reach the fake CRM')
  }

  beforeAll(async () => {
    rt = await startTestRuntime(
      engine,
      { CRM_SYNC_SETTLE_MS: '0', CRM_SYNC_MAX_WAIT_MS: '0', CRM_SYNC_RETRY_MS: '20' },
      undefined,
      { crmProviders: [() => fakeProvider(crm, calls)] },
    )
    await registerChannel(rt, NUMBER_A)
  })
  afterAll(async () => {
    await rt?.close()
  })

  it('installs: authorize redirect, callback, connection stored with encrypted tokens', async () => {
    const started = await rt.api('/api/v1/connections/fake/install', { method: 'POST' })
    expect(started.status).toBe(200)
    const authorize = new URL((await started.json()).authorize_url)
    expect(`${authorize.origin}${authorize.pathname}`).toBe(FAKE_AUTHORIZE_URL)
    const redirectUri = authorize.searchParams.get('redirect_uri') as string
    expect(new URL(redirectUri).pathname).toBe('/oauth/fake/callback')
    // The marketplace entry point redirects to the same authorize page.
    const market = await rt.request('/oauth/fake/install')
    expect(market.status).toBe(302)
    expect(market.headers.get('location')).toContain(FAKE_AUTHORIZE_URL)

    const code = crm.authorize(ORG, redirectUri)
    const state = authorize.searchParams.get('state') as string
    const res = await rt.request(`/oauth/fake/callback?${new URLSearchParams({ code, state })}`, {
      headers: { accept: 'application/json' },
    })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ account_id: ORG, new_connection: true, setup_error: null })
    connectionId = body.connection_id

    const [row] = await rt.db.db
      .select()
      .from(crmConnections)
      .where(and(eq(crmConnections.provider, 'fake'), eq(crmConnections.accountId, ORG)))
    expect(row).toMatchObject({ id: connectionId, state: 'active', lastError: null, scopes: ['contacts'] })
    const access = decryptSecret(row?.accessTokenEnc as string, rt.deps.encryptionKey)
    expect(access).toMatch(/^fa-/)
    expect(row?.accessTokenEnc).not.toContain(access)
    expect(() => crm.account(access)).not.toThrow()
    expect(decryptSecret(row?.refreshTokenEnc as string, rt.deps.encryptionKey)).toMatch(/^fr-/)
    // The provider's own post-install step ran, then the engine created our properties there.
    expect(calls.afterInstall).toEqual([ORG])
    expect(crm.accounts.get(ORG)?.properties.get('fake_wa_phone')).toMatchObject({ type: 'string' })
  })

  it('syncs: a WhatsApp message becomes a contact and a logged message in the CRM', async () => {
    await customerWrites(rt, NUMBER_A, cai, 'Vocês entregam em Campinas?')
    contactId = await contactIdOf(rt, '+5511987650301')
    const account = crm.accounts.get(ORG)
    const message = await syncUntil(() => account?.messages[0])
    const record = account?.records.find((r) => r.properties.fake_wa_phone === '+5511987650301')
    expect(record).toBeDefined()
    recordId = record?.id as string
    expect(record?.properties.fake_lead_source).toBe('WhatsApp')
    expect(message).toMatchObject({ recordId, direction: 'inbound', body: 'Vocês entregam em Campinas?' })
    const [link] = await queryRows<{ record_id: string }>(
      rt.db.db,
      sql`select record_id from crm_record_links where contact_id = ${contactId} and connection_id = ${connectionId}`,
    )
    expect(link?.record_id).toBe(recordId)
  })

  it('applies a change notification: stored through the writer, then applied to the local contact', async () => {
    const delivery = JSON.stringify([
      {
        id: 'evt-1',
        account: ORG,
        at: Date.now(),
        record: recordId,
        property: 'fake_first_name',
        value: 'Caíque',
      },
    ])
    const forged = await rt.request('/webhooks/fake', {
      method: 'POST',
      body: delivery,
      headers: { 'content-type': 'application/json', 'x-fake-signature': sign('something else') },
    })
    expect(forged.status).toBe(401)
    const res = await rt.request('/webhooks/fake', {
      method: 'POST',
      body: delivery,
      headers: { 'content-type': 'application/json', 'x-fake-signature': sign(delivery) },
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ received: 1 })
    const [stored] = await queryRows<{ provider: string; account_id: string; event_id: string }>(
      rt.db.db,
      sql`select provider, account_id, event_id from crm_webhook_events`,
    )
    expect(stored).toEqual({ provider: 'fake', account_id: ORG, event_id: 'evt-1' })

    const [before] = await queryRows<{ attributes: Record<string, unknown> }>(
      rt.db.db,
      sql`select attributes from contacts where id = ${contactId}`,
    )
    expect(before?.attributes.first_name).not.toBe('Caíque')
    await rt.crmSync.worker.runOnce()
    const [contact] = await queryRows<{ attributes: Record<string, unknown> }>(
      rt.db.db,
      sql`select attributes from contacts where id = ${contactId}`,
    )
    expect(contact?.attributes).toMatchObject({ first_name: 'Caíque' })
    const [event] = await queryRows<{ outcome: string }>(
      rt.db.db,
      sql`select outcome from crm_webhook_events`,
    )
    expect(event?.outcome).toContain('first_name')
  })

  it('authenticates a card call by the CRM’s own scheme and reads the thread', async () => {
    const path = `/api/v1/thread?crm=fake&record_id=${recordId}`
    const url = `http://localhost${path}`
    const res = await rt.request(path, { headers: { 'x-fake-card': fakeCardKey(ORG, 'GET', url) } })
    expect(res.status).toBe(200)
    const view = await res.json()
    expect(view.contact.id).toBe(contactId)
    expect(view.messages.map((m: { text: string }) => m.text)).toContain('Vocês entregam em Campinas?')

    const forged = await rt.request(path, {
      headers: { 'x-fake-card': fakeCardKey(ORG, 'GET', `${url}&x=1`) },
    })
    expect(forged.status).toBe(401)
    const unknownOrg = await rt.request(path, {
      headers: { 'x-fake-card': fakeCardKey('org-nobody', 'GET', url) },
    })
    expect(unknownOrg.status).toBe(403)
    expect((await unknownOrg.json()).error.message).toBe(
      'Fakeforce org org-nobody has not installed the app.',
    )
  })

  it('disconnects through the provider: the refresh token is revoked at the CRM', async () => {
    const res = await rt.api(`/api/v1/connections/${connectionId}/disconnect`, { method: 'POST' })
    expect(res.status).toBe(200)
    expect((await res.json()).revocation).toBe('revoked')
    expect(crm.revoked).toHaveLength(1)
  })
})
