import { Client } from '@hubspot/api-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubspotSimulator, startHubspotSimulator } from './index'

const CLIENT = { client_id: 'app-client', client_secret: 'app-secret-0123456789' }
const REDIRECT = 'https://scrm.example.test/oauth/hubspot/callback'

let sim: HubspotSimulator

beforeAll(async () => {
  sim = await startHubspotSimulator({ clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret })
})
afterAll(() => sim.close())

// biome-ignore lint/suspicious/noExplicitAny: HubSpot's JSON answers are inspected field by field
type Json = any

async function post(path: string, form: Record<string, string>): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  })
  return { status: res.status, body: res.status === 204 ? null : await res.json() }
}

const token = (form: Record<string, string>) => post('/oauth/2026-03/token', { ...CLIENT, ...form })

function sdk(accessToken: string) {
  return new Client({ accessToken, basePath: sim.url, numberOfApiCallRetries: 0 })
}

describe('OAuth code exchange', () => {
  it('trades an install code once for tokens that work against the CRM API', async () => {
    const code = sim.authorize(501, { redirectUri: REDIRECT })
    const first = await token({ grant_type: 'authorization_code', redirect_uri: REDIRECT, code })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({
      token_type: 'bearer',
      expires_in: 1800,
      hub_id: 501,
      scopes: expect.arrayContaining(['oauth', 'crm.objects.contacts.write']),
    })
    const page = await sdk(first.body.access_token).crm.contacts.basicApi.getPage(10)
    expect(page.results).toEqual([])

    const again = await token({ grant_type: 'authorization_code', redirect_uri: REDIRECT, code })
    expect(again.status).toBe(400)
    expect(again.body).toMatchObject({ status: 'BAD_AUTH_CODE', message: 'missing or unknown auth code' })
    expect(again.body.correlationId).toEqual(expect.any(String))
  })

  it('refuses a wrong client secret, a wrong redirect_uri and an unknown grant type', async () => {
    const code = sim.authorize(502, { redirectUri: REDIRECT })
    const badSecret = await post('/oauth/2026-03/token', {
      ...CLIENT,
      client_secret: 'nope',
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT,
      code,
    })
    expect(badSecret).toMatchObject({ status: 400, body: { status: 'BAD_CLIENT_SECRET' } })
    const badRedirect = await token({
      grant_type: 'authorization_code',
      redirect_uri: 'https://evil.test/cb',
      code,
    })
    expect(badRedirect).toMatchObject({ status: 400, body: { status: 'BAD_REDIRECT_URI' } })
    const badGrant = await token({ grant_type: 'password' })
    expect(badGrant).toMatchObject({ status: 400, body: { status: 'BAD_GRANT_TYPE' } })
    // The code was not spent by the failed attempts.
    const ok = await token({ grant_type: 'authorization_code', redirect_uri: REDIRECT, code })
    expect(ok.status).toBe(200)
  })
})

describe('refresh, introspect, revoke', () => {
  it('refreshes into a new access token while the old one keeps working until it expires', async () => {
    const { accessToken, refreshToken } = sim.issueToken(503)
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: refreshToken })
    expect(refreshed.status).toBe(200)
    expect(refreshed.body.refresh_token).toBe(refreshToken)
    expect(refreshed.body.access_token).not.toBe(accessToken)
    await expect(sdk(accessToken).crm.contacts.basicApi.getPage(1)).resolves.toBeDefined()
    await expect(sdk(refreshed.body.access_token).crm.contacts.basicApi.getPage(1)).resolves.toBeDefined()
  })

  it('introspects access and refresh tokens', async () => {
    const { accessToken, refreshToken } = sim.issueToken(504)
    const access = await post('/oauth/2026-03/token/introspect', { ...CLIENT, token: accessToken })
    expect(access).toMatchObject({
      status: 200,
      body: { active: true, hub_id: 504, token_use: 'access_token', client_id: CLIENT.client_id },
    })
    expect(access.body.expires_in).toBeGreaterThan(1790)
    const refresh = await post('/oauth/2026-03/token/introspect', { ...CLIENT, token: refreshToken })
    expect(refresh.body).toMatchObject({ active: true, hub_id: 504, token_use: 'refresh_token' })
    const unknown = await post('/oauth/2026-03/token/introspect', { ...CLIENT, token: 'nope' })
    expect(unknown.body).toEqual({ active: false })
  })

  it('revokes a refresh token and every access token issued from it (uninstall)', async () => {
    const { accessToken, refreshToken } = sim.issueToken(505)
    const revoked = await post('/oauth/2026-03/token/revoke', { ...CLIENT, token: refreshToken })
    expect(revoked.status).toBe(204)
    expect(sim.revokedTokens()).toContain(refreshToken)
    const refresh = await token({ grant_type: 'refresh_token', refresh_token: refreshToken })
    expect(refresh).toMatchObject({ status: 400, body: { status: 'BAD_REFRESH_TOKEN' } })
    const call = await fetch(`${sim.url}/crm/v3/objects/contacts`, {
      headers: { authorization: `Bearer ${accessToken}` },
    })
    expect(call.status).toBe(401)
    expect(await call.json()).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' })
  })
})

describe('bearer authentication on the CRM API', () => {
  it('answers an unknown token with HubSpot 401 body', async () => {
    const res = await fetch(`${sim.url}/crm/v3/objects/contacts`, {
      headers: { authorization: 'Bearer bogus' },
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({
      status: 'error',
      message: expect.stringMatching(/^Authentication credentials not found/),
      correlationId: expect.any(String),
      category: 'INVALID_AUTHENTICATION',
    })
  })

  it('answers an expired token with EXPIRED_AUTHENTICATION', async () => {
    const shortLived = await startHubspotSimulator({ accessTokenTtlSeconds: 0 })
    try {
      const { accessToken } = shortLived.issueToken(506)
      const res = await fetch(`${shortLived.url}/crm/v3/objects/contacts`, {
        headers: { authorization: `Bearer ${accessToken}` },
      })
      expect(res.status).toBe(401)
      expect(await res.json()).toMatchObject({ category: 'EXPIRED_AUTHENTICATION' })
    } finally {
      await shortLived.close()
    }
  })

  it('answers a token without the needed scope with 403 MISSING_SCOPES', async () => {
    const code = sim.authorize(507, { scopes: ['oauth', 'crm.objects.contacts.read'] })
    const { body } = await token({ grant_type: 'authorization_code', code })
    const client = sdk(body.access_token)
    await expect(client.crm.contacts.basicApi.getPage(1)).resolves.toBeDefined()
    const denied = await client.crm.contacts.basicApi
      .create({ properties: { firstname: 'x' } })
      .catch((e) => e)
    expect(denied.code).toBe(403)
    expect(denied.body).toMatchObject({
      category: 'MISSING_SCOPES',
      errors: [{ context: { requiredGranularScopes: ['crm.objects.contacts.write'] } }],
    })
  })
})
