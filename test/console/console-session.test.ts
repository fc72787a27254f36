import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consoleSessions } from '../../backend/src/db/schema'
import { ENGINES } from '../support/test-db'
import { startTestRuntime, TEST_ENV, type TestRuntime } from '../support/test-runtime'

const ORIGIN = 'http://localhost'

/** The console's sign-in as plain HTTP: the cookie, what it authorises, expiry, CSRF refusal, sign-out. */
describe.each(ENGINES)('console sessions on %s', (engine) => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startTestRuntime(engine, { CONSOLE_SESSION_HOURS: '2' })
  })
  afterAll(async () => rt?.close())

  const signIn = async (apiKey = TEST_ENV.ADMIN_API_KEY, origin: string | null = ORIGIN) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (origin) headers.origin = origin
    return rt.request('/console/session', {
      method: 'POST',
      headers,
      body: JSON.stringify({ api_key: apiKey }),
    })
  }
  const cookieOf = (res: Response) => {
    const header = res.headers.get('set-cookie') ?? ''
    return { header, pair: header.split(';')[0] as string }
  }

  it('exchanges an admin key for an HttpOnly, SameSite=Strict cookie that lasts CONSOLE_SESSION_HOURS', async () => {
    const res = await signIn()
    expect(res.status).toBe(200)
    const body = await res.json()
    const { header } = cookieOf(res)
    expect(header).toMatch(/^scrm_console=[\w-]{43};/)
    expect(header).toMatch(/HttpOnly/)
    expect(header).toMatch(/SameSite=Strict/)
    expect(header).not.toMatch(/Secure/)
    const hours = (Date.parse(body.expires_at) - Date.now()) / 3_600_000
    expect(hours).toBeGreaterThan(1.99)
    expect(hours).toBeLessThanOrEqual(2)
    // Only the token's hash is stored.
    const token = cookieOf(res).pair.split('=')[1] as string
    const rows = await rt.db.db.select().from(consoleSessions)
    expect(rows.some((r) => r.tokenHash === token)).toBe(false)
  })

  it('is Secure when the server is reached over https', async () => {
    const res = await rt.request('https://console.example.test/console/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://console.example.test' },
      body: JSON.stringify({ api_key: TEST_ENV.ADMIN_API_KEY }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/Secure/)
  })

  it('refuses a wrong key with the envelope and sets no cookie', async () => {
    const res = await signIn('not-a-key-0123456789abcdef')
    expect(res.status).toBe(401)
    expect((await res.json()).error.message).toBe('This API key is not valid or was revoked.')
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('authorises the same /api/v1 calls as the key, reads and (same-origin) writes', async () => {
    const { pair } = cookieOf(await signIn())
    const viaCookie = await rt.request('/api/v1/rules', { headers: { cookie: pair } })
    const viaKey = await rt.api('/api/v1/rules')
    expect(viaCookie.status).toBe(200)
    expect(await viaCookie.json()).toEqual(await viaKey.json())

    const write = await rt.request('/api/v1/settings/sending-policy', {
      method: 'PUT',
      headers: { cookie: pair, origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    })
    expect(write.status).not.toBe(401)
    expect(write.status).not.toBe(403)
  })

  it('refuses a cookie-authenticated change from another origin, or without an Origin (CSRF)', async () => {
    const { pair } = cookieOf(await signIn())
    const before = await (await rt.api('/api/v1/channels')).json()
    for (const origin of ['https://evil.example', null]) {
      const headers: Record<string, string> = { cookie: pair, 'content-type': 'application/json' }
      if (origin) headers.origin = origin
      const res = await rt.request('/api/v1/channels', {
        method: 'POST',
        headers,
        body: JSON.stringify({ phone_number_id: '123456789012345', access_token: 'EAAG-x-'.padEnd(40, 'x') }),
      })
      expect(res.status).toBe(403)
      const body = await res.json()
      expect(body.error.code).toBe('forbidden')
      expect(body.error.reason).toBe('csrf')
    }
    expect(await (await rt.api('/api/v1/channels')).json()).toEqual(before)
    // Signing in from another site is refused too (login CSRF).
    const foreign = await signIn(TEST_ENV.ADMIN_API_KEY, 'https://evil.example')
    expect(foreign.status).toBe(403)
    expect(foreign.headers.get('set-cookie')).toBeNull()
  })

  it('an expired session is refused with its own reason, on the session and on /api/v1', async () => {
    const res = await signIn()
    const { pair } = cookieOf(res)
    const { workspace_id } = await res.json()
    const current = await rt.request('/console/session', { headers: { cookie: pair } })
    expect(current.status).toBe(200)
    expect((await current.json()).workspace_id).toBe(workspace_id)

    await rt.db.db
      .update(consoleSessions)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(consoleSessions.workspaceId, workspace_id))
    for (const path of ['/console/session', '/api/v1/overview']) {
      const expired = await rt.request(path, { headers: { cookie: pair } })
      expect(expired.status).toBe(401)
      const body = await expired.json()
      expect(body.error.reason).toBe('session_expired')
      expect(body.error.message).toBe('Your console session has expired: sign in again.')
    }
  })

  it('signing out ends the session at once and clears the cookie', async () => {
    const { pair } = cookieOf(await signIn())
    const out = await rt.request('/console/session', {
      method: 'DELETE',
      headers: { cookie: pair, origin: ORIGIN },
    })
    expect(out.status).toBe(200)
    expect(out.headers.get('set-cookie')).toMatch(/scrm_console=;.*Max-Age=0/)
    const after = await rt.request('/api/v1/overview', { headers: { cookie: pair } })
    expect(after.status).toBe(401)
    expect((await after.json()).error.reason).toBe('no_session')
  })

  it('revoking the key ends the sessions it opened', async () => {
    const created = await rt.api('/api/v1/api-keys', { method: 'POST', json: { label: 'console test' } })
    const { id, api_key } = await created.json()
    const { pair } = cookieOf(await signIn(api_key))
    expect((await rt.request('/api/v1/overview', { headers: { cookie: pair } })).status).toBe(200)
    expect((await rt.api(`/api/v1/api-keys/${id}`, { method: 'DELETE' })).status).toBe(200)
    expect((await rt.request('/api/v1/overview', { headers: { cookie: pair } })).status).toBe(401)
  })
})
