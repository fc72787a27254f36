import { createMiddleware } from 'hono/factory'
import { routePath } from 'hono/route'
import { httpDuration, httpRequests, webhookDeliveries } from '../lib/metrics'
import type { AppEnv } from './app-env'

/**
 * Counts every answer by the route pattern that matched (`/api/v1/contacts/:id`), never the
 * concrete path: ids and phone numbers stay out of the labels, and the label set stays small.
 */
export function httpMetrics() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now()
    try {
      await next()
    } finally {
      const matched = routePath(c)
      const route = c.res.status === 404 && matched === '/*' ? 'unmatched' : matched
      const labels = { method: c.req.method, route }
      httpRequests.inc({ ...labels, status: String(c.res.status) })
      httpDuration.observe(labels, (performance.now() - started) / 1000)
      // A delivery to a source we know: `/webhooks/{crm}` answers an unknown CRM with 404, which is
      // not a delivery (and must not put whatever a caller wrote in the path into a label).
      if (c.req.method === 'POST' && route.startsWith('/webhooks/') && c.res.status !== 404) {
        const source = c.req.path.split('/')[2] ?? 'unknown'
        webhookDeliveries.inc({ source, outcome: c.res.status < 300 ? 'acked' : 'refused' })
      }
    }
  })
}
