import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { singleText } from '../simulators/whatsapp/envelopes'
import { metaDelivery } from '../simulators/whatsapp/webhook-sender'
import { ENGINES } from '../support/test-db'
import {
  NUMBER_A,
  NUMBER_B,
  registerChannel,
  startTestRuntime,
  type TestRuntime,
} from '../support/test-runtime'

describe.each(ENGINES)('workspace isolation and API keys on %s', (engine) => {
  let rt: TestRuntime
  let otherKey: string

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    const created = await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja Dois' } })
    expect(created.status).toBe(201)
    otherKey = (await created.json()).api_key
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    expect((await registerChannel(rt, NUMBER_B, 'BR', otherKey)).status).toBe(201)
    for (const [number, body] of [
      [NUMBER_A, 'para a loja um'],
      [NUMBER_B, 'para a loja dois'],
    ] as const) {
      const d = metaDelivery(
        singleText(number, { waId: '5511977776666', name: 'Same Person' }, body),
        rt.config.WHATSAPP_APP_SECRET as string,
      )
      expect(
        (await rt.request('/webhooks/whatsapp', { method: 'POST', body: d.body, headers: d.headers })).status,
      ).toBe(200)
    }
    await rt.worker.drain()
  })
  afterAll(async () => rt?.close())

  it('shows each workspace only its own thread for the same phone number', async () => {
    const mine = await (await rt.api('/api/v1/thread?phone=%2B5511977776666')).json()
    const theirs = await (await rt.api('/api/v1/thread?phone=%2B5511977776666', { key: otherKey })).json()
    expect(mine.messages.map((m: { text: string }) => m.text)).toEqual(['para a loja um'])
    expect(theirs.messages.map((m: { text: string }) => m.text)).toEqual(['para a loja dois'])
    expect(mine.contact.id).not.toBe(theirs.contact.id)
    const byId = await (
      await rt.api(`/api/v1/thread?contact_id=${mine.contact.id}`, { key: otherKey })
    ).json()
    expect(byId.contact).toBeNull()
    expect(byId.messages).toEqual([])
  })

  it('lists only the workspace own channels and refuses platform-only routes to workspace keys', async () => {
    const channels = await (await rt.api('/api/v1/channels', { key: otherKey })).json()
    expect(channels.channels.map((c: { phone_number_id: string }) => c.phone_number_id)).toEqual([
      NUMBER_B.phoneNumberId,
    ])
    expect(channels.channels[0]).not.toHaveProperty('access_token')
    expect(channels.channels[0].has_access_token).toBe(true)
    const unrouted = await rt.api('/api/v1/unrouted', { key: otherKey })
    expect(unrouted.status).toBe(403)
    expect((await unrouted.json()).error.code).toBe('forbidden')
    const ws = await rt.api('/api/v1/workspaces', { method: 'POST', key: otherKey, json: { name: 'x' } })
    expect(ws.status).toBe(403)
  })

  it('refuses a number registered by another workspace with 409', async () => {
    const res = await registerChannel(rt, NUMBER_A, 'US', otherKey)
    expect(res.status).toBe(409)
    expect((await res.json()).error).toMatchObject({ code: 'conflict' })
  })

  it('rejects missing and unknown keys with the error envelope', async () => {
    const none = await rt.request('/api/v1/channels')
    expect(none.status).toBe(401)
    expect((await none.json()).error.code).toBe('unauthorized')
    const wrong = await rt.api('/api/v1/channels', { key: 'scrm_not-a-real-key' })
    expect(wrong.status).toBe(401)
  })

  it('stores the WhatsApp access token encrypted, never in clear', async () => {
    const { whatsappChannels } = await import('../../backend/src/db/schema')
    const rows = await rt.db.db.select().from(whatsappChannels)
    for (const row of rows) {
      expect(row.accessTokenEnc).toMatch(/^v1\./)
      expect(row.accessTokenEnc).not.toContain('EAAG-test-token-not-real')
    }
  })
})
