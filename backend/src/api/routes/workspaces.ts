import { createRoute } from '@hono/zod-openapi'
import { createWorkspace } from '../../workspaces/workspace-service'
import type { AppDeps } from '../app-env'
import { requirePlatform } from '../auth'
import { bearerSecurity, commonErrors, newRouter, z } from '../openapi'

const create = createRoute({
  method: 'post',
  path: '/api/v1/workspaces',
  tags: ['workspaces'],
  summary: 'Create a workspace and its first admin key (platform key only)',
  security: bearerSecurity,
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: z.object({ name: z.string().trim().min(1).max(200) }).strict() },
      },
    },
  },
  responses: {
    201: {
      description: 'Created; the API key is shown this once',
      content: {
        'application/json': { schema: z.object({ id: z.string(), name: z.string(), api_key: z.string() }) },
      },
    },
    ...commonErrors,
  },
})

export function workspaceRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(create, async (c) => {
    requirePlatform(c.get('auth').scope)
    const created = await createWorkspace(deps.db, c.req.valid('json').name)
    return c.json({ id: created.id, name: created.name, api_key: created.apiKey }, 201)
  })
  return app
}
