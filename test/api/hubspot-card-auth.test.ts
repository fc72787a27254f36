import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hubspotSignatureV3 } from '../../backend/src/crm/hubspot/request-signature'
import { customerWrites } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

const SECRET = 'hubspot-client-secret-test'
const PUBLIC = 'https://scrm.example.test'

describe.each(ENGINES)('HubSpot signed card requests on %s', (engine) => {
  let rt: TestRuntime
  let otherKey: string

  /** A request as HubSpot's proxy makes it: signed over method, public URL, body and timestamp. */
  const signed = (
    method: string,
    pathAndQuery: string,
    body?: unknown,
    opts: { ts?: number; secret?: string; tamper?: (s: string) => string } = {},
  ) => {
    const raw = body === undefined ? '' : JSON.stringify(body)
    const ts = String(opts.ts ?? Date.now())
    let signature = hubspotSignatureV3(opts.secret ?? SECRET, method, `${PUBLIC}${pathAndQuery}`, raw, ts)
    if (opts.tamper) signature = opts.tamper(signature)
    return rt.request(pathAndQuery, {
      method,
      body: raw || undefined,
      headers: {
        'content-type': 'application/json',
        'x-hubspot-signature-v3': signature,
        'x-hubspot-request-timestamp': ts,
      },
    })
  }

  beforeAll(async () => {
    rt = await startTestRuntime(engine, { HUBSPOT_CLIENT_SECRET: SECRET, PUBLIC_URL: PUBLIC })
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    expect(
      (
        await rt.api('/api/v1/connections', {
          method: 'POST',
          json: { provider: 'hubspot', account_id: '4455667' },
        })
      ).status,
    ).toBe(201)
    const other = await (
      await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Outra loja' } })
    ).json()
    otherKey = other.api_key
    expect(
      (
        await rt.api('/api/v1/connections', {
          method: 'POST',
          key: otherKey,
          json: { provider: 'hubspot', account_id: '9999999' },
        })
      ).status,
    ).toBe(201)
    await customerWrites(rt, NUMBER_A, { waId: '5511970000001', name: 'Lia' }, 'quero saber do meu pedido')
  })
  afterAll(async () => rt?.close())

  it('serves the thread for a HubSpot record, linking it by phone on first view', async () => {
    const res = await signed(
      'GET',
      '/api/v1/thread?crm=hubspot&record_id=101&portal_id=4455667&phone=%2B5511970000001',
    )
    expect(res.status).toBe(200)
    const view = await res.json()
    expect(view.contact).toMatchObject({ phone: '+5511970000001', name: 'Lia' })
    expect(view.messages.map((m: { text: string }) => m.text)).toEqual(['quero saber do meu pedido'])
    // Linked now: no phone needed next time.
    const again = await (
      await signed('GET', '/api/v1/thread?crm=hubspot&record_id=101&portal_id=4455667')
    ).json()
    expect(again.contact.id).toBe(view.contact.id)
    // A record with no link and no phone is an empty thread, not an error.
    const unknown = await (
      await signed('GET', '/api/v1/thread?crm=hubspot&record_id=202&portal_id=4455667')
    ).json()
    expect(unknown).toMatchObject({ contact: null, messages: [] })
  })

  it('sends as the agent and tags through signed calls', async () => {
    const view = await (
      await signed('GET', '/api/v1/thread?crm=hubspot&record_id=101&portal_id=4455667')
    ).json()
    const sent = await signed('POST', '/api/v1/messages?portal_id=4455667', {
      contact_id: view.contact.id,
      sender: 'automation',
      content: { type: 'text', text: 'Seu pedido sai hoje.' },
    })
    expect(sent.status).toBe(202)
    expect((await sent.json()).message.sender).toBe('agent')
    const tagged = await signed('POST', `/api/v1/contacts/${view.contact.id}/tags?portal_id=4455667`, {
      key: 'vip',
      label: 'VIP',
    })
    expect((await tagged.json()).tags.map((t: { key: string }) => t.key)).toEqual(['vip'])
    const untagged = await signed('DELETE', `/api/v1/contacts/${view.contact.id}/tags/vip?portal_id=4455667`)
    expect((await untagged.json()).tags).toEqual([])
  })

  it('refuses a tampered signature, a changed body, another secret or a stale timestamp', async () => {
    const path = '/api/v1/thread?crm=hubspot&record_id=101&portal_id=4455667'
    const tampered = await signed('GET', path, undefined, {
      tamper: (s) => `${s[0] === 'A' ? 'B' : 'A'}${s.slice(1)}`,
    })
    expect(tampered.status).toBe(401)
    expect((await tampered.json()).error.code).toBe('invalid_signature')
    expect((await signed('GET', path, undefined, { secret: 'someone-else' })).status).toBe(401)
    const stale = await signed('GET', path, undefined, { ts: Date.now() - 5 * 60 * 1000 - 1000 })
    expect(stale.status).toBe(401)
    expect((await stale.json()).error.message).toMatch(/older than 5 minutes/)
    // The signature covers the body: the same signature with another body is refused.
    const ts = String(Date.now())
    const signature = hubspotSignatureV3(
      SECRET,
      'POST',
      `${PUBLIC}/api/v1/messages?portal_id=4455667`,
      JSON.stringify({ a: 1 }),
      ts,
    )
    const swapped = await rt.request('/api/v1/messages?portal_id=4455667', {
      method: 'POST',
      body: JSON.stringify({ a: 2 }),
      headers: {
        'content-type': 'application/json',
        'x-hubspot-signature-v3': signature,
        'x-hubspot-request-timestamp': ts,
      },
    })
    expect(swapped.status).toBe(401)
  })

  it("never shows another portal's data: the workspace comes from the signed portal id", async () => {
    // Portal 9999999 belongs to the other workspace: the same record id and phone give nothing of ours.
    const theirs = await (
      await signed('GET', '/api/v1/thread?crm=hubspot&record_id=101&portal_id=9999999&phone=%2B5511970000001')
    ).json()
    expect(theirs.messages).toEqual([])
    const ours = await (
      await signed('GET', '/api/v1/thread?crm=hubspot&record_id=101&portal_id=4455667')
    ).json()
    const probe = await signed('GET', `/api/v1/thread?contact_id=${ours.contact.id}&portal_id=9999999`)
    expect((await probe.json()).contact).toBeNull()
    const notInstalled = await signed('GET', '/api/v1/thread?crm=hubspot&record_id=1&portal_id=1234')
    expect(notInstalled.status).toBe(403)
  })

  it('keeps cards out of admin routes', async () => {
    const res = await signed('PUT', '/api/v1/settings/sending-policy?portal_id=4455667', {
      same_content_max: 100,
    })
    expect(res.status).toBe(403)
    expect((await signed('GET', '/api/v1/templates?portal_id=4455667')).status).toBe(200)
    expect(
      (
        await signed('POST', '/api/v1/templates?portal_id=4455667', {
          name: 'x',
          language: 'en',
          category: 'utility',
        })
      ).status,
    ).toBe(403)
    const byBearer = await rt.api('/api/v1/thread?crm=hubspot&record_id=101')
    expect(byBearer.status).toBe(403)
  })
})
