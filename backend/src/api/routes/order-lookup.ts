import { createRoute } from '@hono/zod-openapi'
import {
  getOrderLookupView,
  orderLookupInputSchema,
  removeOrderLookup,
  saveOrderLookup,
} from '../../automation/jobs/order-lookup-settings'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, newRouter, okSchema, z } from '../openapi'

const viewSchema = z
  .object({
    configured: z.boolean(),
    url: z.string().nullable(),
    timeout_ms: z.number().int(),
    /** The secret itself is never shown again. */
    secret_set: z.boolean(),
  })
  .openapi('OrderLookupSettings')

const path = '/api/v1/settings/order-lookup'

/**
 * Admin (`/api/v1/settings/*` is admin-only): the workspace's own order service, asked for a
 * contact's latest order when the CRM fields do not name one (`reply_order_status`).
 */
export function orderLookupRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path,
      tags: ['settings'],
      summary: 'The order-lookup endpoint automation asks for order status',
      security: bearerSecurity,
      responses: {
        200: { description: 'Settings', content: { 'application/json': { schema: viewSchema } } },
        ...commonErrors,
      },
    }),
    async (c) => c.json(await getOrderLookupView(deps.db, c.get('auth').workspaceId), 200),
  )
  app.openapi(
    createRoute({
      method: 'put',
      path,
      tags: ['settings'],
      summary:
        'Set the order-lookup endpoint (http/https only); secret signs requests with HMAC-SHA256, omit it to keep the stored one, null removes it',
      security: bearerSecurity,
      request: {
        body: { required: true, content: { 'application/json': { schema: orderLookupInputSchema } } },
      },
      responses: {
        200: { description: 'Settings', content: { 'application/json': { schema: viewSchema } } },
        ...commonErrors,
      },
    }),
    async (c) => {
      const view = await saveOrderLookup(
        deps.db,
        c.get('auth').workspaceId,
        c.req.valid('json'),
        deps.encryptionKey,
      )
      return c.json(view, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'delete',
      path,
      tags: ['settings'],
      summary: 'Stop asking an order service (CRM fields only)',
      security: bearerSecurity,
      responses: {
        200: { description: 'Removed', content: { 'application/json': { schema: okSchema } } },
        ...commonErrors,
      },
    }),
    async (c) => {
      await removeOrderLookup(deps.db, c.get('auth').workspaceId)
      return c.json({ ok: true as const }, 200)
    },
  )
  return app
}
