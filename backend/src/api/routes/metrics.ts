import { timingSafeEqual } from 'node:crypto'
import { Hono } from 'hono'
import type { MetricsExposition } from '../../metrics/exposition'
import type { AppDeps, AppEnv } from '../app-env'
import { ApiError } from '../errors'

/**
 * `GET /metrics` on the main port, for Prometheus with `authorization: Bearer $METRICS_TOKEN`.
 * With METRICS_PORT set instead, the scrape goes to that port (bind it to a private network)
 * and the main port does not serve metrics at all.
 */
export function metricsRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  app.get('/metrics', async (c) => {
    const token = deps.config.METRICS_TOKEN
    if (!token) {
      throw new ApiError(
        deps.config.METRICS_PORT === undefined ? 'not_configured' : 'not_found',
        deps.config.METRICS_PORT === undefined
          ? 'Metrics are off: set METRICS_TOKEN (scrape here with a bearer token) or METRICS_PORT (a separate port).'
          : 'Metrics are served on METRICS_PORT, not on this port.',
      )
    }
    if (!bearerMatches(c.req.header('authorization'), token))
      throw new ApiError('unauthorized', 'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".')
    return metricsResponse(deps.metrics)
  })
  return app
}

/** The plain scrape answer, for the main port and for the separate metrics listener. */
export async function metricsResponse(metrics: MetricsExposition | undefined): Promise<Response> {
  if (!metrics) throw new ApiError('not_configured', 'This process does not expose metrics.')
  return new Response(await metrics.render(), { headers: { 'content-type': metrics.contentType } })
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}
