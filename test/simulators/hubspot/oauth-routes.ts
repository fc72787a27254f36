/**
 * OAuth endpoints, form-encoded like HubSpot's: the date-versioned `/oauth/2026-03/token`,
 * `/token/introspect`, `/token/revoke`, plus `/oauth/v3/…` and the legacy `/oauth/v1/token`
 * (the SDK's `oauth.tokensApi` still calls it) answering the same way.
 */
import { Hono } from 'hono'
import { validationError } from './errors'
import { type Ctx, type SimEnv, send } from './http'
import type { SimulatorState } from './state'

async function form(c: Ctx): Promise<Record<string, string>> {
  const text = await c.req.text()
  return Object.fromEntries(new URLSearchParams(text))
}

const isForm = (c: Ctx) => (c.req.header('content-type') ?? '').includes('application/x-www-form-urlencoded')

export function oauthRoutes(state: SimulatorState): Hono<SimEnv> {
  const app = new Hono<SimEnv>()
  const VERSION = ':version{v1|v3|[0-9]+-[0-9]+}'

  app.post(`/${VERSION}/token`, async (c) => {
    if (!isForm(c)) return send(c, validationError('Content-Type must be application/x-www-form-urlencoded'))
    const body = await form(c)
    const answer = state.oauth.token(body)
    const hub = (answer.body as { hub_id?: number } | null)?.hub_id
    if (hub) c.set('portalId', hub)
    return send(c, answer)
  })

  app.post(`/${VERSION}/token/introspect`, async (c) => {
    if (!isForm(c)) return send(c, validationError('Content-Type must be application/x-www-form-urlencoded'))
    return send(c, state.oauth.introspect(await form(c)))
  })

  app.post(`/${VERSION}/token/revoke`, async (c) => {
    if (!isForm(c)) return send(c, validationError('Content-Type must be application/x-www-form-urlencoded'))
    return send(c, state.oauth.revoke(await form(c)))
  })

  return app
}
