/**
 * One data centre's accounts server: `POST /oauth/v2/token` (authorization_code, refresh_token),
 * `POST /oauth/v2/token/revoke`, `GET /oauth/serverinfo`. Codes and refresh tokens trade only at
 * the org's own data centre, and the answer names the simulator's API domain for it (never a real
 * Zoho host, so clients that recognise Zoho's domains keep using the simulator). Errors are Zoho's
 * `{ error }` bodies with status 200; the mint limit is Zoho's "Access Denied" 400.
 */
import { Hono } from 'hono'
import type { SimulatorState } from './state'
import { DATA_CENTRES, type DataCentre } from './types'

const SCOPES = [
  'ZohoCRM.modules.ALL',
  'ZohoCRM.settings.fields.ALL',
  'ZohoCRM.settings.tags.ALL',
  'ZohoCRM.notifications.ALL',
  'ZohoCRM.org.READ',
  'ZohoCRM.users.READ',
]
export const SIM_SCOPES = SCOPES

export function accountsRoutes(state: SimulatorState, dc: DataCentre, origin: () => string): Hono {
  const app = new Hono()
  const apiDomain = () => `${origin()}/${dc}/api`

  app.post('/oauth/v2/token', async (c) => {
    const form = new URLSearchParams(await c.req.text())
    for (const [k, v] of new URL(c.req.url).searchParams) if (!form.has(k)) form.set(k, v)
    const get = (k: string) => form.get(k) ?? ''
    if (get('client_id') !== state.options.clientId || get('client_secret') !== state.options.clientSecret)
      return c.json({ error: 'invalid_client' })
    if (get('grant_type') === 'authorization_code') {
      const grant = state.oauth.takeCode(get('code'), get('redirect_uri'))
      const org = grant ? state.orgs.get(grant.orgId) : undefined
      if (!grant || !org || org.dc !== dc) return c.json({ error: 'invalid_code' })
      const t = state.oauth.issue(org.orgId, dc)
      return c.json({
        access_token: t.accessToken,
        refresh_token: t.refreshToken,
        scope: SCOPES.join(' '),
        api_domain: apiDomain(),
        token_type: 'Bearer',
        expires_in: state.options.accessTokenTtlSeconds,
      })
    }
    if (get('grant_type') === 'refresh_token') {
      const owner = state.oauth.refreshTokens.get(get('refresh_token'))
      if (!owner || owner.dc !== dc) return c.json({ error: 'invalid_code' })
      const accessToken = state.oauth.mint(get('refresh_token'))
      if (!accessToken)
        return c.json(
          {
            error_description:
              'You have made too many requests continuously. Please try again after some time.',
            error: 'Access Denied',
            status: 'failure',
          },
          400,
        )
      return c.json({
        access_token: accessToken,
        scope: SCOPES.join(' '),
        api_domain: apiDomain(),
        token_type: 'Bearer',
        expires_in: state.options.accessTokenTtlSeconds,
      })
    }
    return c.json({ error: 'unsupported_grant_type' })
  })

  app.post('/oauth/v2/token/revoke', async (c) => {
    const token =
      new URL(c.req.url).searchParams.get('token') ??
      new URLSearchParams(await c.req.text()).get('token') ??
      ''
    const owner = state.oauth.refreshTokens.get(token)
    if (!owner || owner.dc !== dc) return c.json({ status: 'error', error: 'invalid_token' }, 400)
    state.oauth.revoke(token)
    return c.json({ status: 'success' })
  })

  app.get('/oauth/serverinfo', (c) =>
    c.json({
      result: 'success',
      locations: Object.fromEntries(DATA_CENTRES.map((d) => [d, `${origin()}/${d}/accounts`])),
    }),
  )
  return app
}
