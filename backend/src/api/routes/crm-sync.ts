import { createRoute } from '@hono/zod-openapi'
import { connectionOf } from '../../crm/connection-scope'
import type { CrmQuota } from '../../crm/port'
import { outboxDepth, queueBackfill } from '../../crm/sync/backfill'
import type { CrmConnection } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { bearerSecurity, commonErrors, newRouter, uuidParam, z } from '../openapi'

const statusView = z.object({
  connection_id: z.string(),
  state: z.string(),
  pending: z.object({
    contact: z.number(),
    message: z.number(),
    task: z.number(),
    merge: z.number(),
    parked: z.number(),
  }),
  last_synced_at: z.string().nullable(),
  last_error: z.string().nullable(),
  /** The CRM's request budget as it last reported it (null before the first call). */
  quota: z
    .object({ remaining: z.number(), max: z.number(), window_ms: z.number(), at: z.string() })
    .nullable(),
})

/** Sync health per connection, and a backfill of what the workspace already has. */
export function crmSyncRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/connections/{id}/sync',
      tags: ['connections'],
      summary: 'What is still waiting to be written to the CRM, and the last error',
      security: bearerSecurity,
      request: { params: uuidParam },
      responses: {
        200: { description: 'Sync status', content: { 'application/json': { schema: statusView } } },
        ...commonErrors,
      },
    }),
    async (c) => {
      const connection = await connectionOf(deps.db, c.get('auth').workspaceId, c.req.valid('param').id)
      const depth = await outboxDepth(deps.db, connection.id)
      return c.json(
        {
          connection_id: connection.id,
          state: connection.state,
          pending: {
            contact: depth.contact ?? 0,
            message: depth.message ?? 0,
            task: depth.task ?? 0,
            merge: depth.merge ?? 0,
            parked: depth.parked ?? 0,
          },
          last_synced_at: connection.lastSyncedAt?.toISOString() ?? null,
          last_error: connection.lastError,
          quota: quotaView(deps, connection),
        },
        200,
      )
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/connections/{id}/sync/backfill',
      tags: ['connections'],
      summary: 'Queue every contact, message (optionally since a date) and open task for this CRM',
      security: bearerSecurity,
      request: {
        params: uuidParam,
        body: {
          required: false,
          content: {
            'application/json': {
              schema: z.object({ messages_since: z.string().datetime({ offset: true }).optional() }).strict(),
            },
          },
        },
      },
      responses: {
        202: {
          description: 'Queued',
          content: {
            'application/json': {
              schema: z.object({ contacts: z.number(), messages: z.number(), tasks: z.number() }),
            },
          },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const connection = await connectionOf(deps.db, c.get('auth').workspaceId, c.req.valid('param').id)
      if (connection.state !== 'active') throw new ApiError('conflict', 'This connection is disconnected.')
      const body = c.req.valid('json') ?? {}
      const queued = await queueBackfill(deps.db, connection, {
        messagesSince: body.messages_since ? new Date(body.messages_since) : undefined,
      })
      deps.crmSync?.wake()
      return c.json(queued, 202)
    },
  )
  return app
}

function quotaView(deps: AppDeps, connection: CrmConnection) {
  if (connection.state !== 'active') return null
  let q: CrmQuota | null = null
  try {
    q = deps.crmQuota?.(connection) ?? null
  } catch {
    // A provider without a connector yet has no quota to show.
  }
  return q
    ? { remaining: q.remaining, max: q.max, window_ms: q.windowMs, at: new Date(q.at).toISOString() }
    : null
}
