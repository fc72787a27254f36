import { readFileSync } from 'node:fs'
import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HUBSPOT_OPTIONAL_SCOPES, HUBSPOT_REQUIRED_SCOPES } from '../../../backend/src/crm/hubspot/oauth'
import { parseScopeList } from '../../../backend/src/crm/hubspot/oauth/scopes'
import { crmConnections, oauthStates, workspaces } from '../../../backend/src/db/schema'
import { HUBSPOT_SIM_DEFAULTS, type HubspotSimulator, startHubspotSimulator } from '../../simulators/hubspot'
import { ENGINES } from '../../support/test-db'
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime'
import {
  callback,
  capturedLogs,
  connectionOf,
  hubspotEnv,
  installPortal,
  PUBLIC,
  startInstall,
  TOKEN_PATH,
  tokensOf,
} from './oauth-support'

describe('HubSpot install scopes', () => {
  it('are the scopes the HubSpot app declares (HubSpot refuses an authorize URL that differs)', () => {
    const app = JSON.parse(readFileSync('hubspot-app/src/app/app-hsmeta.json', 'utf8'))
    expect([...HUBSPOT_REQUIRED_SCOPES].sort()).toEqual([...app.config.auth.requiredScopes].sort())
    expect([...HUBSPOT_OPTIONAL_SCOPES].sort()).toEqual([...app.config.auth.optionalScopes].sort())
    expect(app.config.auth.redirectUrls.every((u: string) => u.endsWith('/oauth/hubspot/callback'))).toBe(
      true,
    )
  })

  it('reads a scope list however an operator separates it', () => {
    const scope = fc.stringMatching(/^[a-z][a-z._]{0,30}$/)
    const separator = fc.constantFrom(' ', ',', ', ', '\n', '  ')
    fc.assert(
      fc.property(fc.array(fc.tuple(scope, separator), { maxLength: 12 }), (parts) => {
        const text = parts.map(([s, sep]) => `${s}${sep}`).join('')
        expect(parseScopeList(text, ['fallback'])).toEqual([...new Set(parts.map(([s]) => s))])
      }),
    )
    expect(parseScopeList(undefined, HUBSPOT_REQUIRED_SCOPES)).toEqual([...HUBSPOT_REQUIRED_SCOPES])
  })
})

