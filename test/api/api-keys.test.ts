import { afterEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../../backend/src/config'
import type { DbHandle } from '../../backend/src/db/client'
import { createLogger } from '../../backend/src/lib/logger'
import { type Runtime, startRuntime } from '../../backend/src/runtime'
import { ENGINES, openTestDb } from '../support/test-db'
import { startTestRuntime, TEST_ENV, type TestRuntime } from '../support/test-runtime'

const K1 = 'first-admin-key-0123456789abcdef'
const K2 = 'second-admin-key-0123456789abcdef'

interface KeyView {
  id: string
  scope: string
  workspace_id: string
  label: string
  from_config: boolean
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
  current: boolean
}

describe.each(ENGINES)('ADMIN_API_KEY rotation on %s', (engine) => {
  let db: DbHandle | undefined
  let rt: Runtime | undefined
  afterEach(async () => {
    await rt?.close()
    await db?.close()
    rt = undefined
    db = undefined
  })

  /** A start of the server on the same database, as a restart with another environment would be. */
  const start = async (adminKey: string) => {
    await rt?.close()
    const lines: string[] = []
    const logger = createLogger('info', { write: (l: string) => void lines.push(l) })
    rt = await startRuntime(parseConfig({ ...TEST_ENV, ADMIN_API_KEY: adminKey }), logger, {
      db: db as DbHandle,
      ownsDb: false,
    })
    return lines.map((l) => JSON.parse(l) as { level: number; msg: string })
  }
  const call = (key: string, path = '/api/v1/api-keys') =>
    Promise.resolve(
      rt?.app.request(path, { headers: { authorization: `Bearer ${key}` } }),
    ) as Promise<Response>

  it('a restart with a new key revokes the old one; the old key answers 401 and the new one works', async () => {
    db = await openTestDb(engine)
    await start(K1)
    expect((await call(K1)).status).toBe(200)

    const rotated = await start(K2)
    expect((await call(K1)).status).toBe(401)
    expect((await call(K2)).status).toBe(200)
    expect(rotated.find((l) => /previous key is revoked/.test(l.msg))?.level).toBe(40)

    const { api_keys: keys } = (await (await call(K2)).json()) as { api_keys: KeyView[] }
    expect(keys.map((k) => [k.scope, k.from_config, k.revoked_at !== null, k.current])).toEqual([
      ['platform', true, true, false],
      ['platform', true, false, true],
    ])
    // Both in the same workspace: the platform's data stays where it was.
    expect(new Set(keys.map((k) => k.workspace_id)).size).toBe(1)

    // The same key again changes nothing; the revoked key configured again is not revived.
    await start(K2)
    expect((await call(K2)).status).toBe(200)
    const back = await start(K1)
    expect((await call(K1)).status).toBe(401)
    expect((await call(K2)).status).toBe(200)
    expect(back.find((l) => /stays revoked/.test(l.msg))?.level).toBe(50)
  }, 180_000)
})

describe.each(ENGINES)('API keys through the API on %s', (engine) => {
  let rt: TestRuntime
  afterEach(async () => rt?.close())

  const newWorkspace = async (name: string) => {
    const res = await rt.api('/api/v1/workspaces', { method: 'POST', json: { name } })
    expect(res.status).toBe(201)
    return (await res.json()) as { id: string; api_key: string }
  }
  const list = async (key?: string, query = '') => {
    const res = await rt.api(`/api/v1/api-keys${query}`, { key })
    return { status: res.status, body: await res.json() }
  }

  it('lists id, scope, workspace, label, created, last used, revoked — never a secret or hash', async () => {
    rt = await startTestRuntime(engine)
    const b = await newWorkspace('Loja B')
    const created = await rt.api('/api/v1/api-keys', {
      method: 'POST',
      json: { label: 'zapier', workspace_id: b.id },
    })
    expect(created.status).toBe(201)
    const secretView = await created.json()
    expect(secretView).toMatchObject({
      scope: 'admin',
      workspace_id: b.id,
      label: 'zapier',
      revoked_at: null,
    })
    expect(secretView.api_key).toMatch(/^scrm_/)

    const { status, body } = await list()
    expect(status).toBe(200)
    const raw = JSON.stringify(body)
    for (const secret of [secretView.api_key, b.api_key, TEST_ENV.ADMIN_API_KEY])
      expect(raw).not.toContain(secret)
    expect(raw).not.toMatch(/hash|prefix/)
    expect(Object.keys(body.api_keys[0]).sort()).toEqual(
      [
        'created_at',
        'current',
        'from_config',
        'id',
        'label',
        'last_used_at',
        'revoked_at',
        'scope',
        'workspace_id',
      ].sort(),
    )
    // The platform key made this call: it shows as current, used just now.
    const platform = body.api_keys.find((k: KeyView) => k.current)
    expect(platform).toMatchObject({ scope: 'platform', from_config: true })
    expect(Date.now() - new Date(platform.last_used_at).getTime()).toBeLessThan(60_000)
    expect(body.api_keys.filter((k: KeyView) => k.workspace_id === b.id)).toHaveLength(2)

    // The new key works, for its workspace only.
    const mine = await list(secretView.api_key)
    expect(mine.status).toBe(200)
    expect(mine.body.api_keys.map((k: KeyView) => k.workspace_id)).toEqual([b.id, b.id])
  }, 90_000)

  it("keeps a workspace admin key to its own workspace's admin keys", async () => {
    rt = await startTestRuntime(engine)
    const a = await newWorkspace('Loja A')
    const b = await newWorkspace('Loja B')
    const platform = (await list()).body.api_keys.find((k: KeyView) => k.current) as KeyView
    const aKeys = (await list(undefined, `?workspace_id=${a.id}`)).body.api_keys as KeyView[]
    expect(aKeys).toHaveLength(1)
    const aKey = aKeys[0] as KeyView

    // Another workspace, its keys and the platform key do not exist for B.
    expect((await list(b.api_key, `?workspace_id=${a.id}`)).status).toBe(404)
    const bList = (await list(b.api_key)).body.api_keys as KeyView[]
    expect(bList.every((k) => k.workspace_id === b.id && k.scope === 'admin')).toBe(true)
    const createInA = await rt.api('/api/v1/api-keys', {
      method: 'POST',
      key: b.api_key,
      json: { label: 'sneaky', workspace_id: a.id },
    })
    expect(createInA.status).toBe(404)
    const createPlatform = await rt.api('/api/v1/api-keys', {
      method: 'POST',
      key: b.api_key,
      json: { label: 'sneaky', scope: 'platform' },
    })
    expect(createPlatform.status).toBe(403)
    for (const id of [aKey.id, platform.id]) {
      const res = await rt.api(`/api/v1/api-keys/${id}`, { method: 'DELETE', key: b.api_key })
      expect(res.status, id).toBe(404)
      expect((await res.json()).error.code).toBe('not_found')
    }
    // Nothing changed: A's key and the platform key still work.
    expect((await list(a.api_key)).status).toBe(200)
    expect((await list()).status).toBe(200)

    // B manages its own keys: a second key, revoked by the first.
    const second = await (
      await rt.api('/api/v1/api-keys', { method: 'POST', key: b.api_key, json: { label: 'second' } })
    ).json()
    const revoked = await rt.api(`/api/v1/api-keys/${second.id}`, { method: 'DELETE', key: b.api_key })
    expect(revoked.status).toBe(200)
    expect((await revoked.json()).revoked_at).not.toBeNull()
    expect((await list(second.api_key)).status).toBe(401)
    // Revoking again answers the same.
    expect((await rt.api(`/api/v1/api-keys/${second.id}`, { method: 'DELETE', key: b.api_key })).status).toBe(
      200,
    )
  }, 90_000)

  it('refuses the revocations that would lock someone out', async () => {
    rt = await startTestRuntime(engine)
    const b = await newWorkspace('Loja B')
    const keys = (await list()).body.api_keys as KeyView[]
    const platform = keys.find((k) => k.current) as KeyView
    const bKey = keys.find((k) => k.workspace_id === b.id) as KeyView

    // The last platform key cannot go.
    const last = await rt.api(`/api/v1/api-keys/${platform.id}`, { method: 'DELETE' })
    expect(last.status).toBe(409)
    expect((await last.json()).error.message).toMatch(/last platform key/)
    // The workspace's last admin key cannot revoke itself (the platform could).
    const self = await rt.api(`/api/v1/api-keys/${bKey.id}`, { method: 'DELETE', key: b.api_key })
    expect(self.status).toBe(409)
    expect((await list(b.api_key)).status).toBe(200)

    // With a second platform key, the first may go, and then answers 401.
    const spare = await (
      await rt.api('/api/v1/api-keys', { method: 'POST', json: { label: 'break-glass', scope: 'platform' } })
    ).json()
    expect(spare.scope).toBe('platform')
    expect((await rt.api(`/api/v1/api-keys/${platform.id}`, { method: 'DELETE' })).status).toBe(200)
    expect((await list()).status).toBe(401)
    expect((await list(spare.api_key)).status).toBe(200)
    // Now the spare is the last one.
    expect(
      (await rt.api(`/api/v1/api-keys/${spare.id}`, { method: 'DELETE', key: spare.api_key })).status,
    ).toBe(409)
  })

  it('answers 400 with the field named for a label that is not printable text', async () => {
    rt = await startTestRuntime(engine)
    for (const label of ['a\u0000b', '', 'x'.repeat(101), 'bad\ud800']) {
      const res = await rt.api('/api/v1/api-keys', { method: 'POST', json: { label } })
      expect(res.status, JSON.stringify(label)).toBe(400)
      expect(JSON.stringify(await res.json())).toContain('label')
    }
    expect((await rt.api('/api/v1/api-keys/not-a-uuid', { method: 'DELETE' })).status).toBe(400)
  })
})
