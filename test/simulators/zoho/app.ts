/**
 * The simulator as one Hono app serving every data centre under its own prefix: `/{dc}/accounts`
 * (the accounts server) and `/{dc}/api/crm/v8` (the API domain). API requests pass, in order: the
 * request log, latency, injected faults, the token check (401 INVALID_TOKEN; a token works only at
 * its own data centre), concurrency (429 beyond the edition's calls in flight) and the rolling
 * 24-hour credits (429 once spent). `X-API-CREDITS-REMAINING` is sent from 50 % usage on, as Zoho
 * does. Record changes made by a request queue their notifications when it ends.
 */
import { Hono } from 'hono'
import { accountsRoutes } from './accounts-routes'
import { type ApiEnv, apiRoutes, zohoError } from './api-routes'
import type { SimulatorState } from './state'
import { DATA_CENTRES, type DataCentre } from './types'

export function createApp(state: SimulatorState, origin: () => string): Hono {
  const app = new Hono()
  for (const dc of DATA_CENTRES) {
    app.route(`/${dc}/accounts`, accountsRoutes(state, dc, origin))
    app.route(`/${dc}/api/crm/v8`, dataCentreApi(state, dc))
  }
  app.notFound((c) =>
    c.json(
      {
        code: 'INVALID_URL_PATTERN',
        details: {},
        message: 'Please check if the URL trying to access is a correct one',
        status: 'error',
      },
      404,
    ),
  )
  return app
}

function dataCentreApi(state: SimulatorState, dc: DataCentre): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>()
  app.use('*', async (c, next) => {
    const at = Date.now()
    const path = c.req.path.replace(/^.*\/crm\/v8/, '')
    c.set('credits', 1)
    c.set('records', 0)
    let orgId: string | null = null
    let dropped = false
    let counted = false
    const org = () => (orgId ? state.orgs.get(orgId) : undefined)
    try {
      if (state.options.latencyMs > 0) await new Promise((r) => setTimeout(r, state.options.latencyMs))
      const session = state.oauth.authenticate(c.req.header('authorization'), dc)
      orgId = session?.orgId ?? null
      const fault = state.takeFault(c.req.method, path)
      if (fault === 'drop') {
        dropped = true
        c.res = new Response(null, { status: 502 })
        return
      }
      if (fault === 'INVALID_TOKEN' || !session || !org()) {
        c.res = zohoError(c, 401, 'INVALID_TOKEN', 'invalid oauth token')
        return
      }
      if (fault === 429) {
        c.res = zohoError(c, 429, 'TOO_MANY_REQUESTS', 'The number of requests has exceeded the limit')
        return
      }
      if (fault) {
        c.res = zohoError(c, fault, 'INTERNAL_ERROR', 'Internal Server Error')
        return
      }
      const o = org() as NonNullable<ReturnType<typeof org>>
      c.set('org', o)
      if (o.inFlight >= o.concurrency) {
        c.res = zohoError(c, 429, 'TOO_MANY_REQUESTS', 'You have exceeded the concurrency limit', {
          limit: o.concurrency,
        })
        return
      }
      if (o.creditsUsed() >= o.creditLimit) {
        c.res = zohoError(c, 429, 'TOO_MANY_REQUESTS', 'API credits exhausted for the last 24 hours', {
          limit: o.creditLimit,
        })
        return
      }
      o.inFlight += 1
      counted = true
      o.peak = Math.max(o.peak, o.inFlight)
      await next()
      if (c.res.status < 500) {
        o.spent.push({ at: Date.now(), cost: c.get('credits') })
        const used = o.creditsUsed()
        if (used >= o.creditLimit / 2)
          c.res.headers.set('X-API-CREDITS-REMAINING', String(Math.max(0, o.creditLimit - used)))
      }
    } finally {
      const o = org()
      if (counted && o) o.inFlight -= 1
      state.logRequest({
        method: c.req.method,
        path,
        dc,
        status: dropped ? 0 : c.res.status,
        orgId,
        credits: counted && c.res.status < 500 ? c.get('credits') : 0,
        records: c.get('records'),
        at,
      })
      if (o) state.notify(o)
    }
  })
  app.route('/', apiRoutes())
  return app
}
