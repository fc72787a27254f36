import { threadViewSchema } from '@scrm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { change, contactOf, envelope, text, wamid } from '../simulators/whatsapp/envelopes'
import { metaDelivery } from '../simulators/whatsapp/webhook-sender'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

describe.each(ENGINES)('thread API on %s', (engine) => {
  let rt: TestRuntime
  const person = { waId: '5521999990001', name: 'Paula' }
  const ids = Array.from({ length: 75 }, () => wamid())
  const base = Date.now() - 30 * 60 * 60 * 1000

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    // 75 messages, one per minute, ending 30 h ago: the 24 h window is closed.
    const messages = ids.map((id, i) => text(person, `message ${i}`, new Date(base - (74 - i) * 60_000), id))
    const payload = envelope([
      { wabaId: NUMBER_A.wabaId, changes: [change(NUMBER_A, { contacts: [contactOf(person)], messages })] },
    ])
    const d = metaDelivery(payload, rt.config.WHATSAPP_APP_SECRET as string)
    expect(
      (await rt.request('/webhooks/whatsapp', { method: 'POST', body: d.body, headers: d.headers })).status,
    ).toBe(200)
    await rt.worker.drain()
  })
  afterAll(async () => rt?.close())

  it('pages from newest to oldest with a cursor, each page oldest first, with no gap or repeat', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const query: string = cursor ? `&cursor=${cursor}` : ''
      const res = await rt.api(`/api/v1/thread?phone=%2B${person.waId}&limit=30${query}`)
      expect(res.status).toBe(200)
      const view = threadViewSchema.parse(await res.json())
      const texts = view.messages.map((m) => m.text as string)
      seen.unshift(...texts)
      cursor = view.next_cursor
      pages += 1
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toEqual(ids.map((_, i) => `message ${i}`))
  })

  it('reports the 24 h window as closed 30 hours after the last inbound message', async () => {
    const view = await (await rt.api(`/api/v1/thread?phone=%2B${person.waId}&limit=1`)).json()
    expect(view.window).toEqual({ state: 'closed', open_until: null })
    expect(view.contact).toMatchObject({ phone: `+${person.waId}`, name: 'Paula', opt_in: 'unknown' })
  })

  it("follows the workspace's window length, as the sending policy does", async () => {
    // 30 h after the last message: closed at 24 h, open at 72 h (the free-entry-point window).
    await rt.api('/api/v1/settings/sending-policy', { method: 'PUT', json: { window_hours: 72 } })
    const open = await (await rt.api(`/api/v1/thread?phone=%2B${person.waId}&limit=1`)).json()
    expect(open.window.state).toBe('open')
    expect(new Date(open.window.open_until).getTime() - base).toBe(72 * 3_600_000 - (base % 1000))
    await rt.api('/api/v1/settings/sending-policy', { method: 'PUT', json: {} })
    const closed = await (await rt.api(`/api/v1/thread?phone=%2B${person.waId}&limit=1`)).json()
    expect(closed.window).toEqual({ state: 'closed', open_until: null })
  })

  it('accepts the phone in other notations and answers an unknown person with an empty thread', async () => {
    const local = await rt.api(`/api/v1/thread?phone=${encodeURIComponent('+55 (21) 99999-0001')}&limit=1`)
    expect((await local.json()).contact.name).toBe('Paula')
    // Typed into a URL as the README shows it, unencoded: the "+" arrives as a space.
    const literal = await rt.api('/api/v1/thread?phone=+5521999990001&limit=1')
    expect(literal.status).toBe(200)
    expect((await literal.json()).contact.name).toBe('Paula')
    const nobody = await (await rt.api('/api/v1/thread?phone=%2B5521988887777')).json()
    expect(nobody).toEqual({
      contact: null,
      tags: [],
      window: { state: 'closed', open_until: null },
      messages: [],
      next_cursor: null,
    })
  })

  it('rejects bad input with the error envelope and a reason', async () => {
    const cases: [string, RegExp][] = [
      ['/api/v1/thread', /exactly one of phone or contact_id/],
      ['/api/v1/thread?phone=hello', /not a valid E\.164/],
      ['/api/v1/thread?phone=%2B5521999990001&limit=1000', /limit/],
      ['/api/v1/thread?phone=%2B5521999990001&cursor=bm9wZQ', /cursor/],
    ]
    for (const [path, reason] of cases) {
      const res = await rt.api(path)
      expect(res.status, path).toBe(400)
      const body = await res.json()
      expect(body.error.code).toBe('validation_failed')
      expect(body.error.message).toMatch(reason)
    }
  })
})

describe('API description', () => {
  it('serves an OpenAPI 3.1 document naming the routes, and a docs page', async () => {
    const rt = await startTestRuntime('pglite')
    try {
      const doc = await (await rt.request('/openapi.json')).json()
      expect(doc.openapi).toBe('3.1.0')
      for (const path of [
        '/api/v1/thread',
        '/api/v1/channels',
        '/api/v1/dead-letters',
        '/api/v1/dead-letters/{id}/replay',
        '/api/v1/messages/{id}',
        '/api/v1/api-keys',
        '/api/v1/api-keys/{id}',
        '/webhooks/whatsapp',
      ]) {
        expect(Object.keys(doc.paths)).toContain(path)
      }
      const docs = await rt.request('/docs')
      expect(docs.status).toBe(200)
      expect(await docs.text()).toContain('/openapi.json')
    } finally {
      await rt.close()
    }
  })
})
