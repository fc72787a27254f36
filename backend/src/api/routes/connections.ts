import { createRoute } from '@hono/zod-openapi'
import { and, eq } from 'drizzle-orm'
import { crmConnections } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { requireAdmin } from '../auth'
import { ApiError } from '../errors'
import { bearerSecurity, commonErrors, errorResponse, newRouter, z } from '../openapi'
import { connectionView, toConnectionView } from './connection-view'

/**
 * CRM accounts linked to the workspace. The marketplace OAuth install creates them too; this
 * route lets an admin link an account whose install is managed elsewhere. Only a CRM with a
 * registered provider can be linked: nothing could sync to any other.
 */
export function connectionRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/connections',
      tags: ['connections'],
      summary: 'Link a CRM account (its portal / org id) to this workspace',
      security: bearerSecurity,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  provider: z.string().min(1).max(40),
                  account_id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
                })
                .strict(),
            },
          },
        },
      },
      responses: {
        201: { description: 'Linked', content: { 'application/json': { schema: connectionView } } },
        ...commonErrors,
        409: errorResponse('Linked to a workspace already'),
      },
    }),
    async (c) => {
      const auth = c.get('auth')
      requireAdmin(auth.scope)
      const body = c.req.valid('json')
      // 400 validation_failed naming the registered providers.
      deps.crm.accept(body.provider)
      const [row] = await deps.db
        .insert(crmConnections)
        .values({ workspaceId: auth.workspaceId, provider: body.provider, accountId: body.account_id })
        .onConflictDoNothing()
        .returning()
      if (!row)
        throw new ApiError(
          'conflict',
          `${body.provider} account ${body.account_id} is already linked to a workspace.`,
        )
      return c.json(toConnectionView(row), 201)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/connections',
      tags: ['connections'],
      summary: "The workspace's CRM accounts and their health (state, scopes, token expiry, last error)",
      security: bearerSecurity,
      responses: {
        200: {
          description: 'Connections',
          content: { 'application/json': { schema: z.object({ connections: z.array(connectionView) }) } },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const rows = await deps.db
        .select()
        .from(crmConnections)
        .where(and(eq(crmConnections.workspaceId, c.get('auth').workspaceId)))
      return c.json({ connections: rows.map(toConnectionView) }, 200)
    },
  )
  return app
}
