import { createRoute } from '@hono/zod-openapi'
import { listReviewItems, resolveReviewItem } from '../../crm/review'
import type { CrmReviewItem } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, newRouter, uuidParam, z } from '../openapi'

const reviewView = z.object({
  id: z.string(),
  connection_id: z.string(),
  contact_id: z.string().nullable(),
  kind: z.enum(['conflict', 'sync_failed']),
  field: z.string().nullable(),
  local_value: z.unknown(),
  remote_value: z.unknown(),
  local_at: z.string().nullable(),
  remote_at: z.string().nullable(),
  winner: z.enum(['local', 'remote']).nullable(),
  detail: z.record(z.string(), z.unknown()),
  status: z.enum(['open', 'resolved']),
  resolution: z.string().nullable(),
  created_at: z.string(),
  resolved_at: z.string().nullable(),
})

const toView = (r: CrmReviewItem) => ({
  id: r.id,
  connection_id: r.connectionId,
  contact_id: r.contactId,
  kind: r.kind,
  field: r.field,
  local_value: r.localValue,
  remote_value: r.remoteValue,
  local_at: r.localAt?.toISOString() ?? null,
  remote_at: r.remoteAt?.toISOString() ?? null,
  winner: r.winner,
  detail: r.detail,
  status: r.status,
  resolution: r.resolution,
  created_at: r.createdAt.toISOString(),
  resolved_at: r.resolvedAt?.toISOString() ?? null,
})

/** Field conflicts and writes the CRM kept refusing, for a person to decide. */
export function crmReviewRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/review',
      tags: ['connections'],
      summary: 'Review queue: field conflicts (both values kept) and CRM writes that failed',
      security: bearerSecurity,
      request: {
        query: z.object({
          status: z.enum(['open', 'resolved']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
      responses: {
        200: {
          description: 'Review items, newest first',
          content: { 'application/json': { schema: z.object({ items: z.array(reviewView) }) } },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const rows = await listReviewItems(deps.db, c.get('auth').workspaceId, {
        status: q.status,
        limit: q.limit,
      })
      return c.json({ items: rows.map(toView) }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/review/{id}',
      tags: ['connections'],
      summary:
        'Resolve: accept (keep what the rule chose), use_local / use_remote (write that value on both sides), retry a failed write, or dismiss',
      security: bearerSecurity,
      request: {
        params: uuidParam,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({ resolution: z.enum(['accept', 'use_local', 'use_remote', 'retry', 'dismiss']) })
                .strict(),
            },
          },
        },
      },
      responses: {
        200: { description: 'Resolved', content: { 'application/json': { schema: reviewView } } },
        ...commonErrors,
      },
    }),
    async (c) => {
      const item = await resolveReviewItem(
        deps.db,
        c.get('auth').workspaceId,
        c.req.valid('param').id,
        c.req.valid('json').resolution,
      )
      deps.crmSync?.wake()
      return c.json(toView(item), 200)
    },
  )
  return app
}
