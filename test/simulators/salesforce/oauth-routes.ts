/**
 * `/services/oauth2/token` (authorization_code, refresh_token), `/services/oauth2/revoke` and the
 * identity URL `/id/{orgId}/{userId}`, on the production login host and under `/sandbox` for
 * sandboxes. Answers follow Salesforce's: `id` is the identity URL the org id is read from.
 */
import { Hono } from 'hono'
import { oauthError } from './errors'
import { type SimEnv, send } from './http'
import type { SimulatorState } from './state'
import { DEFAULTS, SANDBOX_PATH } from './types'

export function oauthRoutes(state: SimulatorState, sandbox: boolean): Hono<SimEnv> {
  const app = new Hono<SimEnv>()
  const loginBase = (c: { req: { url: string } }) =>
    `${new URL(c.req.url).origin}${sandbox ? SANDBOX_PATH : ''}`
  const instanceUrl = (c: { req: { url: string } }) => new URL(c.req.url).origin

  app.post('/services/oauth2/token', async (c) => {
    const form = new URLSearchParams(await c.req.text())
    const get = (k: string) => form.get(k) ?? undefined
    if (get('client_id') !== state.options.clientId)
      return send(c, oauthError(400, 'invalid_client_id', 'client identifier invalid'))
    if (get('client_secret') !== state.options.clientSecret)
      return send(c, oauthError(400, 'invalid_client', 'invalid client credentials'))
    const answer = (orgId: string, userId: string, accessToken: string, refreshToken?: string) =>
      c.json({
        access_token: accessToken,
        ...(refreshToken ? { refresh_token: refreshToken } : {}),
        signature: 'c2lnbmF0dXJl',
        scope: DEFAULTS.scopes.join(' '),
        instance_url: instanceUrl(c),
        id: `${loginBase(c)}/id/${orgId}/${userId}`,
        token_type: 'Bearer',
        issued_at: String(Date.now()),
      })
    switch (get('grant_type')) {
      case 'authorization_code': {
        const grant = state.oauth.takeCode(get('code') ?? '', get('redirect_uri') ?? '')
        const org = grant ? state.orgs.get(grant.orgId) : undefined
        if (!grant || !org || org.sandbox !== sandbox)
          return send(c, oauthError(400, 'invalid_grant', 'authentication failure'))
        const t = state.oauth.issue(grant.orgId, grant.userId)
        return answer(grant.orgId, grant.userId, t.accessToken, t.refreshToken)
      }
      case 'refresh_token': {
        const owner = state.oauth.refreshTokens.get(get('refresh_token') ?? '')
        const org = owner ? state.orgs.get(owner.orgId) : undefined
        if (!owner || !org || org.sandbox !== sandbox)
          return send(c, oauthError(400, 'invalid_grant', 'expired access/refresh token'))
        return answer(owner.orgId, owner.userId, state.oauth.session(owner.orgId, owner.userId))
      }
      default:
        return send(c, oauthError(400, 'unsupported_grant_type', 'grant type not supported'))
    }
  })

  app.post('/services/oauth2/revoke', async (c) => {
    const token = new URLSearchParams(await c.req.text()).get('token') ?? c.req.query('token') ?? ''
    if (!state.oauth.revoke(token)) return send(c, oauthError(400, 'invalid_token', 'invalid token'))
    return c.body(null, 200)
  })

  app.get('/id/:orgId/:userId', (c) => {
    const session = state.oauth.authenticate(c.req.header('authorization'))
    if (!session || session.orgId !== c.req.param('orgId'))
      return send(c, oauthError(403, 'Bad_OAuth_Token', 'Bad_OAuth_Token'))
    return c.json({
      id: `${loginBase(c)}/id/${session.orgId}/${session.userId}`,
      organization_id: session.orgId,
      user_id: session.userId,
      username: `admin@${session.orgId.toLowerCase()}.example`,
      display_name: 'Org Admin',
      active: true,
      user_type: 'STANDARD',
      urls: { rest: `${instanceUrl(c)}/services/data/v{version}/` },
    })
  })
  return app
}
