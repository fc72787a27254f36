import { createRoute } from '@hono/zod-openapi'
import { listAudit } from '../../lifecycle/audit-log'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, newRouter, z } from '../openapi'

const entrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor_type: z.enum(['api_key', 'crm_user', 'system']),
    actor_id: z.string().nullable(),
    crm_user_id: z.string().nullable(),
    scope: z.string().nullable(),
    action: z.string(),
    target_type: z.string().nullable(),
    target_id: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    status: z.number().int().nullable(),
    request_id: z.string().nullable(),
  })
  .openapi('AuditEntry')

const route = createRoute({
  method: 'get',
  path: '/api/v1/audit',
  tags: ['audit'],
  summary: "The workspace's audit trail, newest first",
  description:
    'Every change made through the API or a card, every export, erasure, merge, takeover and send by a person: who, when, from which key or CRM user, what changed. Append-only.',
  security: bearerSecurity,
  request: {
    query: z.object({
      since: z.string().datetime({ offset: true }).optional(),
      until: z.string().datetime({ offset: true }).optional(),
      action: z.string().min(1).max(200).optional(),
      actor_id: z.string().min(1).max(100).optional(),
      target_id: z.string().min(1).max(100).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      cursor: z
        .string()
        .regex(/^\d{1,18}$/)
        .optional(),
    }),
  },
  responses: {
    200: {
      description: 'Entries, and a cursor for the next (older) page',
      content: {
        'application/json': {
          schema: z.object({ entries: z.array(entrySchema), next_cursor: z.string().nullable() }),
        },
      },
    },
    ...commonErrors,
  },
})

export function auditRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(route, async (c) => {
    const q = c.req.valid('query')
    const rows = await listAudit(deps.db, {
      workspaceId: c.get('auth').workspaceId,
      since: q.since ? new Date(q.since) : undefined,
      until: q.until ? new Date(q.until) : undefined,
      action: q.action,
      actorId: q.actor_id,
      targetId: q.target_id,
      before: q.cursor ? Number(q.cursor) : undefined,
      limit: q.limit,
    })
    return c.json(
      {
        entries: rows.map((r) => ({
          id: String(r.id),
          at: r.at.toISOString(),
          actor_type: r.actorType,
          actor_id: r.actorId,
          crm_user_id: r.crmUserId,
          scope: r.scope,
          action: r.action,
          target_type: r.targetType,
          target_id: r.targetId,
          detail: r.detail,
          status: r.status,
          request_id: r.requestId,
        })),
        next_cursor: rows.length === q.limit ? String(rows.at(-1)?.id) : null,
      },
      200,
    )
  })
  return app
}
