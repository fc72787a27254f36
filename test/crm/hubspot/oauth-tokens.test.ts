import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AUTH_ERROR_PREFIX, getAccessToken } from '../../../backend/src/crm/hubspot/oauth'
import { CrmAuthError as HubspotAuthError } from '../../../backend/src/crm/oauth'
import { HUBSPOT_SIM_DEFAULTS, type HubspotSimulator, startHubspotSimulator } from '../../simulators/hubspot'
import { ENGINES } from '../../support/test-db'
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime'
import {
  capturedLogs,
  connectionOf,
  hubspotEnv,
  installPortal,
  TOKEN_PATH,
  tokenRequests,
  tokensOf,
} from './oauth-support'

/** Access tokens live 400 s and are refreshed when fewer than 300 s remain. */
const TTL_S = 400
const MARGIN_S = 300

describe.each(ENGINES)('HubSpot tokens: refresh, revocation and disconnect on %s', (engine) => {
  let rt: TestRuntime
  let sim: HubspotSimulator
  const logs = capturedLogs()
  const seenSecrets = new Set<string>()
  /** Each portal installed from the marketplace has its own workspace, whose key the install page showed. */
  const keys = new Map<number, string>()
  const keyOf = (portalId: number) => keys.get(portalId) as string

  /** A clock at which the stored token has `left` seconds to live. */
  const when = async (portalId: number, left: number) => {
    const row = await connectionOf(rt, portalId)
    const at = new Date((row.tokenExpiresAt?.getTime() ?? 0) - left * 1000)
    return () => at
  }
  const remember = async (portalId: number) => {
    const t = tokensOf(rt, await connectionOf(rt, portalId))
    for (const s of [t.access, t.refresh]) if (s) seenSecrets.add(s)
    return t
  }
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected a HubspotAuthError')
      },
      (e: unknown) => {
        expect(e).toBeInstanceOf(HubspotAuthError)
        return e as HubspotAuthError
      },
    )
  /** HubSpot's side of an uninstall: the refresh token stops working. */
  const revokeAtHubspot = (refreshToken: string) =>
    fetch(`${sim.url}/oauth/2026-03/token/revoke`, {
      method: 'POST',
      body: new URLSearchParams({
        token: refreshToken,
        client_id: HUBSPOT_SIM_DEFAULTS.clientId,
        client_secret: HUBSPOT_SIM_DEFAULTS.clientSecret,
      }),
    })

  beforeAll(async () => {
    sim = await startHubspotSimulator({ accessTokenTtlSeconds: TTL_S })
    rt = await startTestRuntime(
      engine,
      hubspotEnv(sim, { HUBSPOT_TOKEN_REFRESH_MARGIN_SECONDS: String(MARGIN_S) }),
      logs.logger,
    )
    for (const portal of [1001, 1002, 1003]) {
      const { res } = await installPortal(rt, sim, portal)
      expect(res.status).toBe(200)
      keys.set(portal, /<code>(scrm_[^<]+)<\/code>/.exec(await res.text())?.[1] as string)
    }
  })
  afterAll(async () => {
    await rt?.close()
    await sim?.close()
  })

  it('hands out the stored token while it has more than the margin to live', async () => {
    const row = await connectionOf(rt, 1001)
    const before = tokenRequests(sim)
    expect(await getAccessToken(rt.deps, row.id)).toBe((await remember(1001)).access)
    expect(tokenRequests(sim)).toBe(before)
  })

  it('refreshes ahead of expiry and stores the new token encrypted', async () => {
    const row = await connectionOf(rt, 1001)
    const old = await remember(1001)
    const now = await when(1001, 200)
    const before = tokenRequests(sim)
    const token = await getAccessToken(rt.deps, row.id, { now })
    expect(tokenRequests(sim)).toBe(before + 1)
    expect(token).not.toBe(old.access)
    const after = await connectionOf(rt, 1001)
    expect(tokensOf(rt, after)).toEqual({ access: token, refresh: old.refresh })
    expect(after.accessTokenEnc).not.toContain(token)
    expect(after.tokenExpiresAt?.getTime()).toBe(now().getTime() + TTL_S * 1000)
    await remember(1001)
    // The new token works at HubSpot.
    const res = await fetch(`${sim.url}/crm/v3/properties/contacts/groups`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(res.status).toBe(200)
  })

  it('refreshes once when many callers need a new token at the same moment', async () => {
    const row = await connectionOf(rt, 1001)
    const now = await when(1001, 100)
    const before = tokenRequests(sim)
    const tokens = await Promise.all([1, 2, 3].map(() => getAccessToken(rt.deps, row.id, { now })))
    expect(tokenRequests(sim)).toBe(before + 1)
    expect(new Set(tokens).size).toBe(1)
    expect(tokensOf(rt, await connectionOf(rt, 1001)).access).toBe(tokens[0])
    await remember(1001)
  })

  it('refreshes a token HubSpot rejected even though it looks fresh', async () => {
    const row = await connectionOf(rt, 1002)
    const { access } = await remember(1002)
    const before = tokenRequests(sim)
    const token = await getAccessToken(rt.deps, row.id, { rejectedToken: access as string })
    expect(token).not.toBe(access)
    expect(tokenRequests(sim)).toBe(before + 1)
    await remember(1002)
  })

  it('reports HubSpot 5xx as retryable and keeps the tokens', async () => {
    const row = await connectionOf(rt, 1002)
    const kept = await remember(1002)
    sim.faults.failNext({ method: 'POST', pathPrefix: TOKEN_PATH }, 1, 503)
    const error = await failure(getAccessToken(rt.deps, row.id, { now: await when(1002, 10) }))
    expect(error.reason).toBe('unavailable')
    expect(error.retryable).toBe(true)
    const after = await connectionOf(rt, 1002)
    expect(tokensOf(rt, after)).toEqual(kept)
    expect(after.lastError).toBeNull()
  })

  it('marks the connection for re-install when HubSpot refuses the refresh token', async () => {
    const row = await connectionOf(rt, 1003)
    const { refresh } = await remember(1003)
    expect((await revokeAtHubspot(refresh as string)).status).toBe(204)
    const error = await failure(getAccessToken(rt.deps, row.id, { now: await when(1003, 60) }))
    expect(error.reason).toBe('grant_rejected')
    expect(error.retryable).toBe(false)
    const after = await connectionOf(rt, 1003)
    expect(after.state).toBe('active')
    expect(after.lastError).toMatch(new RegExp(`^${AUTH_ERROR_PREFIX}.*install the app again`))
    expect(after.refreshTokenEnc).toBeNull()
    // Later callers learn it without asking HubSpot again.
    const before = tokenRequests(sim)
    expect((await failure(getAccessToken(rt.deps, row.id))).reason).toBe('reauth_required')
    expect(tokenRequests(sim)).toBe(before)
    const listed = await (await rt.api('/api/v1/connections', { key: keyOf(1003) })).json()
    expect(listed.connections[0]).toMatchObject({
      authorized: false,
      state: 'active',
      token_expires_at: null,
    })
    expect(listed.connections[0].last_error).toContain('refused the refresh token')

    // Installing again heals it and clears the complaint.
    expect((await installPortal(rt, sim, 1003)).res.status).toBe(200)
    const healed = await connectionOf(rt, 1003)
    expect(healed).toMatchObject({ id: row.id, lastError: null })
    expect(await getAccessToken(rt.deps, row.id)).toBe((await remember(1003)).access)
  })

  it('disconnects: revokes at HubSpot, wipes the tokens, and refuses tokens afterwards', async () => {
    const row = await connectionOf(rt, 1001)
    const { refresh } = await remember(1001)
    const key = keyOf(1001)
    const res = await rt.api(`/api/v1/connections/${row.id}/disconnect`, { method: 'POST', key })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.revocation).toBe('revoked')
    expect(body.connection).toMatchObject({ state: 'disconnected', authorized: false, last_error: null })
    expect(sim.revokedTokens()).toContain(refresh)
    const after = await connectionOf(rt, 1001)
    expect(after).toMatchObject({ state: 'disconnected', accessTokenEnc: null, refreshTokenEnc: null })
    expect(after.disconnectedAt).toBeInstanceOf(Date)
    expect((await failure(getAccessToken(rt.deps, row.id))).reason).toBe('disconnected')

    const again = await rt.api(`/api/v1/connections/${row.id}/disconnect`, { method: 'POST', key })
    expect(await again.json()).toMatchObject({
      revocation: 'no_token',
      connection: { state: 'disconnected' },
    })
    // Another workspace cannot see it, let alone disconnect it.
    const foreign = await rt.api(`/api/v1/connections/${row.id}/disconnect`, { method: 'POST' })
    expect(foreign.status).toBe(404)
  })

  it('still disconnects when HubSpot is down, and says the token was not revoked', async () => {
    const row = await connectionOf(rt, 1002)
    const { refresh } = await remember(1002)
    sim.faults.failNext({ pathPrefix: '/oauth/2026-03/token/revoke' }, 1, 503)
    const res = await rt.api(`/api/v1/connections/${row.id}/disconnect`, { method: 'POST', key: keyOf(1002) })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.revocation).toBe('failed')
    expect(body.connection.state).toBe('disconnected')
    expect(body.connection.last_error).toContain('could not be revoked')
    expect(sim.revokedTokens()).not.toContain(refresh)
    // Installing again reconnects the same connection.
    expect((await installPortal(rt, sim, 1002)).res.status).toBe(200)
    expect(await connectionOf(rt, 1002)).toMatchObject({ id: row.id, state: 'active', lastError: null })
    await remember(1002)
  })

  it('never writes a token or the client secret to the log', () => {
    const logged = logs.text()
    expect(logged).toContain('hubspot token refresh failed')
    expect(seenSecrets.size).toBeGreaterThan(6)
    for (const secret of [...seenSecrets, HUBSPOT_SIM_DEFAULTS.clientSecret])
      expect(logged).not.toContain(secret)
  })
})
