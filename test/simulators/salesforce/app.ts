/**
 * The Salesforce surface as a Hono app. Every API request under `/services/data` passes, in order:
 * the request log, the configured latency, injected faults, the session check (401
 * INVALID_SESSION_ID), the org's daily allocation (403 REQUEST_LIMIT_EXCEEDED once used up) —
 * and every answer carries `Sforce-Limit-Info: api-usage=used/limit`. OAuth lives on the login
 * hosts (`/` production, `/sandbox` sandboxes); control routes under /__sim skip all of that.
 */
import { Hono } from 'hono'
import { controlRoutes } from './control'
import { dataRoutes } from './data-routes'
import { invalidSession, requestLimitExceeded, type SimAnswer, serverError, sfError } from './errors'
import { type SimEnv, send } from './http'
import { oauthRoutes } from './oauth-routes'
import type { SimulatorState } from './state'
import { SANDBOX_PATH } from './types'

const VERSION = ':version{v[0-9]+\\.[0-9]}'

export function createApp(state: SimulatorState): Hono<SimEnv> {
  const app = new Hono<SimEnv>()

  app.route('/__sim', controlRoutes(state))

  app.use('*', async (c, next) => {
    const at = Date.now()
    const { method, path } = c.req
    c.set('org', null)
    c.set('userId', null)
    c.set('records', 0)
    let dropped = false
    try {
      if (state.options.latencyMs > 0) await new Promise((r) => setTimeout(r, state.options.latencyMs))
      const relative = path.replace(/^\/services\/data\/v[\d.]+/, '')
      const fault = state.faults.take(method, [relative, path])
      if (fault === 'drop') {
        dropped = true
        c.env.incoming.socket.destroy()
        c.res = c.body(null, 502)
        return
      }
      if (fault) {
        const session = state.oauth.authenticate(c.req.header('authorization'))
        const org = session ? state.orgs.get(session.orgId) : undefined
        if (org) c.set('org', org)
        const answer: SimAnswer =
          fault === 'REQUEST_LIMIT_EXCEEDED'
            ? requestLimitExceeded()
            : fault === 'INVALID_SESSION_ID'
              ? invalidSession()
              : serverError(fault)
        if (org) c.header('Sforce-Limit-Info', `api-usage=${org.used}/${org.limit}`)
        c.res = send(c, answer)
        return
      }
      await next()
    } finally {
      state.requests.push({
        method,
        path,
        status: dropped ? 0 : c.res.status,
        orgId: c.get('org')?.orgId ?? null,
        records: c.get('records'),
        at,
      })
    }
  })

  app.use('/services/data/*', async (c, next) => {
    const session = state.oauth.authenticate(c.req.header('authorization'))
    const org = session ? state.orgs.get(session.orgId) : undefined
    if (!session || !org) return send(c, invalidSession())
    c.set('org', org)
    c.set('userId', session.userId)
    if (org.used >= org.limit) {
      c.header('Sforce-Limit-Info', `api-usage=${org.used}/${org.limit}`)
      return send(c, requestLimitExceeded())
    }
    org.used += 1
    c.header('Sforce-Limit-Info', `api-usage=${org.used}/${org.limit}`)
    return next()
  })

  app.route(`/services/data/${VERSION}`, dataRoutes(state))
  app.route('/', oauthRoutes(state, false))
  app.route(SANDBOX_PATH, oauthRoutes(state, true))

  app.notFound((c) =>
    send(c, sfError(404, 'NOT_FOUND', `The requested resource does not exist: ${c.req.path}`)),
  )
  app.onError((error, c) =>
    send(c, sfError(500, 'UNKNOWN_EXCEPTION', `An unexpected error occurred: ${error.message}`)),
  )
  return app
}
