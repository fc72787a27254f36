import { createRoute } from '@hono/zod-openapi'
import { and, asc, eq } from 'drizzle-orm'
import { productCatalog } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { bearerSecurity, commonErrors, errorResponse, newRouter, z } from '../openapi'

const productView = z.object({ sku: z.string(), name: z.string(), aliases: z.array(z.string()) })
const skuParam = z.object({ sku: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, . _ and -') })

/** The product catalogue customer mentions are matched against ("iphone15 pro max" → APL-IP15PM). */
export function catalogRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/catalog/{sku}',
      tags: ['intelligence'],
      summary: 'Create or change a product and the names customers use for it',
      security: bearerSecurity,
      request: {
        params: skuParam,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  name: z.string().trim().min(1).max(200),
                  aliases: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
                })
                .strict(),
            },
          },
        },
      },
      responses: {
        200: { description: 'Stored', content: { 'application/json': { schema: productView } } },
        ...commonErrors,
      },
    }),
    async (c) => {
      const { sku } = c.req.valid('param')
      const body = c.req.valid('json')
      const values = {
        workspaceId: c.get('auth').workspaceId,
        sku,
        name: body.name,
        aliases: body.aliases,
        updatedAt: new Date(),
      }
      await deps.db
        .insert(productCatalog)
        .values(values)
        .onConflictDoUpdate({ target: [productCatalog.workspaceId, productCatalog.sku], set: values })
      return c.json({ sku, name: body.name, aliases: body.aliases }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/catalog',
      tags: ['intelligence'],
      summary: 'The product catalogue',
      security: bearerSecurity,
      responses: {
        200: {
          description: 'Products',
          content: { 'application/json': { schema: z.object({ products: z.array(productView) }) } },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const rows = await deps.db
        .select()
        .from(productCatalog)
        .where(eq(productCatalog.workspaceId, c.get('auth').workspaceId))
        .orderBy(asc(productCatalog.sku))
      return c.json({ products: rows.map((r) => ({ sku: r.sku, name: r.name, aliases: r.aliases })) }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/catalog/{sku}',
      tags: ['intelligence'],
      summary: 'Remove a product (past mentions stay on messages and interests)',
      security: bearerSecurity,
      request: { params: skuParam },
      responses: {
        200: {
          description: 'Removed',
          content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } },
        },
        ...commonErrors,
        404: errorResponse('No such product'),
      },
    }),
    async (c) => {
      const rows = await deps.db
        .delete(productCatalog)
        .where(
          and(
            eq(productCatalog.workspaceId, c.get('auth').workspaceId),
            eq(productCatalog.sku, c.req.valid('param').sku),
          ),
        )
        .returning({ sku: productCatalog.sku })
      if (rows.length === 0) throw new ApiError('not_found', 'No such product in the catalogue.')
      return c.json({ ok: true as const }, 200)
    },
  )
  return app
}
