import { createRoute } from '@hono/zod-openapi'
import { erasureStatus, listRecordErasures } from '../../crm/erasure/erasure-status'
import type { CrmRecordErasure } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { requireAdmin } from '../auth'
import { bearerSecurity, commonErrors, errorResponse, newRouter, uuidParam, z } from '../openapi'

const recordErasureSchema = z.object({
  erasure_id: z.string().uuid(),
  connection_id: z.string(),
  object_type: z.string(),
  record_id: z.string(),
  action: z.enum(['delete', 'mark']),
  state: z.enum(['pending', 'done', 'failed']).openapi({
    description: '`failed`: the CRM refused for good; a review item (`GET /api/v1/review`) says why.',
  }),
  outcome: z.enum(['deleted', 'already_gone', 'marked']).nullable(),
  activities_removed: z.number().int(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  done_at: z.string().nullable(),
})

const erasureStatusSchema = z.object({
  erasure_id: z.string().uuid(),
  crm_records: z.array(recordErasureSchema),
})

const erasureStatusRoute = createRoute({
  method: 'get',
  path: '/api/v1/erasures/{id}',
  tags: ['privacy'],
  summary: 'Where the CRM side of an erasure stands',
  description:
    'Per CRM record of an erased person (`erasure_id` of the erase answer): what is done there and how it went. The CRM calls run in the background sync, rate-limited, retried through outages. Admin keys only.',
  security: bearerSecurity,
  request: { params: uuidParam },
  responses: {
    200: { description: 'Per record', content: { 'application/json': { schema: erasureStatusSchema } } },
    ...commonErrors,
    404: errorResponse('No such erasure in this workspace'),
  },
})

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/erasures',
  tags: ['privacy'],
  summary: 'CRM record erasures, newest first',
  description:
    'Every CRM record an erasure reaches — from an erase request, or from a CRM’s own privacy deletion carried to the other connected CRMs — filtered by `state`. Admin keys only.',
  security: bearerSecurity,
  request: {
    query: z.object({
      state: z.enum(['pending', 'done', 'failed']).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: {
      description: 'Record erasures',
      content: { 'application/json': { schema: z.object({ crm_records: z.array(recordErasureSchema) }) } },
    },
    ...commonErrors,
  },
})

const wire = (r: CrmRecordErasure) => ({
  erasure_id: r.erasureId,
  connection_id: r.connectionId,
  object_type: r.objectType,
  record_id: r.recordId,
  action: r.action,
  state: r.state,
  outcome: r.outcome,
  activities_removed: r.activitiesRemoved,
  last_error: r.lastError,
  created_at: r.createdAt.toISOString(),
  done_at: r.doneAt?.toISOString() ?? null,
})

/** The CRM side of erasures: carried out by the sync after the erase answered, visible here. */
export function erasureRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(listRoute, async (c) => {
    const auth = c.get('auth')
    requireAdmin(auth.scope)
    const rows = await listRecordErasures(deps.db, auth.workspaceId, c.req.valid('query'))
    return c.json({ crm_records: rows.map(wire) }, 200)
  })
  app.openapi(erasureStatusRoute, async (c) => {
    const auth = c.get('auth')
    requireAdmin(auth.scope)
    const erasureId = c.req.valid('param').id
    const rows = await erasureStatus(deps.db, auth.workspaceId, erasureId)
    return c.json(erasureStatusSchema.parse({ erasure_id: erasureId, crm_records: rows.map(wire) }), 200)
  })
  return app
}
