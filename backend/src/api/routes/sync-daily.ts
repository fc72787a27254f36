import { createRoute } from '@hono/zod-openapi'
import type { ReportPeriod } from '../../analytics/report-period'
import { syncDaily } from '../../analytics/sync-daily'
import { analyticsContext } from '../../analytics/workspace-context'
import { connectionOf } from '../../crm/connection-scope'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, newRouter, uuidParam, z } from '../openapi'
import { reportQuery } from './report-schemas'

const dayView = z.object({
  day: z.string().openapi({ example: '2026-03-01' }),
  succeeded: z.number().int(),
  failed: z.number().int(),
  success_percent: z.number().nullable().openapi({ example: 99.2 }),
  latency_p50_ms: z.number().int().nullable(),
  latency_p95_ms: z.number().int().nullable(),
})

/** A connection's daily sync success rate and latency (the `sync_success` alert reads the same rollup). */
export function syncDailyRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/connections/{id}/sync/daily',
      tags: ['connections'],
      summary:
        'Per local day: changes written to the CRM and failed (parked), the success rate, and p50/p95 from the first unwritten change to its write',
      security: bearerSecurity,
      request: { params: uuidParam, query: reportQuery(['day'], 'day') },
      responses: {
        200: {
          description: 'Days with settled changes, oldest first',
          content: {
            'application/json': {
              schema: z.object({
                connection_id: z.string(),
                time_zone: z.string(),
                from: z.string(),
                to: z.string(),
                days: z.array(dayView),
              }),
            },
          },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const workspaceId = c.get('auth').workspaceId
      const connection = await connectionOf(deps.db, workspaceId, c.req.valid('param').id)
      const q = c.req.valid('query')
      const { timeZone } = await analyticsContext(deps.db, workspaceId)
      const period: ReportPeriod = { workspaceId, from: q.from, to: q.to, timeZone: q.time_zone ?? timeZone }
      const days = await syncDaily(deps.db, connection.id, period)
      return c.json(
        { connection_id: connection.id, time_zone: period.timeZone, from: q.from, to: q.to, days },
        200,
      )
    },
  )
  return app
}
