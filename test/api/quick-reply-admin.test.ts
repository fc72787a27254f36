import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contacts, quickReplies, rules } from '../../backend/src/db/schema'
import { ENGINES } from '../support/test-db'
import { startTestRuntime, type TestRuntime } from '../support/test-runtime'

interface Workspace {
  id: string
  key: string
}

/**
 * The console's quick-reply editor: deleting a reply (refused while a rule sends it), and the
 * draft preview that fills an unsaved body for a chosen contact. Two workspaces throughout, so
 * each call is also checked not to see or change the other's replies and contacts.
 */
describe.each(ENGINES)('quick reply delete and draft preview on %s', (engine) => {
  let rt: TestRuntime
  let a: Workspace
  let b: Workspace
  let ana: string

  const workspace = async (name: string): Promise<Workspace> => {
    const res = await rt.api('/api/v1/workspaces', { method: 'POST', json: { name } })
    expect(res.status).toBe(201)
    const { id, api_key: key } = await res.json()
    return { id, key }
  }
  const put = (ws: Workspace, key: string, body: string, defaults: Record<string, string> = {}) =>
    rt.api(`/api/v1/quick-replies/${key}`, {
      method: 'PUT',
      key: ws.key,
      json: { title: `Title ${key}`, body, defaults },
    })
  const keysOf = async (ws: Workspace) =>
    (await (await rt.api('/api/v1/quick-replies', { key: ws.key })).json()).quick_replies.map(
      (q: { key: string }) => q.key,
    ) as string[]

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    a = await workspace('Loja A')
    b = await workspace('Loja B')
    const [row] = await rt.db.db
      .insert(contacts)
      .values({ workspaceId: a.id, phoneE164: '+5511987650001', name: 'Ana Souza', language: 'pt' })
      .returning({ id: contacts.id })
    ana = row?.id as string
  })
  afterAll(async () => rt?.close())

  it('lists replies by key and deletes one no rule sends; the row is gone and a second delete is 404', async () => {
    expect((await put(a, 'zz_thanks', 'Obrigado, {{first_name}}!')).status).toBe(200)
    expect((await put(a, 'aa_hello', 'Olá')).status).toBe(200)
    const keys = await keysOf(a)
    expect(keys).toEqual([...keys].sort())
    expect(keys).toEqual(expect.arrayContaining(['aa_hello', 'zz_thanks']))

    const res = await rt.api('/api/v1/quick-replies/zz_thanks', { method: 'DELETE', key: a.key })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
    const left = await rt.db.db
      .select()
      .from(quickReplies)
      .where(and(eq(quickReplies.workspaceId, a.id), eq(quickReplies.key, 'zz_thanks')))
    expect(left).toEqual([])
    const again = await rt.api('/api/v1/quick-replies/zz_thanks', { method: 'DELETE', key: a.key })
    expect(again.status).toBe(404)
    expect((await again.json()).error.message).toBe('There is no quick reply "zz_thanks" in this workspace.')
  })

  it('refuses with 409 naming the rules while a rule sends the reply, and deletes it once they are gone', async () => {
    // The default pack of a new workspace sends store_location from its store_location rule(s).
    const users = (await rt.db.db.select().from(rules).where(eq(rules.workspaceId, a.id))).filter((r) =>
      JSON.stringify(r.definition).includes('"store_location"'),
    )
    expect(users.length).toBeGreaterThan(0)
    const refused = await rt.api('/api/v1/quick-replies/store_location', { method: 'DELETE', key: a.key })
    expect(refused.status).toBe(409)
    const { error } = await refused.json()
    expect(error.code).toBe('conflict')
    expect(error.message).toMatch(/^Quick reply "store_location" is sent by rules? /)
    for (const r of users) expect(error.message).toContain(r.key)
    expect(await keysOf(a)).toContain('store_location')

    // A rule of its own naming the reply as the not-found answer counts too.
    expect((await put(a, 'no_order', 'Não achei o pedido')).status).toBe(200)
    const rule = await rt.api('/api/v1/rules', {
      method: 'POST',
      key: a.key,
      json: {
        key: 'order_status_custom',
        name: 'Pedido',
        conditions: { all: [{ type: 'message', match: { text: { terms: { any: ['pedido'] } } } }] },
        actions: [{ type: 'reply_order_status', quick_reply: 'aa_hello', not_found_quick_reply: 'no_order' }],
      },
    })
    expect(rule.status).toBe(201)
    const blocked = await rt.api('/api/v1/quick-replies/no_order', { method: 'DELETE', key: a.key })
    expect(blocked.status).toBe(409)
    expect((await blocked.json()).error.message).toBe(
      'Quick reply "no_order" is sent by rule order_status_custom (Pedido); change or delete that rule first.',
    )
    const { id } = await rule.json()
    expect((await rt.api(`/api/v1/rules/${id}`, { method: 'DELETE', key: a.key })).status).toBe(200)
    expect((await rt.api('/api/v1/quick-replies/no_order', { method: 'DELETE', key: a.key })).status).toBe(
      200,
    )
  })

  it("another workspace can neither list nor delete a workspace's reply (404, as for a key nobody has)", async () => {
    expect(await keysOf(b)).not.toContain('aa_hello')
    const res = await rt.api('/api/v1/quick-replies/aa_hello', { method: 'DELETE', key: b.key })
    expect(res.status).toBe(404)
    expect(await keysOf(a)).toContain('aa_hello')
  })

  it('previews an unsaved body for a chosen contact, with defaults, given values and what is missing', async () => {
    const res = await rt.api('/api/v1/quick-replies/draft-preview', {
      method: 'POST',
      key: a.key,
      json: {
        body: 'Oi {{first_name}}, seu cupom é {{coupon}} e a loja {{shop}}. {{nothing}}',
        defaults: { shop: 'Centro' },
        contact_id: ana,
        variables: { coupon: 'ABC10' },
      },
    })
    expect(res.status).toBe(200)
    const preview = await res.json()
    expect(preview.contact_id).toBe(ana)
    expect(preview.text).toBe('Oi Ana, seu cupom é ABC10 e a loja Centro. {{nothing}}')
    expect(preview.language).toBe('pt')
    expect(preview.missing).toEqual(['nothing'])
    expect(preview.would_refuse).toBe(true)
    expect(preview.variables).toEqual(
      expect.arrayContaining([
        { name: 'first_name', value: 'Ana', source: 'contact' },
        { name: 'coupon', value: 'ABC10', source: 'given' },
        { name: 'shop', value: 'Centro', source: 'default' },
      ]),
    )
  })

  it('previews a draft with no contact, and refuses bad drafts with the field named', async () => {
    const bare = await rt.api('/api/v1/quick-replies/draft-preview', {
      method: 'POST',
      key: a.key,
      json: { body: 'Hello {{first_name}}', defaults: { first_name: 'there' } },
    })
    expect(bare.status).toBe(200)
    expect((await bare.json()).text).toBe('Hello there')

    const empty = await rt.api('/api/v1/quick-replies/draft-preview', {
      method: 'POST',
      key: a.key,
      json: { body: '' },
    })
    expect(empty.status).toBe(400)
    expect((await empty.json()).error.details[0].path).toBe('body')
  })

  it("another workspace's contact previews as not found, the same as an id nobody has", async () => {
    const theirs = await rt.api('/api/v1/quick-replies/draft-preview', {
      method: 'POST',
      key: b.key,
      json: { body: 'Oi {{first_name}}', contact_id: ana },
    })
    expect(theirs.status).toBe(404)
    const body = await theirs.json()
    expect(JSON.stringify(body)).not.toContain('Ana')
    expect(body.error.message).toBe('No such contact in this workspace.')
  })
})
