import { createRoute } from '@hono/zod-openapi'
import { connectionOf } from '../../crm/connection-scope'
import { NotConfiguredError } from '../../lib/errors'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, errorResponse, newRouter, uuidParam, z } from '../openapi'

const propertyView = z.object({
  /** The CRM's internal name: what a mapping stores. */
  name: z.string(),
  label: z.string(),
  /** Our neutral type, comparable with a mapped field's `type`. */
  type: z.enum(['string', 'number', 'datetime', 'enumeration', 'multi_enumeration', 'bool']),
  /** The CRM's own type name, for people who know the CRM. */
  crm_type: z.string(),
  /** False for formula, calculated and system properties: they cannot hold our values. */
  writable: z.boolean(),
})

/** The contact properties a connection's CRM has, for choosing where a field goes. */
export function crmPropertyRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/connections/{id}/properties',
      tags: ['connections'],
      summary:
        'The contact properties the CRM reports for this connection (read from the CRM, reused for about a minute)',
      security: bearerSecurity,
      request: {
        params: uuidParam,
        query: z.object({
          /** Read the CRM now instead of reusing the last minute's answer. */
          fresh: z.enum(['true', 'false']).optional(),
        }),
      },
      responses: {
        200: {
          description: 'Properties, sorted by label',
          content: {
            'application/json': {
              schema: z.object({ properties: z.array(propertyView), fetched_at: z.string() }),
            },
          },
        },
        404: errorResponse('No such connection in this workspace'),
        502: errorResponse('The CRM refused the listing or did not answer; its message is passed on'),
        503: errorResponse('The CRM connectors do not run in this process'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const connection = await connectionOf(deps.db, c.get('auth').workspaceId, c.req.valid('param').id)
      if (!deps.crmProperties)
        throw new NotConfiguredError('CRM connectors are not available in this process.')
      const list = await deps.crmProperties.list(connection, {
        fresh: c.req.valid('query').fresh === 'true',
      })
      return c.json(
        {
          properties: list.properties.map((p) => ({
            name: p.name,
            label: p.label,
            type: p.type,
            crm_type: p.crmType,
            writable: p.writable,
          })),
          fetched_at: list.fetchedAt.toISOString(),
        },
        200,
      )
    },
  )
  return app
}
