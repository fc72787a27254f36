import { createRoute } from '@hono/zod-openapi'
import { OVERVIEW_DAYS, workspaceOverview } from '../../console/overview'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, newRouter, z } from '../openapi'

const count = z.number().int().min(0)

const overviewSchema = z
  .object({
    time_zone: z
      .string()
      .openapi({ description: "The workspace's time zone (locale settings): days are its days" }),
    today: z.object({ inbound: count, outbound: count }),
    open_windows: count.openapi({ description: 'Contacts who wrote in the last 24 hours' }),
    queues: z.object({
      sends_waiting: count,
      crm_changes_due: count,
      crm_changes_parked: count,
      review_open: count,
      dead_letters: count,
      dead_letters_capped: z.boolean().openapi({ description: 'More dead letters than counted' }),
    }),
    connections: z.array(
      z.object({
        id: z.string().uuid(),
        provider: z.string(),
        account_id: z.string(),
        state: z.string(),
        last_synced_at: z.string().nullable(),
        last_error: z.string().nullable(),
      }),
    ),
    open_alerts: count,
    days: z.array(z.object({ day: z.string(), inbound: count, outbound: count })),
  })
  .openapi('WorkspaceOverview')

const overview = createRoute({
  method: 'get',
  path: '/api/v1/overview',
  tags: ['admin console'],
  summary: `The workspace at a glance: messages today, open windows, queues, CRM sync, alerts, and the last ${OVERVIEW_DAYS} days`,
  security: bearerSecurity,
  responses: {
    200: { description: 'The overview', content: { 'application/json': { schema: overviewSchema } } },
    ...commonErrors,
  },
})

export function overviewRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(overview, async (c) => {
    const auth = c.get('auth')
    return c.json(await workspaceOverview(deps.db, auth.workspaceId, auth.scope === 'platform'), 200)
  })
  return app
}
