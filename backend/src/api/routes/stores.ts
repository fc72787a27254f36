import { createRoute } from '@hono/zod-openapi'
import {
  createStore,
  deleteStore,
  listStores,
  replaceStore,
  storeInputSchema,
  storeView,
} from '../../outbound/personalise/stores'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { bearerSecurity, commonErrors, errorResponse, newRouter, okSchema, uuidParam, z } from '../openapi'

const storeSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  address: z.string(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  hours: z.string().nullable(),
  maps_url: z.string().nullable(),
  aliases: z.array(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
})
const storeContent = { 'application/json': { schema: storeSchema } }
const inputBody = {
  body: { required: true, content: { 'application/json': { schema: storeInputSchema } } },
} as const
const notFound = (id: string) => new ApiError('not_found', `There is no store ${id} in this workspace.`)

/** The workspace's shops, used for {{nearest_store}} and the other store variables of quick replies. */
export function storeRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/stores',
      tags: ['settings'],
      summary: "The workspace's stores, oldest first",
      security: bearerSecurity,
      responses: {
        200: {
          description: 'Stores',
          content: { 'application/json': { schema: z.object({ stores: z.array(storeSchema) }) } },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const rows = await listStores(deps.db, c.get('auth').workspaceId)
      return c.json({ stores: rows.map(storeView) }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/stores',
      tags: ['settings'],
      summary: 'Add a store (city, region, country and aliases decide which contacts it is nearest to)',
      security: bearerSecurity,
      request: inputBody,
      responses: { 201: { description: 'Created', content: storeContent }, ...commonErrors },
    }),
    async (c) => {
      const row = await createStore(deps.db, c.get('auth').workspaceId, c.req.valid('json'))
      return c.json(storeView(row), 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/stores/{id}',
      tags: ['settings'],
      summary: "Replace a store's fields",
      security: bearerSecurity,
      request: { params: uuidParam, ...inputBody },
      responses: {
        200: { description: 'Stored', content: storeContent },
        ...commonErrors,
        404: errorResponse('No such store in this workspace'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const row = await replaceStore(deps.db, c.get('auth').workspaceId, id, c.req.valid('json'))
      if (!row) throw notFound(id)
      return c.json(storeView(row), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/stores/{id}',
      tags: ['settings'],
      summary: 'Remove a store',
      security: bearerSecurity,
      request: { params: uuidParam },
      responses: {
        200: { description: 'Removed', content: { 'application/json': { schema: okSchema } } },
        ...commonErrors,
        404: errorResponse('No such store in this workspace'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      if (!(await deleteStore(deps.db, c.get('auth').workspaceId, id))) throw notFound(id)
      return c.json({ ok: true as const }, 200)
    },
  )
  return app
}