describe.each(ENGINES)('HubSpot marketplace install on %s', (engine) => {
  let rt: TestRuntime
  let sim: HubspotSimulator
  const logs = capturedLogs()
  const installed: string[] = []

  beforeAll(async () => {
    sim = await startHubspotSimulator()
    rt = await startTestRuntime(engine, hubspotEnv(sim), logs.logger)
    rt.deps.crmInstall = { onInstalled: async (id) => void installed.push(id) }
  })
  afterAll(async () => {
    await rt?.close()
    await sim?.close()
  })

  it('redirects to HubSpot with the client id, scopes, our callback and a fresh 10-minute state', async () => {
    const res = await rt.request('/oauth/hubspot/install')
    expect(res.status).toBe(302)
    const to = new URL(res.headers.get('location') as string)
    expect(`${to.origin}${to.pathname}`).toBe(`${sim.url}/oauth/authorize`)
    expect(to.searchParams.get('client_id')).toBe(HUBSPOT_SIM_DEFAULTS.clientId)
    expect(to.searchParams.get('redirect_uri')).toBe(`${PUBLIC}/oauth/hubspot/callback`)
    expect(to.searchParams.get('scope')?.split(' ')).toEqual([...HUBSPOT_REQUIRED_SCOPES])
    expect(to.searchParams.has('optional_scope')).toBe(false)
    const state = to.searchParams.get('state') as string
    expect(state.length).toBeGreaterThanOrEqual(40)
    const [row] = await rt.db.db.select().from(oauthStates).where(eq(oauthStates.state, state))
    expect(row?.workspaceId).toBeNull()
    const ttl = (row?.expiresAt.getTime() ?? 0) - Date.now()
    expect(ttl).toBeGreaterThan(9 * 60_000)
    expect(ttl).toBeLessThanOrEqual(10 * 60_000)
  })

  it('stores a new portal encrypted in a workspace of its own and shows its admin key once', async () => {
    const { res } = await installPortal(rt, sim, 62515)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const page = await res.text()
    expect(page).toContain('Installed')
    const apiKey = /<code>(scrm_[^<]+)<\/code>/.exec(page)?.[1] as string
    expect(apiKey).toBeTruthy()

    const row = await connectionOf(rt, 62515)
    expect(row).toMatchObject({ state: 'active', lastError: null, scopes: [...HUBSPOT_REQUIRED_SCOPES] })
    const { access, refresh } = tokensOf(rt, row)
    expect(access).toMatch(/^C/)
    expect(refresh).toMatch(/^na1-/)
    expect(row.accessTokenEnc).not.toContain(access)
    expect(row.refreshTokenEnc).not.toContain(refresh)
    expect((row.tokenExpiresAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(1700_000)
    expect(installed).toEqual([row.id])
    const [workspace] = await rt.db.db.select().from(workspaces).where(eq(workspaces.id, row.workspaceId))
    expect(workspace?.name).toBe('HubSpot portal 62515')
    expect(sim.requests.filter((r) => r.path === TOKEN_PATH).map((r) => r.status)).toEqual([200])

    // The key shown on the page administers exactly that workspace.
    const listed = await (await rt.api('/api/v1/connections', { key: apiKey })).json()
    expect(listed.connections).toHaveLength(1)
    expect(listed.connections[0]).toMatchObject({
      id: row.id,
      account_id: '62515',
      state: 'active',
      authorized: true,
      last_error: null,
      scopes: [...HUBSPOT_REQUIRED_SCOPES],
    })
    expect(JSON.stringify(listed)).not.toContain(access)
  })

  it('updates the same connection with new tokens when the portal installs again', async () => {
    const before = await connectionOf(rt, 62515)
    const { res } = await installPortal(rt, sim, 62515)
    expect(res.status).toBe(200)
    const page = await res.text()
    expect(page).toContain('again')
    expect(page).not.toContain('<code>')
    const after = await connectionOf(rt, 62515)
    expect(after.id).toBe(before.id)
    expect(after.workspaceId).toBe(before.workspaceId)
    expect(tokensOf(rt, after).access).not.toBe(tokensOf(rt, before).access)
    expect(after.installedAt?.getTime()).toBeGreaterThan(before.installedAt?.getTime() ?? 0)
    expect(await rt.db.db.select().from(workspaces)).toHaveLength(2)
    expect(installed).toEqual([before.id, before.id])
  })

  it('attaches a portal to the workspace whose admin started the install, and reclaims a hand-made link', async () => {
    const linked = await rt.api('/api/v1/connections', {
      method: 'POST',
      json: { provider: 'hubspot', account_id: '70001' },
    })
    const link = await linked.json()
    expect(link).toMatchObject({ account_id: '70001', authorized: false, scopes: [] })
    const { res, authorizeUrl } = await installPortal(rt, sim, 70001, {
      adminKey: rt.config.ADMIN_API_KEY,
      accept: 'application/json',
    })
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(`${PUBLIC}/oauth/hubspot/callback`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({
      portal_id: '70001',
      new_connection: false,
      workspace: null,
      setup_error: null,
    })
    const row = await connectionOf(rt, 70001)
    expect(row.id).toBe(link.id)
    const admin = await (await rt.api('/api/v1/connections')).json()
    expect(admin.connections.map((c: { account_id: string }) => c.account_id)).toEqual(['70001'])
    expect(admin.connections[0]).toMatchObject({ authorized: true, state: 'active' })

    // A brand-new portal installed from the admin's link joins the admin's workspace too.
    const fresh = await installPortal(rt, sim, 70002, {
      adminKey: rt.config.ADMIN_API_KEY,
      accept: 'application/json',
    })
    expect(await fresh.res.json()).toMatchObject({ new_connection: true, workspace: null })
    expect((await connectionOf(rt, 70002)).workspaceId).toBe(row.workspaceId)
  })

  it('gives a portal to whoever proves it by OAuth, never to a workspace that only typed its id', async () => {
    // Another workspace links the portal by hand before its owner installs the app.
    const squatter = await (
      await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Squatter' } })
    ).json()
    const claimed = await rt.api('/api/v1/connections', {
      method: 'POST',
      key: squatter.api_key,
      json: { provider: 'hubspot', account_id: '70009' },
    })
    expect(claimed.status).toBe(201)

    // The owner installs from the marketplace: a workspace of its own gets the portal and tokens.
    const { res } = await installPortal(rt, sim, 70009)
    expect(res.status).toBe(200)
    const row = await connectionOf(rt, 70009)
    expect(row.workspaceId).not.toBe(squatter.id)
    expect(row.state).toBe('active')
    const theirs = await (await rt.api('/api/v1/connections', { key: squatter.api_key })).json()
    expect(theirs.connections).toEqual([])

    // A hand-made link in another workspace does not block an install started from an admin's workspace either.
    const again = await rt.api('/api/v1/connections', {
      method: 'POST',
      key: squatter.api_key,
      json: { provider: 'hubspot', account_id: '70010' },
    })
    expect(again.status).toBe(201)
    const started = await installPortal(rt, sim, 70010, {
      adminKey: rt.config.ADMIN_API_KEY,
      accept: 'application/json',
    })
    expect(started.res.status).toBe(200)
    expect((await connectionOf(rt, 70010)).workspaceId).not.toBe(squatter.id)
  })

  it('refuses to move a portal that belongs to another workspace', async () => {
    const { res } = await installPortal(rt, sim, 62515, { adminKey: rt.config.ADMIN_API_KEY })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('connected to another workspace')
    const row = await connectionOf(rt, 62515)
    const [ws] = await rt.db.db.select().from(workspaces).where(eq(workspaces.id, row.workspaceId))
    expect(ws?.name).toBe('HubSpot portal 62515')
  })

  it('answers 400 for a used, unknown or missing state and keeps no connection', async () => {
    const { state } = await installPortal(rt, sim, 80001, { accept: 'application/json' })
    const replay = await callback(rt, { code: sim.authorize(80002), state }, 'application/json')
    expect(replay.status).toBe(400)
    expect((await replay.json()).error.code).toBe('bad_request')
    const unknown = await callback(rt, { code: sim.authorize(80002), state: 'not-a-state-we-issued' })
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('expired or was already used')
    const missing = await callback(rt, { state: 'x' }, 'application/json')
    expect(missing.status).toBe(400)
    const rows = await rt.db.db.select().from(crmConnections).where(eq(crmConnections.accountId, '80002'))
    expect(rows).toHaveLength(0)
  })

  it('answers 400 when HubSpot refuses the code, storing nothing', async () => {
    const url = await startInstall(rt)
    const res = await callback(rt, { code: 'made-up-code', state: url.searchParams.get('state') as string })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('refused the authorization code')
    expect(sim.requests.at(-1)).toMatchObject({ path: TOKEN_PATH, status: 400 })
  })

  it('shows a 400 page when the installer denies access, escaping what HubSpot echoes', async () => {
    const url = await startInstall(rt)
    const state = url.searchParams.get('state') as string
    const denied = await callback(rt, {
      error: 'access_denied',
      error_description: '<script>x()</script>',
      state,
    })
    expect(denied.status).toBe(400)
    const page = await denied.text()
    expect(page).toContain('Installation cancelled')
    expect(page).not.toContain('<script>')
    const other = await callback(rt, { error: 'invalid_scope', error_description: '<img src=x onerror=y>' })
    const otherPage = await other.text()
    expect(otherPage).toContain('&lt;img src=x onerror=y&gt;')
    expect(otherPage).not.toContain('<img')
    // The state is spent: coming back with a code on it is refused.
    expect((await callback(rt, { code: sim.authorize(80003), state })).status).toBe(400)
  })

  it('keeps the tokens and records the error when the post-install setup fails', async () => {
    rt.deps.crmInstall = {
      onInstalled: async () => {
        throw new Error('property group could not be created (HTTP 403)')
      },
    }
    try {
      const { res } = await installPortal(rt, sim, 90001)
      expect(res.status).toBe(200)
      const page = await res.text()
      expect(page).toContain('Installed, with a problem')
      expect(page).toContain('property group could not be created')
      const row = await connectionOf(rt, 90001)
      expect(tokensOf(rt, row).refresh).toMatch(/^na1-/)
      expect(row.lastError).toContain('property group could not be created (HTTP 403)')
    } finally {
      rt.deps.crmInstall = { onInstalled: async (id) => void installed.push(id) }
    }
  })

  it('redirects a re-install to the configured success URL', async () => {
    rt.config.HUBSPOT_INSTALL_SUCCESS_URL = 'https://app.example.test/hubspot/installed'
    try {
      const { res } = await installPortal(rt, sim, 62515)
      expect(res.status).toBe(302)
      const to = new URL(res.headers.get('location') as string)
      expect(to.pathname).toBe('/hubspot/installed')
      expect(to.searchParams.get('portal_id')).toBe('62515')
      expect(to.searchParams.get('status')).toBe('installed')
      expect(to.search).not.toMatch(/token|key/i)
    } finally {
      rt.config.HUBSPOT_INSTALL_SUCCESS_URL = undefined
    }
  })

  it('answers 503 while the app credentials are not configured, and documents the routes', async () => {
    const clientId = rt.config.HUBSPOT_CLIENT_ID
    rt.config.HUBSPOT_CLIENT_ID = undefined
    try {
      const page = await rt.request('/oauth/hubspot/install')
      expect(page.status).toBe(503)
      expect(await page.text()).toContain('HUBSPOT_CLIENT_ID')
      const api = await rt.api('/api/v1/connections/hubspot/install', { method: 'POST' })
      expect(api.status).toBe(503)
      expect((await api.json()).error.code).toBe('not_configured')
    } finally {
      rt.config.HUBSPOT_CLIENT_ID = clientId
    }
    const doc = await (await rt.request('/openapi.json')).json()
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/oauth/hubspot/install',
        '/oauth/hubspot/callback',
        '/api/v1/connections/hubspot/install',
        '/api/v1/connections/{id}/disconnect',
      ]),
    )
  })

  it('never writes a token, the client secret or a new API key to the log', async () => {
    const rows = await rt.db.db.select().from(crmConnections)
    const secrets = rows.flatMap((r) => Object.values(tokensOf(rt, r))).filter((s): s is string => !!s)
    expect(secrets.length).toBeGreaterThan(4)
    const logged = logs.text()
    expect(logged).toContain('hubspot app installed')
    for (const secret of [...secrets, HUBSPOT_SIM_DEFAULTS.clientSecret]) expect(logged).not.toContain(secret)
    expect(logged).not.toMatch(/scrm_[A-Za-z0-9_-]{20,}/)
  })
})
