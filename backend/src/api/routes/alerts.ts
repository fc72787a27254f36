import { createRoute } from '@hono/zod-openapi'
import { listAlerts, resolveAlert } from '../../analytics/alerts'
import { ALERT_RULES, type AnalyticsAlert } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, errorResponse, newRouter, uuidParam, z } from '../openapi'

const alertSchema = z
  .object({
    id: z.string(),
    rule: z.enum(ALERT_RULES),
    subject: z.string(),
    period: z.string(),
    figures: z.record(z.string(), z.unknown()),
    suggestion: z.string().nullable(),
    raised_at: z.string(),
    resolved_at: z.string().nullable(),
  })
  .openapi('Alert')

const view = (a: AnalyticsAlert) => ({
  id: a.id,
  rule: a.rule,
  subject: a.subject,
  period: a.period,
  figures: a.figures,
  suggestion: a.suggestion,
  raised_at: a.raisedAt.toISOString(),
  resolved_at: a.resolvedAt?.toISOString() ?? null,
})

/** Cursor of the next page: the last alert's raised_at and id. */
const cursorSchema = z
  .string()
  .max(200)
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/, 'a cursor from next_cursor')

const list = createRoute({
  method: 'get',
  path: '/api/v1/alerts',
  tags: ['alerts'],
  summary: 'Alerts the rules raised (complaint rate, agent response time, CRM sync success), newest first',
  description:
    'Each alert holds the figures that raised it and a suggestion. Also delivered as the `alert.raised` event to event-webhook subscribers.',
  security: bearerSecurity,
  request: {
    query: z.object({
      state: z.enum(['open', 'resolved', 'all']).default('open'),
      rule: z.enum(ALERT_RULES).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: cursorSchema.optional(),
    }),
  },
  responses: {
    200: {
      description: 'Alerts, and a cursor for the next page',
      content: {
        'application/json': {
          schema: z.object({ alerts: z.array(alertSchema), next_cursor: z.string().nullable() }),
        },
      },
    },
    ...commonErrors,
  },
})

const resolve = createRoute({
  method: 'post',
  path: '/api/v1/alerts/{id}/resolve',
  tags: ['alerts'],
  summary: 'Mark an alert resolved (resolving again keeps the first time)',
  security: bearerSecurity,
  request: { params: uuidParam },
  responses: {
    200: { description: 'The alert', content: { 'application/json': { schema: alertSchema } } },
    ...commonErrors,
    404: errorResponse('No such alert in this workspace'),
  },
})

export function alertRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(list, async (c) => {
    const q = c.req.valid('query')
    const [at, id] = q.cursor ? q.cursor.split('_') : []
    const before = at && id && !Number.isNaN(Date.parse(at)) ? { raisedAt: new Date(at), id } : undefined
    const rows = await listAlerts(deps.db, {
      workspaceId: c.get('auth').workspaceId,
      state: q.state,
      rule: q.rule,
      before,
      limit: q.limit,
    })
    const last = rows.length === q.limit ? rows[rows.length - 1] : undefined
    return c.json(
      {
        alerts: rows.map(view),
        next_cursor: last ? `${last.raisedAt.toISOString()}_${last.id}` : null,
      },
      200,
    )
  })
  app.openapi(resolve, async (c) => {
    const alert = await resolveAlert(deps.db, c.get('auth').workspaceId, c.req.valid('param').id)
    return c.json(view(alert), 200)
  })
  return app
}
