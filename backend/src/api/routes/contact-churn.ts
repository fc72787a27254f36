import { createRoute } from '@hono/zod-openapi'
import { contactChurn } from '../../analytics/contact-churn'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, errorResponse, newRouter, uuidParam, z } from '../openapi'

const reason = z.record(z.string(), z.unknown()).nullable()

const contactChurnSchema = z
  .object({
    at_risk: z.boolean(),
    since: z.string().nullable(),
    reason,
    history: z.array(z.object({ at: z.string(), at_risk: z.boolean(), reason })),
    weeks: z.array(
      z.object({
        week: z.string().describe('Monday of the local week, YYYY-MM-DD'),
        inbound: z.number().int(),
        outbound: z.number().int(),
        average_sentiment: z.number().nullable().describe('Of what the person wrote that week, 0..1'),
      }),
    ),
  })
  .openapi('ContactChurn')

const route = createRoute({
  method: 'get',
  path: '/api/v1/contacts/{id}/churn',
  tags: ['reports'],
  summary:
    "One person's churn trend: the mark now, every mark and recovery, and 12 weeks of interaction and mood",
  security: bearerSecurity,
  request: {
    params: uuidParam,
    query: z.object({ weeks: z.coerce.number().int().min(1).max(52).default(12) }),
  },
  responses: {
    200: { description: 'The trend', content: { 'application/json': { schema: contactChurnSchema } } },
    ...commonErrors,
    404: errorResponse('No such contact'),
  },
})

export function contactChurnRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(route, async (c) =>
    c.json(
      await contactChurn(
        deps.db,
        c.get('auth').workspaceId,
        c.req.valid('param').id,
        c.req.valid('query').weeks,
      ),
      200,
    ),
  )
  return app
}
