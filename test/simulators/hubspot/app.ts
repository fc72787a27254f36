/**
 * The HubSpot API surface as a Hono app. Every API request passes, in order: the request log,
 * the configured latency, injected faults, then (under /crm) bearer authentication and the
 * per-portal rate limits with HubSpot's headers. Control routes under /__sim skip all of that.
 */
import { Hono } from 'hono'
import { associationRoutes } from './associations'
import { authorizeRoutes } from './authorize-page'
import { controlRoutes } from './control'
import {
  correlationId,
  hubspotError,
  missingScopes,
  secondlyLimit,
  serverError,
  tenSecondlyLimit,
} from './errors'
import { type SimEnv, send } from './http'
import { oauthRoutes } from './oauth-routes'
import { objectRoutes } from './objects'
import { propertyRoutes } from './properties'
import { recordLimitRoutes } from './record-limits'
import type { SimulatorState } from './state'

const DATED = ':version{[0-9]{4}-[0-9]{2}}'
const isSearch = (method: string, path: string) => method === 'POST' && /\/search\/?$/.test(path)

export function createApp(state: SimulatorState): Hono<SimEnv> {
  const app = new Hono<SimEnv>()

  app.route('/__sim', controlRoutes(state))

  app.use('*', async (c, next) => {
    const at = Date.now()
    const { method, path } = c.req
    c.set('inputs', 0)
    c.set('scopes', [])
    c.set('portalId', state.oauth.portalOf(c.req.header('authorization')))
    let dropped = false
    try {
      if (state.options.latencyMs > 0) await new Promise((r) => setTimeout(r, state.options.latencyMs))
      const fault = state.faults.take(method, path)
      if (fault === 'drop') {
        dropped = true
        c.env.incoming.socket.destroy()
        c.res = c.body(null, 502)
        return
      }
      if (fault === 'garbage') {
        c.res = c.body('<html><body>Service temporarily unavailable</body></html>', 200, {
          'content-type': 'text/html',
        })
        return
      }
      if (fault === 429) {
        c.res = send(c, tenSecondlyLimit(groupName(state, c.get('portalId'))))
        return
      }
      if (fault === 403) {
        c.res = send(c, missingScopes(['crm.objects.contacts.write']))
        return
      }
      if (fault) {
        c.res = send(c, serverError(fault))
        return
      }
      await next()
      c.header('x-hubspot-correlation-id', correlationId())
    } finally {
      state.requests.push({
        method,
        path,
        status: dropped ? 0 : c.res.status,
        portalId: c.get('portalId'),
        at,
        inputs: c.get('inputs'),
      })
    }
  })

  app.use('/crm/*', async (c, next) => {
    const auth = state.oauth.authenticate(c.req.header('authorization'))
    if ('status' in auth) return send(c, auth)
    c.set('portalId', auth.portalId)
    c.set('scopes', auth.scopes)
    const group = groupName(state, auth.portalId)
    // Search has its own per-second limit, is not counted in the ten-second one, and sends no headers.
    if (isSearch(c.req.method, c.req.path)) {
      if (!state.search.take(auth.portalId).ok) return send(c, secondlyLimit(group))
      return next()
    }
    const taken = state.burst.take(auth.portalId)
    c.header('X-HubSpot-RateLimit-Interval-Milliseconds', String(state.burst.windowMs))
    c.header('X-HubSpot-RateLimit-Max', String(state.burst.limit))
    c.header('X-HubSpot-RateLimit-Remaining', String(taken.remaining))
    if (!taken.ok) return send(c, tenSecondlyLimit(group))
    return next()
  })

  app.route('/oauth', authorizeRoutes(state))
  app.route('/oauth', oauthRoutes(state))
  app.route('/crm/v3/objects', objectRoutes(state))
  app.route(`/crm/objects/${DATED}`, objectRoutes(state))
  app.route('/crm/v3/properties', propertyRoutes(state))
  app.route(`/crm/properties/${DATED}`, propertyRoutes(state))
  app.route('/crm/v4', associationRoutes(state))
  app.route('/crm/v3/limits', recordLimitRoutes(state))
  app.route(`/crm/limits/${DATED}`, recordLimitRoutes(state))

  app.notFound((c) =>
    send(c, hubspotError(404, 'OBJECT_NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`)),
  )
  app.onError((error, c) => send(c, hubspotError(500, 'INTERNAL_ERROR', `internal error: ${error.message}`)))
  return app
}

function groupName(state: SimulatorState, portalId: number | null): string {
  return `publicapi:oauth:${state.options.appId}:${portalId ?? 0}`
}
